/** Queries behind providers' waits and quality: their referrals' sent, accepted and first-seen dates, and their current assurance evidence. */
import { londonDateOf, startOfLondonDay } from '../../lib/clock.ts';
import type { Executor } from '../../db/executor.ts';
import type { FirstSeen } from './waits.rules.ts';

export interface ProviderQuality {
  /** The CQC registration status on the provider's current evidence, or null when none is recorded. */
  cqcStatus: string | null;
  /** The regulator (e.g. HCPC) of the verified, in-date registration held where CQC registration does not apply (decision 0027), or null; absent on lists stored before it. */
  registeredWith?: string | null;
  /** True when every piece of the provider's current assurance evidence is verified and none has expired. */
  assuranceVerified: boolean;
}

/** Sent and accepted dates (in England) of each provider's referrals on any of the offers, accepted since a date. */
export async function acceptedReferralDates(
  db: Executor,
  offerIds: readonly string[],
  providerIds: string[],
  since: string,
): Promise<Map<string, { sentOn: string; acceptedOn: string }[]>> {
  const byProvider = new Map<string, { sentOn: string; acceptedOn: string }[]>(providerIds.map((id) => [id, []]));
  if (providerIds.length === 0 || offerIds.length === 0) return byProvider;
  const rows = await db
    .selectFrom('referrals')
    .select(['provider_organisation_id', 'sent_at', 'accepted_at'])
    .where('provider_organisation_id', 'in', providerIds)
    .where('offer_id', 'in', [...offerIds])
    .where('sent_at', 'is not', null)
    .where('accepted_at', '>=', startOfLondonDay(since))
    .execute();
  for (const row of rows)
    byProvider.get(row.provider_organisation_id!)?.push({ sentOn: londonDateOf(row.sent_at!), acceptedOn: londonDateOf(row.accepted_at!) });
  return byProvider;
}

/** Sent date and first attended appointment or session (in England) of each provider's referrals on any of the offers, first seen since a date. */
export async function firstAttendedDates(
  db: Executor,
  offerIds: readonly string[],
  providerIds: string[],
  since: string,
): Promise<Map<string, FirstSeen[]>> {
  const byProvider = new Map<string, FirstSeen[]>(providerIds.map((id) => [id, []]));
  if (providerIds.length === 0 || offerIds.length === 0) return byProvider;
  const rows = await db
    .selectFrom('referrals as r')
    .innerJoin('referral_contacts as c', 'c.referral_id', 'r.id')
    .select(['r.provider_organisation_id', 'r.sent_at'])
    .select((eb) => eb.fn.min(eb.fn.coalesce('c.scheduled_for', 'c.recorded_at')).as('first_seen'))
    .where('r.provider_organisation_id', 'in', providerIds)
    .where('r.offer_id', 'in', [...offerIds])
    .where('r.sent_at', 'is not', null)
    .where('c.attendance', '=', 'attended')
    .groupBy(['r.id', 'r.provider_organisation_id', 'r.sent_at'])
    .having((eb) => eb.fn.min(eb.fn.coalesce('c.scheduled_for', 'c.recorded_at')), '>=', startOfLondonDay(since))
    .execute();
  for (const row of rows)
    byProvider
      .get(row.provider_organisation_id!)
      ?.push({ sentOn: londonDateOf(row.sent_at!), seenOn: londonDateOf(new Date(row.first_seen as Date | string)) });
  return byProvider;
}

/** What is known of each provider's quality today: its CQC status or the regulator it is registered with instead, and whether its current assurance is all verified and in date. */
export async function providerQuality(db: Executor, providerIds: string[], today: string): Promise<Map<string, ProviderQuality>> {
  const quality = new Map<string, ProviderQuality>(
    providerIds.map((id) => [id, { cqcStatus: null, registeredWith: null, assuranceVerified: false }]),
  );
  if (providerIds.length === 0) return quality;
  const rows = await db
    .selectFrom('assurance_evidence')
    .select(['organisation_id', 'kind', 'cqc_status', 'registration_body', 'verification_status', 'expires_on'])
    .where('organisation_id', 'in', providerIds)
    .where('superseded_at', 'is', null)
    .execute();
  const assured = (row: (typeof rows)[number]) =>
    row.verification_status === 'verified' && (row.expires_on === null || row.expires_on >= today);
  for (const id of providerIds) {
    const mine = rows.filter((row) => row.organisation_id === id);
    const otherRegistration = mine.find((row) => row.kind === 'cqc-not-applicable' && assured(row));
    quality.set(id, {
      cqcStatus: mine.find((row) => row.kind === 'cqc-registration')?.cqc_status ?? null,
      registeredWith: otherRegistration?.registration_body ?? null,
      assuranceVerified: mine.length > 0 && mine.every(assured),
    });
  }
  return quality;
}
