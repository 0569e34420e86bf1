/** Reading line queries (decision 0047): each side its own list and queries, a line with its query (audited), and the payment of queried lines for the month close. */
import type { Executor } from '../../db/executor.ts';
import { DomainError, validationFailed } from '../../lib/errors.ts';
import { workingDayAfter, workingDaysBetween } from '../../lib/working-days.ts';
import type { Deps } from '../deps.ts';
import type { ActionContext } from '../identity/principal.ts';
import { mayWorkQueries } from './line-query-access.rules.ts';
import { type LineQueryView, asRuleQuery, viewOn } from './line-query-view.ts';
import { findLineQuery, findQueryOnLine, listLineQueries, queriesOnLines, type QueryReader } from './line-query.repo.ts';
import { DEFAULT_QUERY_PERIODS, paymentOfQueriedLine, type QueryResolution, type QueryState } from './line-query.rules.ts';
import { lineSeenBy, type SeenLine } from './line-view.repo.ts';

/** Every state a query can be in, in the order a person works through them. */
export const QUERY_STATES: readonly QueryState[] = [
  'raised',
  'answered',
  'lapsed-unanswered',
  'lapsed-unresolved',
  'resolved-paid',
  'resolved-not-paid',
];

/** The most queries one list shows: a commissioner's month of queries is far fewer. */
export const MAX_LISTED_QUERIES = 500;

function readerOf(context: ActionContext): QueryReader {
  const principal = context.principal;
  if (!mayWorkQueries(principal)) throw new DomainError('forbidden', 'Only finance users and providers work line queries');
  return principal.role === 'commissioner-finance'
    ? { commissionerId: principal.organisationId }
    : { providerId: principal.organisationId };
}

/** Which stored resolution a state needs: resolved states their outcome, the others none yet. */
const resolutionFor = (state: QueryState): QueryResolution | null =>
  state === 'resolved-paid' ? 'paid' : state === 'resolved-not-paid' ? 'not-paid' : null;

/** The reader's queries (a provider's on its lines, a finance user's on lines its commissioner pays), newest first, in one state when asked. */
export async function lineQueriesFor(deps: Deps, context: ActionContext, state?: string): Promise<LineQueryView[]> {
  const reader = readerOf(context);
  if (state !== undefined && !(QUERY_STATES as readonly string[]).includes(state))
    throw validationFailed([{ field: 'state', message: `Choose a state: ${QUERY_STATES.join(', ')}` }]);
  const records = await listLineQueries(deps.db, reader, {
    ...(state ? { resolution: resolutionFor(state as QueryState) } : {}),
    limit: MAX_LISTED_QUERIES,
  });
  const today = deps.clock.today();
  return records.map((record) => viewOn(record, today)).filter((view) => !state || view.state === state);
}

/** A query with its line for either side of it, the line's referral reference read and audited as seen; to anyone else it does not exist. */
export async function lineQueryFor(
  deps: Deps,
  context: ActionContext,
  id: string,
  page: string,
): Promise<LineQueryView & { line: SeenLine }> {
  readerOf(context);
  // The refusal's audit row must outlive the refusal, so the transaction ends before anything is thrown.
  const seen = await deps.db.transaction().execute(async (trx) => {
    const record = await findLineQuery(trx, id);
    const line = record && (await lineSeenBy(trx, context, record.lineId, page));
    return record && line ? { ...viewOn(record, deps.clock.today()), line } : undefined;
  });
  if (!seen) throw new DomainError('not-found', 'There is no such query');
  return seen;
}

/** What a finance user may do with a line today: query it (and until when), or why not. */
export interface RaiseChance {
  allowed: boolean;
  raiseBy: string | null;
}

/** A line with its query (audited as seen), and whether the reader may raise one today; to anyone on neither side it does not exist. */
export async function lineWithQueryFor(
  deps: Deps,
  context: ActionContext,
  lineId: string,
  page: string,
): Promise<{ line: SeenLine; query: LineQueryView | null; raise: RaiseChance }> {
  readerOf(context);
  const today = deps.clock.today();
  const periods = deps.queryPeriods ?? DEFAULT_QUERY_PERIODS;
  const seen = await deps.db.transaction().execute(async (trx) => {
    const line = await lineSeenBy(trx, context, lineId, page);
    if (!line) return undefined;
    const record = await findQueryOnLine(trx, line.id);
    const open = line.side === 'commissioner' && !record && line.status === 'accepted' && line.kind === 'original';
    const inTime = today >= line.acceptedOn && workingDaysBetween(line.acceptedOn, today) <= periods.raiseWithinWorkingDays;
    return {
      line,
      query: record ? viewOn(record, today) : null,
      raise: { allowed: open && inTime, raiseBy: open ? workingDayAfter(line.acceptedOn, periods.raiseWithinWorkingDays) : null },
    };
  });
  if (!seen) throw new DomainError('not-found', 'There is no such activity line');
  return seen;
}

/**
 * For the month close and statement approval: per queried line among `lineIds`, whether it is paid on `today` — held while the
 * query is open, not paid when resolved so or unanswered in time, paid when resolved so or left unresolved. Lines with no query are
 * absent. One query whatever the number of ids, in the caller's transaction.
 */
export async function queryPaymentsOf(
  executor: Executor,
  lineIds: readonly string[],
  today: string,
): Promise<Map<string, QueryResolution | 'held'>> {
  const records = await queriesOnLines(executor, lineIds);
  return new Map(records.map((record) => [record.lineId, paymentOfQueriedLine(asRuleQuery(record), today, record.periods)]));
}
