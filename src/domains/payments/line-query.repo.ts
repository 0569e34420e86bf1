/** Line queries in `line_queries` (decision 0045): one per accepted line, its steps dated, its periods stored with it; locked for each step. */
import { sql } from 'kysely';
import type { Executor } from '../../db/executor.ts';
import { londonDateOf } from '../../lib/clock.ts';
import type { QueryPeriods, QueryReasonCode, QueryResolution } from './line-query.rules.ts';

/** An activity line as a query needs it: who sent it, who pays for it (and the commissioner above that), and whether it may be queried. */
export interface QueryableLine {
  id: string;
  providerId: string;
  commissionerId: string | null;
  commissionerParentId: string | null;
  status: string;
  kind: string;
  acceptedOn: string;
  queryId: string | null;
}

/** A stored query with its line's parties and the line id the provider gave it. */
export interface LineQueryRecord {
  id: string;
  lineId: string;
  providerLineId: string;
  providerId: string;
  providerName: string;
  commissionerId: string;
  commissionerParentId: string | null;
  commissionerName: string;
  reasonCode: QueryReasonCode;
  comment: string | null;
  periods: QueryPeriods;
  lineAcceptedOn: string;
  raisedOn: string;
  answerText: string | null;
  answeredOn: string | null;
  resolution: QueryResolution | null;
  resolvedOn: string | null;
  activityDate: string;
  currencyCode: string;
}

const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/** The line, locked so two people cannot both raise its query; undefined for no such line. */
export async function lockQueryableLine(trx: Executor, lineId: string): Promise<QueryableLine | undefined> {
  if (!isUuid(lineId)) return undefined;
  const row = await trx
    .selectFrom('activity_lines as a')
    .leftJoin('organisations as c', 'c.id', 'a.commissioner_organisation_id')
    // The commissioner above the paying one (an ICB above its sub-ICB location); a region above an ICB does not count.
    .leftJoin('organisations as cp', (join) => join.onRef('cp.id', '=', 'c.parent_id').on('cp.kind', '=', 'commissioner'))
    .select([
      'a.id',
      'a.provider_organisation_id as providerId',
      'a.commissioner_organisation_id as commissionerId',
      'cp.id as commissionerParentId',
      'a.status',
      'a.kind',
      'a.received_at as receivedAt',
    ])
    .where('a.id', '=', lineId)
    .forUpdate('a')
    .executeTakeFirst();
  if (!row) return undefined;
  // Read after the lock, in its own statement: a query raised by whoever held the lock is then seen (a join in the locking read would not see it).
  const query = await trx.selectFrom('line_queries').select('id').where('line_id', '=', row.id).executeTakeFirst();
  return { ...row, acceptedOn: londonDateOf(row.receivedAt), queryId: query?.id ?? null };
}

export interface NewLineQuery {
  line: QueryableLine & { commissionerId: string };
  reasonCode: string;
  comment: string | null;
  periods: QueryPeriods;
  raisedOn: string;
  at: Date;
  userId: string | null;
}

/** Stores a raised query with the periods in force today, so a later change of configuration does not move its deadlines. */
export async function insertLineQuery(trx: Executor, query: NewLineQuery): Promise<string> {
  const row = await trx
    .insertInto('line_queries')
    .values({
      line_id: query.line.id,
      provider_organisation_id: query.line.providerId,
      commissioner_organisation_id: query.line.commissionerId,
      reason_code: query.reasonCode,
      comment: query.comment,
      periods: JSON.stringify(query.periods),
      line_accepted_on: query.line.acceptedOn,
      raised_on: query.raisedOn,
      raised_at: query.at,
      raised_by_user_id: query.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The base read of queries with their line and parties; callers add the filter. */
function selectQueries(db: Executor) {
  return (
    db
      .selectFrom('line_queries as q')
      .innerJoin('activity_lines as a', 'a.id', 'q.line_id')
      .innerJoin('organisations as p', 'p.id', 'q.provider_organisation_id')
      .innerJoin('organisations as c', 'c.id', 'q.commissioner_organisation_id')
      // The commissioner above the paying one (an ICB above its sub-ICB location); a region above an ICB does not count.
      .leftJoin('organisations as cp', (join) => join.onRef('cp.id', '=', 'c.parent_id').on('cp.kind', '=', 'commissioner'))
      .select([
        'q.id',
        'q.line_id as lineId',
        'a.provider_line_id as providerLineId',
        'q.provider_organisation_id as providerId',
        'p.name as providerName',
        'q.commissioner_organisation_id as commissionerId',
        'cp.id as commissionerParentId',
        'c.name as commissionerName',
        'q.reason_code as reasonCode',
        'q.comment',
        'q.periods',
        'q.line_accepted_on as lineAcceptedOn',
        'q.raised_on as raisedOn',
        'q.answer_text as answerText',
        'q.answered_on as answeredOn',
        'q.resolution',
        'q.resolved_on as resolvedOn',
        'a.activity_date as activityDate',
        'a.currency_code as currencyCode',
      ])
  );
}

type QueryRow = Awaited<ReturnType<ReturnType<typeof selectQueries>['execute']>>[number];

const toRecord = (row: QueryRow): LineQueryRecord => ({
  ...row,
  reasonCode: row.reasonCode as QueryReasonCode,
  resolution: row.resolution as QueryResolution | null,
  periods: (typeof row.periods === 'string' ? JSON.parse(row.periods) : row.periods) as QueryPeriods,
});

/** One query, locked for a step when asked (so two people cannot both answer or resolve it); undefined for no such query. */
export async function findLineQuery(db: Executor, id: string, options: { forUpdate?: boolean } = {}): Promise<LineQueryRecord | undefined> {
  if (!isUuid(id)) return undefined;
  const query = selectQueries(db).where('q.id', '=', id);
  const row = await (options.forUpdate ? query.forUpdate('q') : query).executeTakeFirst();
  return row && toRecord(row);
}

/** The query on a line, if it has one. */
export async function findQueryOnLine(db: Executor, lineId: string): Promise<LineQueryRecord | undefined> {
  if (!isUuid(lineId)) return undefined;
  const row = await selectQueries(db).where('q.line_id', '=', lineId).executeTakeFirst();
  return row && toRecord(row);
}

/** Who reads a list of queries: a provider its own; a commissioner those on lines it or a place under it pays for. */
export type QueryReader = { providerId: string } | { commissionerId: string };

/** The reader's queries, newest first; `resolution` narrows to unresolved (null) or one outcome; states are derived by the caller. */
export async function listLineQueries(
  db: Executor,
  reader: QueryReader,
  filter: { resolution?: QueryResolution | null; limit: number },
): Promise<LineQueryRecord[]> {
  let query = selectQueries(db);
  if ('providerId' in reader) query = query.where('q.provider_organisation_id', '=', reader.providerId);
  else
    query = query.where((eb) =>
      eb.or([eb('q.commissioner_organisation_id', '=', reader.commissionerId), eb('cp.id', '=', reader.commissionerId)]),
    );
  if (filter.resolution === null) query = query.where('q.resolution', 'is', null);
  else if (filter.resolution) query = query.where('q.resolution', '=', filter.resolution);
  const rows = await query.orderBy('q.raised_on', 'desc').orderBy('q.raised_at', 'desc').limit(filter.limit).execute();
  return rows.map(toRecord);
}

/** Records the provider's answer on a locked query. */
export async function recordAnswer(trx: Executor, id: string, answer: { text: string; on: string; at: Date; userId: string | null }) {
  await trx
    .updateTable('line_queries')
    .set({ answer_text: answer.text, answered_on: answer.on, answered_at: answer.at, answered_by_user_id: answer.userId })
    .where('id', '=', id)
    .execute();
}

/** Records the commissioner's resolution on a locked query. */
export async function recordResolution(
  trx: Executor,
  id: string,
  resolution: { outcome: QueryResolution; on: string; at: Date; userId: string | null },
) {
  await trx
    .updateTable('line_queries')
    .set({ resolution: resolution.outcome, resolved_on: resolution.on, resolved_at: resolution.at, resolved_by_user_id: resolution.userId })
    .where('id', '=', id)
    .execute();
}

/** The queries on any of these lines, in one statement whatever the number of ids (one array parameter, not one per id). */
export async function queriesOnLines(db: Executor, lineIds: readonly string[]): Promise<LineQueryRecord[]> {
  const ids = lineIds.filter(isUuid);
  if (ids.length === 0) return [];
  const rows = await selectQueries(db)
    .where(sql<boolean>`q.line_id = any(${sql.val(ids)}::uuid[])`)
    .execute();
  return rows.map(toRecord);
}
