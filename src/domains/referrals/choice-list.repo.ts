/** Queries behind the choice list: the lists offered, each stored as the patient saw it. */
import type { Executor } from '../../db/executor.ts';
import type { ProviderQuality } from '../provider-quality/provider-quality.repo.ts';
import type { MeasuredQuality } from '../provider-quality/published-quality.rules.ts';
import type { IndicativeWait } from '../provider-quality/waits.rules.ts';
import type { ChoiceOrder } from './choice-list.rules.ts';

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
  /** Assured quality, and measured KPIs and feedback as shown (absent on lists offered before they were published, decision 0057). */
  quality: ProviderQuality & { contractStart: string | null } & Partial<MeasuredQuality>;
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

/** Keeps each list offered as a new row, never changing an earlier one, so what the patient was shown stays on record. */
export async function insertChoiceList(
  db: Executor,
  list: {
    referralId: string;
    orderedBy: ChoiceOrder;
    origin: ChoiceListOrigin;
    entries: ChoiceListEntry[];
    at: Date;
    userId: string | null;
  },
): Promise<string> {
  const row = await db
    .insertInto('choice_lists')
    .values({
      referral_id: list.referralId,
      offered_at: list.at,
      ordered_by: list.orderedBy,
      origin_postcode: list.origin.postcode,
      origin_kind: list.origin.kind,
      entries: JSON.stringify(list.entries),
      offered_by_user_id: list.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The list most recently offered for a referral: the one a choice must come from. */
export async function latestChoiceList(db: Executor, referralId: string): Promise<StoredChoiceList | undefined> {
  const row = await db
    .selectFrom('choice_lists')
    .select(['id', 'offered_at', 'ordered_by', 'origin_postcode', 'origin_kind', 'entries'])
    .where('referral_id', '=', referralId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return (
    row && {
      id: row.id,
      offeredAt: row.offered_at,
      orderedBy: row.ordered_by as ChoiceOrder,
      originPostcode: row.origin_postcode,
      origin: { kind: row.origin_kind as ChoiceListOrigin['kind'], postcode: row.origin_postcode },
      entries: row.entries as ChoiceListEntry[],
    }
  );
}
