/** The reads activity validation needs for a batch (decision 0044): the batch's referrals locked, their care's end, listings, coverage and packs. */
import type { Executor } from '../../db/executor.ts';

/** A referral as activity validation needs it, locked for the batch so two batches cannot both fill its last capped session. */
export interface ReferralFactRow {
  id: string;
  ubrn: string;
  status: string;
  providerId: string | null;
  acceptedAt: Date | null;
  dischargedAt: Date | null;
  returnReasonCode: string | null;
  offerId: string;
  commissionerId: string;
  packContent: unknown;
  offerContractEnd: string | null;
  listingId: string | null;
  listingStatus: string | null;
  listingContractStart: string | null;
  listingContractEnd: string | null;
}

/** The referrals with these references, each row locked (in id order, so concurrent batches never deadlock). */
export async function lockReferralFacts(db: Executor, ubrns: readonly string[]): Promise<ReferralFactRow[]> {
  if (ubrns.length === 0) return [];
  await db.selectFrom('referrals').select('id').where('ubrn', 'in', ubrns).orderBy('id').forUpdate().execute();
  return db
    .selectFrom('referrals as r')
    .innerJoin('offers as o', 'o.id', 'r.offer_id')
    .innerJoin('implementation_packs as p', 'p.id', 'o.pack_id')
    .leftJoin('listings as l', 'l.id', 'r.listing_id')
    .select([
      'r.id',
      'r.ubrn',
      'r.status',
      'r.provider_organisation_id as providerId',
      'r.accepted_at as acceptedAt',
      'r.discharged_at as dischargedAt',
      'r.return_reason_code as returnReasonCode',
      'r.offer_id as offerId',
      'r.commissioner_organisation_id as commissionerId',
      'p.content as packContent',
      'o.contract_end as offerContractEnd',
      'l.id as listingId',
      'l.status as listingStatus',
      'l.contract_start as listingContractStart',
      'l.contract_end as listingContractEnd',
    ])
    .where('r.ubrn', 'in', ubrns)
    .execute();
}

/** When each of these referrals' care ended (discharged, episode closed, cancelled), from their event history. */
export async function careEndedAt(db: Executor, referralIds: readonly string[]): Promise<Map<string, Date>> {
  if (referralIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('referral_events')
    .select(['referral_id', (eb) => eb.fn.max('changed_at').as('endedAt')])
    .where('referral_id', 'in', referralIds)
    .where('to_status', 'in', ['discharged', 'episode-closed', 'cancelled'])
    .groupBy('referral_id')
    .execute();
  return new Map(rows.map((row) => [row.referral_id, new Date(row.endedAt as Date | string)]));
}

/** The status changes of these listings in order, to find when each was live. */
export async function listingStatusHistory(
  db: Executor,
  listingIds: readonly string[],
): Promise<{ listingId: string; toStatus: string; changedAt: Date }[]> {
  if (listingIds.length === 0) return [];
  return db
    .selectFrom('listing_history')
    .select(['listing_id as listingId', 'to_status as toStatus', 'changed_at as changedAt'])
    .where('listing_id', 'in', listingIds)
    .orderBy('seq')
    .execute();
}

/** Which of these commissioners each offer still covers. */
export async function offerCoverage(db: Executor, offerIds: readonly string[]): Promise<{ offerId: string; organisationId: string }[]> {
  if (offerIds.length === 0) return [];
  return db
    .selectFrom('offer_commissioners')
    .select(['offer_id as offerId', 'organisation_id as organisationId'])
    .where('offer_id', 'in', offerIds)
    .execute();
}

/** The content of the pack an offer adopted: its currencies and bands say what a platform event is paid as. */
export async function packContentOfOffer(db: Executor, offerId: string): Promise<unknown> {
  const row = await db
    .selectFrom('offers as o')
    .innerJoin('implementation_packs as p', 'p.id', 'o.pack_id')
    .select('p.content')
    .where('o.id', '=', offerId)
    .executeTakeFirstOrThrow();
  return row.content;
}
