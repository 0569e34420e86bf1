/** Statements as their readers see them (decision 0045): the list, one statement's header and its aggregate by currency, with no patient data. */
import { sql } from 'kysely';
import type { Executor } from '../../db/executor.ts';
import { isUuid } from '../identity/organisation.repo.ts';

/** Who is reading: a provider its own statements; a commissioner those it pays, itself or through the places under it. */
export type StatementReader = { providerId: string } | { commissionerId: string };

export interface StatementHeader {
  id: string;
  reference: string;
  month: string;
  status: string;
  providerId: string;
  providerName: string;
  providerOds: string | null;
  commissionerId: string;
  commissionerName: string;
  commissionerOds: string | null;
  builtAt: Date;
  preparedBy: string | null;
  preparedByUserId: string | null;
  preparedAt: Date | null;
  approvedBy: string | null;
  approvedAt: Date | null;
  paymentDueOn: string | null;
  payablePence: number | null;
}

/** One row of the aggregate (ACM-like): a currency and band, in-month or an adjustment, by payment. */
export interface AggregateRow {
  serviceName: string;
  currencyCode: string;
  currencyName: string;
  complexityBand: string;
  placement: string;
  entry: string;
  payment: string;
  units: number;
  amountPence: number;
}

function headers(db: Executor) {
  return db
    .selectFrom('statements as s')
    .innerJoin('organisations as p', 'p.id', 's.provider_organisation_id')
    .innerJoin('organisations as c', 'c.id', 's.commissioner_organisation_id')
    .leftJoin('users as pu', 'pu.id', 's.prepared_by_user_id')
    .leftJoin('users as au', 'au.id', 's.approved_by_user_id')
    .select(['s.id', 's.reference', 's.month', 's.status', 's.built_at as builtAt', 's.prepared_at as preparedAt'])
    .select(['s.prepared_by_user_id as preparedByUserId', 's.approved_at as approvedAt', 's.payment_due_on as paymentDueOn'])
    .select(['s.payable_pence as payablePence', 'pu.display_name as preparedBy', 'au.display_name as approvedBy'])
    .select(['p.id as providerId', 'p.name as providerName', 'p.ods_code as providerOds'])
    .select(['c.id as commissionerId', 'c.name as commissionerName', 'c.ods_code as commissionerOds']);
}

/** The statements a reader may see, newest month first, optionally of one month or status. */
export async function statementsReadableBy(
  db: Executor,
  reader: StatementReader,
  filter: { month?: string; status?: string },
): Promise<StatementHeader[]> {
  let query = headers(db);
  if ('providerId' in reader) query = query.where('s.provider_organisation_id', '=', reader.providerId);
  else
    query = query.where((eb) =>
      eb.or([eb('s.commissioner_organisation_id', '=', reader.commissionerId), eb('c.parent_id', '=', reader.commissionerId)]),
    );
  if (filter.month) query = query.where('s.month', '=', filter.month);
  if (filter.status) query = query.where('s.status', '=', filter.status);
  return query.orderBy('s.month', 'desc').orderBy('s.reference').limit(500).execute();
}

/** One statement's header, or undefined; the service decides whether the reader may see it. */
export async function statementHeader(
  db: Executor,
  statementId: string,
): Promise<(StatementHeader & { commissionerParentId: string | null }) | undefined> {
  if (!isUuid(statementId)) return undefined;
  return headers(db).select('c.parent_id as commissionerParentId').where('s.id', '=', statementId).executeTakeFirst();
}

/** Locks a statement's row for a change of state, so two people cannot both prepare or approve it. */
export async function lockStatement(trx: Executor, statementId: string): Promise<void> {
  if (!isUuid(statementId)) return;
  await trx.selectFrom('statements').select('id').where('id', '=', statementId).forUpdate().execute();
}

/** The statement's aggregate: units (a reversal takes one away) and amounts by service, currency, band, placement and payment. */
export async function aggregateOf(db: Executor, statementId: string): Promise<AggregateRow[]> {
  const result = await sql<AggregateRow>`
    SELECT sv.name AS "serviceName", sl.currency_code AS "currencyCode",
      COALESCE((SELECT c ->> 'name' FROM jsonb_array_elements(COALESCE(k.content -> 'currencies', '[]'::jsonb)) AS c
        WHERE c ->> 'code' = sl.currency_code LIMIT 1), sl.currency_code) AS "currencyName",
      sl.complexity_band AS "complexityBand", sl.placement, sl.entry, sl.payment,
      sum(CASE WHEN l.kind = 'reversal' THEN -1 ELSE 1 END)::integer AS units,
      COALESCE(sum(sl.price_pence), 0)::bigint AS "amountPence"
    FROM statement_lines AS sl
    JOIN activity_lines AS l ON l.id = sl.line_id
    JOIN offers AS o ON o.id = l.offer_id
    JOIN services AS sv ON sv.id = o.service_id
    JOIN implementation_packs AS k ON k.id = o.pack_id
    WHERE sl.statement_id = ${statementId}
    GROUP BY sv.name, sl.currency_code, k.id, sl.complexity_band, sl.placement, sl.entry, sl.payment
    ORDER BY sv.name, sl.currency_code, sl.complexity_band, sl.placement DESC, sl.entry, sl.payment`.execute(db);
  return result.rows.map((row) => ({ ...row, units: Number(row.units), amountPence: Number(row.amountPence) }));
}

/** How many of the statement's lines have a query still open (answered or not), to show beside the totals. */
export async function openQueryCountOf(db: Executor, statementId: string): Promise<number> {
  const row = await db
    .selectFrom('statement_lines as sl')
    .innerJoin('line_queries as q', 'q.line_id', 'sl.line_id')
    .select((eb) => eb.fn.countAll<number>().as('open'))
    .where('sl.statement_id', '=', statementId)
    .where('q.resolution', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.open);
}
