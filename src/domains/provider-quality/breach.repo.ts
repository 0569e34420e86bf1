/** Queries over KPI breaches (decision 0056): one breach with its parties and the figure that opened it, locked for a step; its guarded update; lists and counts for each side. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Executor } from '../../db/executor.ts';
import { isUuid } from '../identity/organisation.repo.ts';
import { offerReference } from '../offers/offer.repo.ts';
import type { BreachPeriods, BreachStatus } from './breach.rules.ts';
import { OPEN_BREACH_STATUSES } from './breach-steps.rules.ts';

export interface BreachRecord {
  id: string;
  reference: string;
  kpiResultId: string | null;
  offer: { id: string; reference: string; title: string; serviceCode: string };
  provider: { id: string; name: string };
  /** The organisation leading the offer, and the ICB it is a place of (whose commissioners oversee it too), if any. */
  commissioner: { id: string; name: string; parentId: string | null };
  kpi: {
    code: string;
    name: string;
    endMonth: string;
    periodFrom: string;
    periodTo: string;
    thresholdPercent: number;
    direction: string;
    numerator: number;
    denominator: number;
    percentTenths: number | null;
  };
  status: BreachStatus;
  openedOn: string;
  periods: BreachPeriods | null;
  noticeText: string | null;
  noticeOn: string | null;
  respondBy: string | null;
  responseText: string | null;
  respondedOn: string | null;
  meetBy: string | null;
  planNumber: number;
  planAgreedOn: string | null;
  finishedOn: string | null;
  suspendedListingId: string | null;
  version: number;
}

/** Who reads: a commissioner its own breaches (those on offers it or one of its places leads), a provider its own. */
export type BreachReader = { commissionerId: string } | { providerId: string };

/** How a breach is named to people: BR-00012. */
export function breachReference(number: number): string {
  return `BR-${String(number).padStart(5, '0')}`;
}

function breachQuery(db: Executor) {
  return db
    .selectFrom('breaches as b')
    .innerJoin('offers as o', 'o.id', 'b.offer_id')
    .innerJoin('organisations as p', 'p.id', 'b.provider_organisation_id')
    .innerJoin('organisations as c', 'c.id', 'b.commissioner_organisation_id')
    .innerJoin('services as s', 's.id', 'o.service_id')
    .selectAll('b')
    .select([
      'o.number as offer_number',
      'o.title as offer_title',
      'p.name as provider_name',
      'c.name as commissioner_name',
      'c.parent_id as commissioner_parent_id',
      's.code as service_code',
    ]);
}

type BreachRow = Awaited<ReturnType<ReturnType<typeof breachQuery>['executeTakeFirstOrThrow']>>;

function toRecord(row: BreachRow): BreachRecord {
  return {
    id: row.id,
    reference: breachReference(row.number),
    kpiResultId: row.kpi_result_id,
    offer: { id: row.offer_id, reference: offerReference(row.offer_number), title: row.offer_title, serviceCode: row.service_code },
    provider: { id: row.provider_organisation_id, name: row.provider_name },
    commissioner: { id: row.commissioner_organisation_id, name: row.commissioner_name, parentId: row.commissioner_parent_id },
    kpi: {
      code: row.kpi_code,
      name: row.kpi_name,
      endMonth: row.end_month,
      periodFrom: row.period_from,
      periodTo: row.period_to,
      thresholdPercent: row.threshold_percent,
      direction: row.direction,
      numerator: row.numerator,
      denominator: row.denominator,
      percentTenths: row.percent_tenths,
    },
    status: row.status as BreachStatus,
    openedOn: row.opened_on,
    periods: (row.periods as BreachPeriods | null) ?? null,
    noticeText: row.notice_text,
    noticeOn: row.notice_on,
    respondBy: row.respond_by,
    responseText: row.response_text,
    respondedOn: row.responded_on,
    meetBy: row.meet_by,
    planNumber: row.plan_number,
    planAgreedOn: row.plan_agreed_on,
    finishedOn: row.finished_on,
    suspendedListingId: row.suspended_listing_id,
    version: row.version,
  };
}

/** The breach with that id (locked for a step when asked: the breach row only), or undefined for none or a malformed id. */
export async function findBreach(db: Executor, id: string, options: { forUpdate?: boolean } = {}): Promise<BreachRecord | undefined> {
  if (!isUuid(id)) return undefined;
  const query = breachQuery(db).where('b.id', '=', id);
  const row = await (options.forUpdate ? query.forUpdate('b') : query).executeTakeFirst();
  return row && toRecord(row);
}

/** The fields a step changes; the version is bumped with them. */
export interface BreachChange {
  status: BreachStatus;
  periods?: BreachPeriods;
  noticeText?: string;
  noticeOn?: string;
  respondBy?: string;
  responseText?: string;
  respondedOn?: string;
  meetBy?: string;
  planNumber?: number;
  planAgreedOn?: string;
  finishedOn?: string;
  suspendedListingId?: string;
}

/** Writes a step only if the breach is still at the version read; false when someone else changed it first. */
export async function updateBreach(trx: Executor, id: string, expectedVersion: number, change: BreachChange, at: Date): Promise<boolean> {
  const result = await trx
    .updateTable('breaches')
    .set((eb) => ({
      status: change.status,
      ...(change.periods ? { periods: JSON.stringify(change.periods) } : {}),
      ...(change.noticeText !== undefined ? { notice_text: change.noticeText, notice_on: change.noticeOn } : {}),
      ...(change.respondBy ? { respond_by: change.respondBy } : {}),
      ...(change.responseText !== undefined ? { response_text: change.responseText, responded_on: change.respondedOn } : {}),
      ...(change.meetBy ? { meet_by: change.meetBy } : {}),
      ...(change.planNumber ? { plan_number: change.planNumber, plan_agreed_on: change.planAgreedOn } : {}),
      ...(change.finishedOn ? { finished_on: change.finishedOn } : {}),
      ...(change.suspendedListingId ? { suspended_listing_id: change.suspendedListingId } : {}),
      version: eb('version', '+', 1),
      updated_at: at,
    }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

function readerFilter(db: Executor, reader: BreachReader) {
  const query = breachQuery(db);
  return 'commissionerId' in reader
    ? query.where((eb) =>
        eb.or([eb('b.commissioner_organisation_id', '=', reader.commissionerId), eb('c.parent_id', '=', reader.commissionerId)]),
      )
    : query.where('b.provider_organisation_id', '=', reader.providerId);
}

/** The reader's breaches, open or finished when asked, newest first, at most `limit`. */
export async function listBreaches(
  db: Kysely<Database>,
  reader: BreachReader,
  filter: { open?: boolean; limit: number },
): Promise<BreachRecord[]> {
  let query = readerFilter(db, reader);
  if (filter.open === true) query = query.where('b.status', 'in', OPEN_BREACH_STATUSES);
  if (filter.open === false) query = query.where('b.status', 'not in', OPEN_BREACH_STATUSES);
  const rows = await query.orderBy('b.number', 'desc').limit(filter.limit).execute();
  return rows.map(toRecord);
}

/** How many of the reader's breaches are still open (a home page's count). */
export async function countOpenBreaches(db: Kysely<Database>, reader: BreachReader): Promise<number> {
  const base = db
    .selectFrom('breaches as b')
    .innerJoin('organisations as c', 'c.id', 'b.commissioner_organisation_id')
    .where('b.status', 'in', OPEN_BREACH_STATUSES);
  const scoped =
    'commissionerId' in reader
      ? base.where((eb) =>
          eb.or([eb('b.commissioner_organisation_id', '=', reader.commissionerId), eb('c.parent_id', '=', reader.commissionerId)]),
        )
      : base.where('b.provider_organisation_id', '=', reader.providerId);
  const { n } = await scoped.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return Number(n);
}

/** The provider's listing on the offer that still holds a place (qualified, contracted, live or suspended), if any. */
export async function currentListingIdOf(trx: Executor, offerId: string, providerId: string): Promise<string | undefined> {
  const row = await trx
    .selectFrom('listings')
    .select('id')
    .where('offer_id', '=', offerId)
    .where('provider_organisation_id', '=', providerId)
    .where('status', 'in', ['qualified', 'contracted', 'live', 'suspended'])
    .executeTakeFirst();
  return row?.id;
}
