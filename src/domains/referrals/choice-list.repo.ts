/** Queries behind the choice list: providers' accepted referrals (for waits), their assurance (for quality) and the lists offered. */
import { londonDateOf, startOfLondonDay } from '../../lib/clock.ts';
import type { Executor } from '../../db/executor.ts';
import type { ChoiceOrder, FirstSeen, IndicativeWait } from './choice-list.rules.ts';

/** One provider on a choice list as the patient saw it; stored as offered, so later changes never rewrite what was shown. */
export interface ChoiceListEntry {
  rank: number;
  listingId: string;
  siteId: string;
  providerOrganisationId: string;
  providerName: string;
  providerOdsCode: string | null;
  siteName: string;
  siteAddress: string | null;
  sitePostcode: string;
  deliveryMode: string;
  distanceKm: number;
  distanceMiles: number;
  /** Time to accept (for GPs and commissioners). */
  wait: IndicativeWait;
  /** Time to first appointment, the wait patients mean; absent on lists stored before it was measured. */
  firstAppointmentWait?: IndicativeWait;
  quality: ProviderQuality & { contractStart: string | null };
}

export interface ProviderQuality {
  /** The CQC registration status on the provider's current evidence, or null when none is recorded. */
  cqcStatus: string | null;
  /** The regulator (e.g. HCPC) of the verified, in-date registration held where CQC registration does not apply (decision 0027), or null; absent on lists stored before it. */
  registeredWith?: string | null;
  /** True when every piece of the provider's current assurance evidence is verified and none has expired. */
  assuranceVerified: boolean;
}

/** What distances were measured from: the patient's postcode, or their GP practice's when the patient has an NHS pseudo-postcode (decision 0026). */
export interface ChoiceListOrigin {
  kind: 'patient-postcode' | 'gp-practice';
  postcode: string;
}

export interface StoredChoiceList {
  id: string;
  offeredAt: Date;
  orderedBy: ChoiceOrder;
  originPostcode: string;
  origin: ChoiceListOrigin;
  entries: ChoiceListEntry[];
}

/** Sent and accepted dates (in England) of each provider's referrals on any of the offers, accepted since a date. */
export async function acceptedReferralDates(db: Executor, offerIds: readonly string[], providerIds: string[], since: string): Promise<Map<string, { sentOn: string; acceptedOn: string }[]>> {
  const byProvider = new Map<string, { sentOn: string; acceptedOn: string }[]>(providerIds.map((id) => [id, []]));
  if (providerIds.length === 0 || offerIds.length === 0) return byProvider;
  const rows = await db.selectFrom('referrals').select(['provider_organisation_id', 'sent_at', 'accepted_at'])
    .where('provider_organisation_id', 'in', providerIds).where('offer_id', 'in', [...offerIds])
    .where('sent_at', 'is not', null).where('accepted_at', '>=', startOfLondonDay(since)).execute();
  for (const row of rows) byProvider.get(row.provider_organisation_id!)?.push({ sentOn: londonDateOf(row.sent_at!), acceptedOn: londonDateOf(row.accepted_at!) });
  return byProvider;
}

/** Sent date and first attended appointment or session (in England) of each provider's referrals on any of the offers, first seen since a date. */
export async function firstAttendedDates(db: Executor, offerIds: readonly string[], providerIds: string[], since: string): Promise<Map<string, FirstSeen[]>> {
  const byProvider = new Map<string, FirstSeen[]>(providerIds.map((id) => [id, []]));
  if (providerIds.length === 0 || offerIds.length === 0) return byProvider;
  const rows = await db.selectFrom('referrals as r').innerJoin('referral_contacts as c', 'c.referral_id', 'r.id')
    .select(['r.provider_organisation_id', 'r.sent_at'])
    .select((eb) => eb.fn.min(eb.fn.coalesce('c.scheduled_for', 'c.recorded_at')).as('first_seen'))
    .where('r.provider_organisation_id', 'in', providerIds).where('r.offer_id', 'in', [...offerIds]).where('r.sent_at', 'is not', null).where('c.attendance', '=', 'attended')
    .groupBy(['r.id', 'r.provider_organisation_id', 'r.sent_at'])
    .having((eb) => eb.fn.min(eb.fn.coalesce('c.scheduled_for', 'c.recorded_at')), '>=', startOfLondonDay(since)).execute();
  for (const row of rows) byProvider.get(row.provider_organisation_id!)?.push({ sentOn: londonDateOf(row.sent_at!), seenOn: londonDateOf(new Date(row.first_seen as Date | string)) });
  return byProvider;
}

/** What is known of each provider's quality today: its CQC status or the regulator it is registered with instead, and whether its current assurance is all verified and in date. */
export async function providerQuality(db: Executor, providerIds: string[], today: string): Promise<Map<string, ProviderQuality>> {
  const quality = new Map<string, ProviderQuality>(providerIds.map((id) => [id, { cqcStatus: null, registeredWith: null, assuranceVerified: false }]));
  if (providerIds.length === 0) return quality;
  const rows = await db.selectFrom('assurance_evidence').select(['organisation_id', 'kind', 'cqc_status', 'registration_body', 'verification_status', 'expires_on'])
    .where('organisation_id', 'in', providerIds).where('superseded_at', 'is', null).execute();
  const assured = (row: (typeof rows)[number]) => row.verification_status === 'verified' && (row.expires_on === null || row.expires_on >= today);
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

/** Keeps each list offered as a new row, never changing an earlier one, so what the patient was shown stays on record. */
export async function insertChoiceList(db: Executor, list: { referralId: string; orderedBy: ChoiceOrder; origin: ChoiceListOrigin; entries: ChoiceListEntry[]; at: Date; userId: string | null }): Promise<string> {
  const row = await db.insertInto('choice_lists').values({
    referral_id: list.referralId, offered_at: list.at, ordered_by: list.orderedBy, origin_postcode: list.origin.postcode, origin_kind: list.origin.kind, entries: JSON.stringify(list.entries), offered_by_user_id: list.userId,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** The list most recently offered for a referral: the one a choice must come from. */
export async function latestChoiceList(db: Executor, referralId: string): Promise<StoredChoiceList | undefined> {
  const row = await db.selectFrom('choice_lists').select(['id', 'offered_at', 'ordered_by', 'origin_postcode', 'origin_kind', 'entries'])
    .where('referral_id', '=', referralId).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return row && {
    id: row.id, offeredAt: row.offered_at, orderedBy: row.ordered_by as ChoiceOrder, originPostcode: row.origin_postcode,
    origin: { kind: row.origin_kind as ChoiceListOrigin['kind'], postcode: row.origin_postcode }, entries: row.entries as ChoiceListEntry[],
  };
}
