/** Test builders for referrals: real postcodes, a practice with its referrer, providers with sites, listings in any status, and referral requests. */
import type { Deps } from '../../src/domains/deps.ts';
import { createApiKey } from '../../src/domains/identity/api-key.service.ts';
import { DEMO_PASSWORD } from '../../src/demo/region.demo-seed.ts';
import { hashPassword } from '../../src/domains/identity/password.ts';
import { insertMembership, insertUser } from '../../src/domains/identity/user.repo.ts';
import { addDays } from '../../src/lib/working-days.ts';
import { aQualifiedListing, giveCompleteAssurance } from './listing-rows.ts';

/** Coordinates of real postcodes, as in Code-Point Open 2025.4.0 (../shared/data/postcodes_gb.csv.gz). */
export const REAL_POSTCODES: Record<string, { latitude: number; longitude: number }> = {
  'HX6 3AB': { latitude: 53.70711, longitude: -1.91078 },
  'HX1 1PW': { latitude: 53.72166, longitude: -1.85798 },
  'HX3 6BP': { latitude: 53.72759, longitude: -1.85537 },
  'HD1 1JF': { latitude: 53.64754, longitude: -1.78489 },
  'HD1 6PT': { latitude: 53.65466, longitude: -1.77171 },
  'HD2 2EF': { latitude: 53.67019, longitude: -1.81509 },
  'HD8 8QU': { latitude: 53.57607, longitude: -1.65468 },
  'OL14 5RN': { latitude: 53.71365, longitude: -2.09216 },
  'LS1 4AP': { latitude: 53.79546, longitude: -1.55572 },
};

/** Imports the named real postcodes into the postcodes table (test databases start without any). */
export async function placePostcodes(deps: Deps, postcodes: string[] = Object.keys(REAL_POSTCODES)): Promise<void> {
  await deps.db
    .insertInto('postcodes')
    .values(postcodes.map((postcode) => ({ postcode, ...REAL_POSTCODES[postcode]!, country_code: 'E92000001' })))
    .onConflict((oc) => oc.column('postcode').doNothing())
    .execute();
}

/** A GP practice under a sub-ICB with one referrer; returns the referrer's email and an API key acting as them. */
export async function aPracticeWithReferrer(
  deps: Deps,
  practice: { odsCode: string; name: string; subIcbOds: string; email: string },
): Promise<{ practiceId: string; email: string; token: string }> {
  const subIcb = await deps.db
    .selectFrom('organisations')
    .select('id')
    .where('ods_code', '=', practice.subIcbOds)
    .executeTakeFirstOrThrow();
  const existing = await deps.db.selectFrom('organisations').select('id').where('ods_code', '=', practice.odsCode).executeTakeFirst();
  const practiceId =
    existing?.id ??
    (
      await deps.db
        .insertInto('organisations')
        .values({ ods_code: practice.odsCode, name: practice.name, kind: 'gp-practice', parent_id: subIcb.id })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const user = await deps.db.selectFrom('users').select('id').where('email', '=', practice.email).executeTakeFirst();
  if (!user) {
    const userId = await insertUser(deps.db, {
      email: practice.email,
      displayName: `Dr ${practice.name}`,
      passwordHash: await hashPassword(DEMO_PASSWORD),
    });
    await insertMembership(deps.db, { userId, organisationId: practiceId, role: 'referrer' });
  }
  return { practiceId, email: practice.email, token: await tokenFor(deps, practiceId, 'referrer') };
}

/** An API key for an organisation in a role, made as the CLI makes one. */
export async function tokenFor(deps: Deps, organisationId: string, role: string): Promise<string> {
  return (
    await createApiKey(
      deps,
      { principal: null, clientAddress: null },
      { organisationId, name: `${role} test key`, role },
      { trusted: true },
    )
  ).token;
}

/** A provider organisation with open sites at real postcodes. */
export async function aProviderWithSites(
  deps: Deps,
  provider: { odsCode: string; name: string; sites: { name: string; postcode: string; closed?: boolean }[] },
): Promise<string> {
  const { id } = await deps.db
    .insertInto('organisations')
    .values({ ods_code: provider.odsCode, name: provider.name, kind: 'provider' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await deps.db
    .insertInto('sites')
    .values(
      provider.sites.map((site) => ({
        organisation_id: id,
        name: site.name,
        postcode: site.postcode,
        ...REAL_POSTCODES[site.postcode]!,
        closed_on: site.closed ? '2020-01-01' : null,
      })),
    )
    .execute();
  return id;
}

/** A provider listed on an offer in the given status, with verified assurance and a contract that started a month before `today`. */
export async function aListingIn(
  deps: Deps,
  offerId: string,
  providerOdsCode: string,
  status: 'live' | 'suspended' | 'expired' | 'qualified',
  today: string,
): Promise<{ listingId: string; providerId: string }> {
  const listing = await aQualifiedListing(deps, offerId, providerOdsCode);
  await giveCompleteAssurance(deps, listing.providerId, '2099-01-01');
  await deps.db
    .updateTable('listings')
    .set({ status, contract_start: status === 'qualified' ? null : addDays(today, -30) })
    .where('id', '=', listing.listingId)
    .execute();
  return listing;
}

/** Gives a provider referrals on an offer, each sent and accepted on the given dates and, when a third date is given, missed on the day accepted and first seen (attended) then, for waits. */
export async function acceptedReferrals(
  deps: Deps,
  listing: { offerId: string; listingId: string; providerId: string },
  sentOnAndAcceptedOn: ([string, string] | [string, string, string])[],
): Promise<void> {
  const offer = await deps.db
    .selectFrom('offer_commissioners')
    .select('organisation_id')
    .where('offer_id', '=', listing.offerId)
    .executeTakeFirstOrThrow();
  const protocol = await deps.db
    .selectFrom('offer_protocols')
    .select((eb) => eb.fn.max('version').as('version'))
    .where('offer_id', '=', listing.offerId)
    .executeTakeFirstOrThrow();
  for (const [index, [sentOn, acceptedOn, seenOn]] of sentOnAndAcceptedOn.entries()) {
    const patient = await deps.db
      .insertInto('patients')
      .values({
        nhs_number: null,
        given_name: 'Earlier',
        family_name: `Patient ${index}`,
        date_of_birth: '1950-01-01',
        sex: 'female',
        postcode: 'HX1 1PW',
        updated_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const referral = await deps.db
      .insertInto('referrals')
      .values({
        ubrn: String(900000000000 + Math.floor(Math.random() * 99999999999)),
        access_code_hash: 'not-a-real-hash',
        patient_id: patient.id,
        offer_id: listing.offerId,
        protocol_version: Number(protocol.version),
        commissioner_organisation_id: offer.organisation_id,
        route: 'gp',
        priority: 'routine',
        eligibility: '{}',
        status: 'accepted',
        referred_on: sentOn,
        listing_id: listing.listingId,
        provider_organisation_id: listing.providerId,
        sent_at: `${sentOn}T10:00:00Z`,
        accepted_at: `${acceptedOn}T10:00:00Z`,
        updated_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (seenOn) {
      await deps.db
        .insertInto('referral_contacts')
        .values([
          {
            referral_id: referral.id,
            kind: 'session',
            scheduled_for: new Date(`${acceptedOn}T09:00:00Z`),
            attendance: 'did-not-attend',
            recorded_at: new Date(`${acceptedOn}T17:00:00Z`),
          },
          {
            referral_id: referral.id,
            kind: 'session',
            scheduled_for: new Date(`${seenOn}T09:00:00Z`),
            attendance: 'attended',
            recorded_at: new Date(`${seenOn}T17:00:00Z`),
          },
        ])
        .execute();
    }
  }
}

/** The check digit completes nine digits into a valid NHS number (modulus 11); nine digits giving a check of 10 are never issued. */
export function nhsNumberFrom(nineDigits: string): string {
  const sum = [...nineDigits].reduce((total, digit, index) => total + Number(digit) * (10 - index), 0);
  const check = (11 - (sum % 11)) % 11;
  if (check === 10) throw new Error(`${nineDigits} cannot start a valid NHS number`);
  return `${nineDigits}${check}`;
}

/** A date of birth that makes the patient exactly `age` on `today` (their next birthday is tomorrow). */
export function bornAged(age: number, today: string): string {
  return addDays(`${Number(today.slice(0, 4)) - age - 1}${today.slice(4)}`, 1);
}

/** A hearing referral body for the API: every exclusion answered no and the wax cleared; override any part. */
export function aHearingReferral(overrides: {
  nhsNumber?: string;
  dateOfBirth: string;
  postcode?: string;
  answers?: Record<string, boolean>;
}): Record<string, unknown> {
  const answers = {
    'ear-pain': false,
    discharge: false,
    'sudden-loss': false,
    'fluctuating-loss': false,
    tinnitus: false,
    vertigo: false,
    'abnormal-canal': false,
    'wax-cleared': true,
  };
  return {
    serviceCode: 'adult-hearing',
    priority: 'routine',
    route: 'gp',
    clinicalInformation: 'Gradual bilateral hearing loss over two years; struggles in groups.',
    patient: {
      nhsNumber: overrides.nhsNumber ?? nhsNumberFrom('943476591'),
      givenName: 'Ada',
      familyName: 'Lovelace',
      dateOfBirth: overrides.dateOfBirth,
      sex: 'female',
      postcode: overrides.postcode ?? 'HX6 3AB',
    },
    answers: { ...answers, ...overrides.answers },
  };
}

/** A person who signs in with the demo password, holding one role in an organisation (a test provider's clinician, say). */
export async function aPersonIn(deps: Deps, organisationId: string, person: { email: string; name: string; role: string }): Promise<void> {
  const userId = await insertUser(deps.db, {
    email: person.email,
    displayName: person.name,
    passwordHash: await hashPassword(DEMO_PASSWORD),
  });
  await insertMembership(deps.db, { userId, organisationId, role: person.role as Parameters<typeof insertMembership>[1]['role'] });
}

/** Fresh valid NHS numbers, one per call, starting with the given four digits (a file's own prefix keeps its patients apart). */
export function nhsNumberSequence(prefix: string): () => string {
  let drawn = 0;
  return () => {
    for (;;) {
      drawn += 1;
      try {
        return nhsNumberFrom(`${prefix}${String(drawn).padStart(5, '0')}`);
      } catch {
        // a check digit of 10 is never issued: draw the next
      }
    }
  };
}
