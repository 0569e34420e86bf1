/** Synthetic referrals for the national benchmark: accepted ones in the last 90 days so waits are measured, and ones awaiting choice to ask choice lists for. */
import { randomUUID } from 'node:crypto';
import type { Deps } from '../src/domains/deps.ts';
import { createApiKey } from '../src/domains/identity/api-key.service.ts';
import { WAIT_WINDOW_DAYS } from '../src/domains/provider-quality/waits.rules.ts';
import { addDays } from '../src/lib/working-days.ts';
import type { CommissionerArea } from './bench-reference.ts';
import { between, insertInBatches, pickOne, type Random } from './bulk.ts';
import type { DirectoryListing, DirectoryOffer } from './national-directory.ts';

export interface AwaitingChoice {
  ubrn: string;
  /** A referrer API key of the referring practice. */
  token: string;
  practiceId: string;
}

interface ReferralDraft {
  offer: DirectoryOffer;
  listing?: DirectoryListing;
  referredOn: string;
  acceptedOn?: string;
}

/** Patient and referral rows for drafts, with references counted from `firstUbrn` (12 digits). */
function referralRows(
  random: Random,
  drafts: ReferralDraft[],
  firstUbrn: number,
): { patients: Record<string, unknown>[]; referrals: Record<string, unknown>[] } {
  const patients: Record<string, unknown>[] = [];
  const referrals: Record<string, unknown>[] = [];
  drafts.forEach((draft, n) => {
    const area = draft.offer.commissioner;
    const patientId = randomUUID();
    const sex = random() < 0.5 ? 'female' : 'male';
    patients.push({
      id: patientId,
      nhs_number: null,
      given_name: 'Synthetic',
      family_name: `Patient ${firstUbrn + n}`,
      date_of_birth: `${between(random, 1935, 2004)}-0${between(random, 1, 9)}-1${between(random, 0, 9)}`,
      sex,
      postcode: pickOne(random, area.postcodes).postcode,
      practice_organisation_id: area.practiceId,
      updated_at: new Date(),
    });
    const chosen = draft.listing && { site: pickOne(random, draft.listing.sites), at: new Date(`${draft.referredOn}T10:00:00Z`) };
    referrals.push({
      ubrn: String(firstUbrn + n).padStart(12, '0'),
      access_code_hash: 'synthetic-benchmark-referral',
      patient_id: patientId,
      offer_id: draft.offer.id,
      protocol_version: 1,
      commissioner_organisation_id: area.id,
      referrer_organisation_id: area.practiceId,
      route: 'gp',
      priority: 'routine',
      answers: '{}',
      eligibility: JSON.stringify({ eligible: true, ageOnReferralDate: 60, reasons: [] }),
      clinical_information: 'Synthetic referral for the choice-list benchmark.',
      status: chosen ? 'accepted' : 'awaiting-choice',
      referred_on: draft.referredOn,
      listing_id: draft.listing?.id ?? null,
      site_id: chosen?.site.id ?? null,
      provider_organisation_id: draft.listing?.providerId ?? null,
      chosen_at: chosen?.at ?? null,
      chosen_by: chosen ? 'referrer' : null,
      sent_at: chosen?.at ?? null,
      accept_by: chosen ? addDays(draft.referredOn, 7) : null,
      accepted_at: draft.acceptedOn ? new Date(`${draft.acceptedOn}T15:00:00Z`) : null,
      updated_at: new Date(),
    });
  });
  return { patients, referrals };
}

async function insertReferrals(deps: Deps, rows: ReturnType<typeof referralRows>): Promise<void> {
  await insertInBatches(deps.db, 'patients', rows.patients);
  await insertInBatches(deps.db, 'referrals', rows.referrals);
}

/** About a third of live listings have 5 to 12 referrals accepted in the window (enough to show a wait); the rest 0 to 3. */
export async function insertAcceptedReferrals(deps: Deps, random: Random, offers: DirectoryOffer[]): Promise<number> {
  const today = deps.clock.today();
  const drafts: ReferralDraft[] = [];
  for (const offer of offers) {
    for (const listing of offer.listings.filter((candidate) => candidate.status === 'live')) {
      const count = random() < 0.35 ? between(random, 5, 12) : between(random, 0, 3);
      for (let i = 0; i < count; i += 1) {
        const referredOn = addDays(today, -between(random, 15, WAIT_WINDOW_DAYS - 5));
        drafts.push({ offer, listing, referredOn, acceptedOn: addDays(referredOn, between(random, 1, 14)) });
      }
    }
  }
  await insertReferrals(deps, referralRows(random, drafts, 200_000_000_000));
  return drafts.length;
}

/** `perCommissioner` referrals awaiting choice in every commissioner, on its offers, with a referrer key of its practice. */
export async function insertReferralsAwaitingChoice(
  deps: Deps,
  random: Random,
  offers: DirectoryOffer[],
  areas: CommissionerArea[],
  perCommissioner: number,
): Promise<AwaitingChoice[]> {
  const today = deps.clock.today();
  const drafts = areas.flatMap((area) => {
    const theirs = offers.filter((offer) => offer.commissioner.id === area.id);
    return Array.from({ length: perCommissioner }, () => ({ offer: pickOne(random, theirs), referredOn: today }));
  });
  const rows = referralRows(random, drafts, 100_000_000_000);
  await insertReferrals(deps, rows);
  const tokens = new Map<string, string>();
  for (const area of areas) {
    const { token } = await createApiKey(
      deps,
      { principal: null, clientAddress: null },
      { organisationId: area.practiceId, name: 'Choice-list benchmark', role: 'referrer' },
      { trusted: true },
    );
    tokens.set(area.practiceId, token);
  }
  return rows.referrals.map((row) => {
    const practiceId = row.referrer_organisation_id as string;
    return { ubrn: row.ubrn as string, token: tokens.get(practiceId)!, practiceId };
  });
}
