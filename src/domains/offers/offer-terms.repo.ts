/** Queries over an offer's versioned referral protocols, price schedules and status history. */
import type { ReferralProtocol } from '../catalogue/referral-protocol.schema.ts';
import type { Executor } from '../../db/executor.ts';
import { changedByName, STATUS_HISTORY_COLUMNS, type StatusChangeToRecord, statusHistoryValues } from '../../db/status-history.ts';
import type { OfferStatus } from './offer-status.rules.ts';
import type { PriceSchedule, StoredSchedule } from './price-schedule.rules.ts';

export interface ProtocolVersion {
  version: number;
  content: ReferralProtocol;
  createdAt: Date;
}

export interface StatusChange {
  fromStatus: string | null;
  toStatus: string;
  reason: string;
  changedAt: Date;
  changedBy: string | null;
}

/** Every protocol version of an offer, newest first; referrals keep the version they were judged against. */
export async function protocolVersionsOf(db: Executor, offerId: string): Promise<ProtocolVersion[]> {
  const rows = await db
    .selectFrom('offer_protocols')
    .select(['version', 'content', 'created_at'])
    .where('offer_id', '=', offerId)
    .orderBy('version', 'desc')
    .execute();
  return rows.map((row) => ({ version: row.version, content: row.content as ReferralProtocol, createdAt: row.created_at }));
}

/** One protocol version of an offer: the rules a referral was judged under, whose deadlines still apply to it. */
export async function protocolVersionOf(db: Executor, offerId: string, version: number): Promise<ReferralProtocol> {
  const row = await db
    .selectFrom('offer_protocols')
    .select('content')
    .where('offer_id', '=', offerId)
    .where('version', '=', version)
    .executeTakeFirstOrThrow();
  return row.content as ReferralProtocol;
}

/** Adds a protocol version without touching earlier ones, which referrals judged under them still need. */
export async function insertProtocolVersion(
  db: Executor,
  offerId: string,
  version: number,
  content: ReferralProtocol,
  userId: string | null,
): Promise<void> {
  await db
    .insertInto('offer_protocols')
    .values({ offer_id: offerId, version, content: JSON.stringify(content), created_by_user_id: userId })
    .execute();
}

/** Every price schedule of an offer, oldest first. */
export async function priceSchedulesOf(db: Executor, offerId: string): Promise<PriceSchedule[]> {
  return (await priceSchedulesOfMany(db, [offerId])).get(offerId) ?? [];
}

/** The price schedules of many offers in one query, oldest first for each, every price naming its currency. */
export async function priceSchedulesOfMany(db: Executor, offerIds: string[]): Promise<Map<string, PriceSchedule[]>> {
  const byOffer = new Map<string, Map<string, PriceSchedule>>();
  if (offerIds.length === 0) return new Map();
  const [rows, dnaTerms] = await Promise.all([
    db
      .selectFrom('offer_prices')
      .select(['offer_id', 'effective_from', 'currency_code', 'complexity_band', 'price_pence'])
      .where('offer_id', 'in', offerIds)
      .orderBy('offer_id')
      .orderBy('effective_from')
      .orderBy('currency_code')
      .orderBy('complexity_band')
      .execute(),
    db
      .selectFrom('offer_dna_terms')
      .select(['offer_id', 'effective_from', 'currency_code', 'payable'])
      .where('offer_id', 'in', offerIds)
      .orderBy('currency_code')
      .execute(),
  ]);
  const scheduleOf = (offerId: string, effectiveFrom: string) => {
    const schedules = byOffer.get(offerId) ?? new Map<string, PriceSchedule>();
    const schedule = schedules.get(effectiveFrom) ?? { effectiveFrom, prices: [] };
    schedules.set(effectiveFrom, schedule);
    byOffer.set(offerId, schedules);
    return schedule;
  };
  for (const row of rows)
    scheduleOf(row.offer_id, row.effective_from).prices.push({
      currencyCode: row.currency_code,
      complexityBand: row.complexity_band,
      pricePence: row.price_pence,
    });
  for (const term of dnaTerms) {
    const schedule = scheduleOf(term.offer_id, term.effective_from);
    schedule.dnaPayable = [...(schedule.dnaPayable ?? []), { currencyCode: term.currency_code, payable: term.payable }];
  }
  return new Map([...byOffer].map(([id, schedules]) => [id, [...schedules.values()]]));
}

/** The current protocol version of many offers in one query. */
export async function currentProtocolsOf(db: Executor, offerIds: string[]): Promise<Map<string, ProtocolVersion>> {
  if (offerIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('offer_protocols as p')
    .select(['p.offer_id', 'p.version', 'p.content', 'p.created_at'])
    .where('p.offer_id', 'in', offerIds)
    .where((eb) =>
      eb(
        'p.version',
        '=',
        eb
          .selectFrom('offer_protocols as q')
          .select((q) => q.fn.max('q.version').as('v'))
          .whereRef('q.offer_id', '=', 'p.offer_id'),
      ),
    )
    .execute();
  return new Map(
    rows.map((row) => [row.offer_id, { version: row.version, content: row.content as ReferralProtocol, createdAt: row.created_at }]),
  );
}

/** Removes every price schedule of an offer: a draft's prices are replaced outright, while a published offer's schedules are only ever added to. */
export async function deleteSchedules(db: Executor, offerId: string): Promise<void> {
  await db.deleteFrom('offer_prices').where('offer_id', '=', offerId).execute();
  await db.deleteFrom('offer_dna_terms').where('offer_id', '=', offerId).execute();
}

/** Adds one price schedule, a row per currency and band plus its DNA terms, effective from its date; earlier schedules stay for activity before it. */
export async function insertSchedule(db: Executor, offerId: string, schedule: StoredSchedule, userId: string | null): Promise<void> {
  await db
    .insertInto('offer_prices')
    .values(
      schedule.prices.map((price) => ({
        offer_id: offerId,
        effective_from: schedule.effectiveFrom,
        currency_code: price.currencyCode,
        complexity_band: price.complexityBand,
        price_pence: price.pricePence,
        created_by_user_id: userId,
      })),
    )
    .execute();
  const terms = schedule.dnaPayable ?? [];
  if (terms.length === 0) return;
  await db
    .insertInto('offer_dna_terms')
    .values(
      terms.map((term) => ({
        offer_id: offerId,
        effective_from: schedule.effectiveFrom,
        currency_code: term.currencyCode,
        payable: term.payable,
      })),
    )
    .execute();
}

/** Sets the offer's status; its history row is written beside it by insertStatusChange. */
export async function updateOfferStatus(db: Executor, offerId: string, status: OfferStatus, at: Date): Promise<void> {
  await db.updateTable('offers').set({ status, updated_at: at }).where('id', '=', offerId).execute();
}

/** Appends a change to the offer's status history, in the caller's transaction. */
export async function insertStatusChange(db: Executor, change: StatusChangeToRecord<OfferStatus> & { offerId: string }): Promise<void> {
  await db
    .insertInto('offer_status_history')
    .values({ offer_id: change.offerId, ...statusHistoryValues(change) })
    .execute();
}

/** The append-only history of an offer's status, oldest first, with who made each change. */
export async function statusHistoryOf(db: Executor, offerId: string): Promise<StatusChange[]> {
  const rows = await db
    .selectFrom('offer_status_history as h')
    .leftJoin('users as u', 'u.id', 'h.changed_by_user_id')
    .leftJoin('api_keys as k', 'k.id', 'h.changed_by_api_key_id')
    .select(STATUS_HISTORY_COLUMNS)
    .where('h.offer_id', '=', offerId)
    .orderBy('h.changed_at')
    .orderBy('h.id')
    .execute();
  return rows.map((row) => ({
    fromStatus: row.from_status,
    toStatus: row.to_status,
    reason: row.reason,
    changedAt: row.changed_at,
    changedBy: changedByName(row, null),
  }));
}
