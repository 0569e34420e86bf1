/** A test builder for referrals already in treatment that both sides see: accepted by the listing's provider (activity-rows' referral) and made by the demo practice. */
import type { Deps } from '../../src/domains/deps.ts';
import { aReferralFor } from './activity-rows.ts';

/** A referral from the practice to the listing's provider, accepted on 2 February 2027 and in treatment; returns its id and reference. */
export async function aReferralInTreatment(
  deps: Deps,
  listing: { offerId: string; listingId: string; providerId: string },
  practiceOds = 'B84001',
): Promise<{ id: string; ubrn: string }> {
  const commissioner = await deps.db
    .selectFrom('offer_commissioners')
    .select('organisation_id')
    .where('offer_id', '=', listing.offerId)
    .executeTakeFirstOrThrow();
  const referral = await aReferralFor(deps, { ...listing, commissionerId: commissioner.organisation_id }, { acceptedOn: '2027-02-02' });
  await deps.db
    .updateTable('referrals')
    .set((eb) => ({
      referrer_organisation_id: eb.selectFrom('organisations').select('id').where('ods_code', '=', practiceOds),
      eligibility: JSON.stringify({ eligible: true, ageOnReferralDate: 56, reasons: [] }),
    }))
    .where('id', '=', referral.id)
    .execute();
  return referral;
}
