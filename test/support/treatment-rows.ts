/** A test builder for referrals already in treatment: accepted by a listed provider at its first open site, written straight into the tables, for tests of what is recorded during care. */
import type { Deps } from '../../src/domains/deps.ts';

let made = 0;

/** A referral from the practice to the listing's provider, accepted and in treatment; returns its id and reference. */
export async function aReferralInTreatment(
  deps: Deps,
  listing: { offerId: string; listingId: string; providerId: string },
  practiceOds = 'B84001',
): Promise<{ id: string; ubrn: string }> {
  made += 1;
  const at = new Date();
  const [commissioner, practice, site] = await Promise.all([
    deps.db.selectFrom('offer_commissioners').select('organisation_id').where('offer_id', '=', listing.offerId).executeTakeFirstOrThrow(),
    deps.db.selectFrom('organisations').select('id').where('ods_code', '=', practiceOds).executeTakeFirstOrThrow(),
    deps.db
      .selectFrom('sites')
      .select('id')
      .where('organisation_id', '=', listing.providerId)
      .where('closed_on', 'is', null)
      .orderBy('name')
      .executeTakeFirstOrThrow(),
  ]);
  const patient = await deps.db
    .insertInto('patients')
    .values({
      given_name: 'Tess',
      family_name: `Treated ${made}`,
      date_of_birth: '1960-02-02',
      sex: 'female',
      postcode: 'HX1 1PW',
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const ubrn = String(700000000000 + made);
  const referral = await deps.db
    .insertInto('referrals')
    .values({
      ubrn,
      access_code_hash: 'not-a-real-hash',
      patient_id: patient.id,
      offer_id: listing.offerId,
      protocol_version: 1,
      commissioner_organisation_id: commissioner.organisation_id,
      referrer_organisation_id: practice.id,
      route: 'gp',
      priority: 'routine',
      eligibility: JSON.stringify({ eligible: true, ageOnReferralDate: 66, reasons: [] }),
      status: 'accepted',
      referred_on: '2027-02-01',
      listing_id: listing.listingId,
      site_id: site.id,
      provider_organisation_id: listing.providerId,
      sent_at: new Date('2027-02-01T10:00:00Z'),
      accepted_at: new Date('2027-02-02T10:00:00Z'),
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: referral.id, ubrn };
}
