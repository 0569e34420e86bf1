/**
 * The query workflow on an activity line (issue #14 item 3; decisions 0043, 0045, 0047): the commissioner's finance user raises it,
 * the provider answers, the finance user resolves it paid or not paid. Each step is one transaction on the locked row, with its audit
 * row and a message to the other side.
 */
import type { Executor } from '../../db/executor.ts';
import { DomainError, isDomainError, validationFailed } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import { recordAudit } from '../identity/audit.repo.ts';
import type { ActionContext } from '../identity/principal.ts';
import { actingUserId } from '../offers/offer-access.ts';
import { insertOutboxMessage } from '../providers/provider-outbox.repo.ts';
import { querySideOf, type QuerySide } from './line-query-access.rules.ts';
import { type LineQueryView, asRuleQuery, viewOn } from './line-query-view.ts';
import {
  findLineQuery,
  insertLineQuery,
  type LineQueryRecord,
  lockQueryableLine,
  recordAnswer,
  recordResolution,
} from './line-query.repo.ts';
import {
  answerQuery,
  DEFAULT_QUERY_PERIODS,
  QUERY_REASONS,
  queryDeadlines,
  type QueryState,
  queryStateOn,
  raiseQuery,
  resolveQuery,
} from './line-query.rules.ts';

/** The longest comment or answer a query step takes (the table's limit). */
export const MAX_QUERY_TEXT = 2000;

const NO_LINE = 'There is no such activity line';
const NO_QUERY = 'There is no such query';

/** Raises the query on an accepted original line, for the finance users of the commissioner paying for it or the one above it. */
export async function raiseLineQuery(
  deps: Deps,
  context: ActionContext,
  lineId: string,
  input: { reasonCode: string; comment?: string },
): Promise<LineQueryView> {
  const today = deps.clock.today();
  const periods = deps.queryPeriods ?? DEFAULT_QUERY_PERIODS;
  return deps.db.transaction().execute(async (trx) => {
    const line = await lockQueryableLine(trx, lineId);
    if (!line || querySideOf(context.principal, line) !== 'commissioner' || !line.commissionerId)
      throw new DomainError('not-found', NO_LINE);
    if (line.status !== 'accepted' || line.kind !== 'original')
      throw new DomainError(
        'invalid-transition',
        'Only an accepted line can be queried; a reversal is queried through the line it reverses',
      );
    if (line.queryId) throw new DomainError('conflict', 'This line already has a query', { queryId: line.queryId });
    checkLength('comment', input.comment);
    const query = withinRaisePeriod(() =>
      raiseQuery({ lineId: line.id, lineAcceptedOn: line.acceptedOn }, { ...input, raisedOn: today }, periods),
    );
    const id = await insertLineQuery(trx, {
      line: { ...line, commissionerId: line.commissionerId },
      reasonCode: query.reasonCode,
      comment: query.comment ?? null,
      periods,
      raisedOn: today,
      at: deps.clock.now(),
      userId: actingUserId(context),
    });
    const record = (await findLineQuery(trx, id))!;
    const { answerBy } = queryDeadlines(query, periods);
    await audited(trx, context, 'line-query.raise', record, { reasonCode: query.reasonCode });
    await tell(trx, deps, 'provider', record, {
      subject: `Query on activity line ${record.providerLineId}`,
      body: `${record.commissionerName} has queried your activity line ${record.providerLineId} (${record.currencyCode}, ${record.activityDate}): ${QUERY_REASONS[query.reasonCode].label}${query.comment ? ` — “${query.comment}”` : ''}. Answer by ${answerBy}: a query not answered by then is not paid.`,
    });
    return viewOn(record, today);
  });
}

/** Records the provider's answer while the query waits for one; once the answer period has run out the line is not paid. */
export async function answerLineQuery(deps: Deps, context: ActionContext, id: string, input: { answer: string }): Promise<LineQueryView> {
  const today = deps.clock.today();
  return deps.db.transaction().execute(async (trx) => {
    const record = await lockedQueryFor(trx, context, id, 'provider');
    const text = input.answer.trim();
    if (!text) throw validationFailed([{ field: 'answer', message: 'Enter your answer to the query' }]);
    checkLength('answer', text);
    const query = inPlainWords(record, today, () => answerQuery(asRuleQuery(record), { answeredOn: today, text }, record.periods));
    await recordAnswer(trx, record.id, { text, on: today, at: deps.clock.now(), userId: actingUserId(context) });
    const { resolveBy } = queryDeadlines(query, record.periods);
    await audited(trx, context, 'line-query.answer', record, {});
    await tell(trx, deps, 'commissioner', record, {
      subject: `Answer to your query on activity line ${record.providerLineId}`,
      body: `${record.providerName} has answered the query on activity line ${record.providerLineId} (${record.currencyCode}, ${record.activityDate}). Decide whether it is paid by ${resolveBy}: a query not resolved by then is paid.`,
    });
    return viewOn((await findLineQuery(trx, record.id))!, today);
  });
}

/** Resolves the query paid or not paid once answered; before an answer it may only be withdrawn (paid), so no line is refused unheard. */
export async function resolveLineQuery(deps: Deps, context: ActionContext, id: string, input: { outcome: string }): Promise<LineQueryView> {
  const today = deps.clock.today();
  return deps.db.transaction().execute(async (trx) => {
    const record = await lockedQueryFor(trx, context, id, 'commissioner');
    const outcome = input.outcome;
    if (outcome !== 'paid' && outcome !== 'not-paid')
      throw validationFailed([{ field: 'outcome', message: 'Choose whether the line is paid or not paid' }]);
    const withdrawn = !record.answeredOn && outcome === 'paid';
    inPlainWords(record, today, () => resolveQuery(asRuleQuery(record), { resolvedOn: today, outcome }, record.periods));
    await recordResolution(trx, record.id, { outcome, on: today, at: deps.clock.now(), userId: actingUserId(context) });
    await audited(trx, context, 'line-query.resolve', record, { outcome, withdrawn });
    const decided = withdrawn ? 'withdrawn its query on' : `resolved the query on`;
    const result = outcome === 'paid' ? 'The line will be paid.' : 'The line will not be paid.';
    await tell(trx, deps, 'provider', record, {
      subject: `Query on activity line ${record.providerLineId} ${withdrawn ? 'withdrawn' : 'resolved'}: ${outcome === 'paid' ? 'paid' : 'not paid'}`,
      body: `${record.commissionerName} has ${decided} activity line ${record.providerLineId} (${record.currencyCode}, ${record.activityDate}). ${result}`,
    });
    return viewOn((await findLineQuery(trx, record.id))!, today);
  });
}

/** The query locked for a step by its side; to anyone else it does not exist. */
async function lockedQueryFor(trx: Executor, context: ActionContext, id: string, side: QuerySide): Promise<LineQueryRecord> {
  const record = await findLineQuery(trx, id, { forUpdate: true });
  if (!record || querySideOf(context.principal, record) !== side) throw new DomainError('not-found', NO_QUERY);
  return record;
}

function checkLength(field: string, text: string | undefined): void {
  if (text && text.trim().length > MAX_QUERY_TEXT)
    throw validationFailed([{ field, message: `Keep it to ${MAX_QUERY_TEXT.toLocaleString('en-GB')} characters or fewer` }]);
}

/** The raise rule's date refusal is the line's state (too late to query), not the finance user's input: a 409, not a field error. */
function withinRaisePeriod<T>(raise: () => T): T {
  try {
    return raise();
  } catch (error) {
    const late = isDomainError(error) && error.details.fieldErrors?.find((found) => found.field === 'raisedOn');
    if (late) throw new DomainError('invalid-transition', `This line can no longer be queried. ${late.message}.`);
    throw error;
  }
}

/** Why a step is refused in the query's state, in words for the person who tried it. */
const REFUSALS: Record<QueryState, string> = {
  raised: 'The provider has not answered yet, and a line is never refused unheard: you can withdraw the query, and the line is paid.',
  answered: 'This query has already been answered.',
  'lapsed-unanswered': 'The period to answer ran out, so the line is not paid and the query is closed.',
  'lapsed-unresolved': 'The period to decide ran out, so the line is paid and the query is closed.',
  'resolved-paid': 'This query has already been resolved: the line is paid.',
  'resolved-not-paid': 'This query has already been resolved: the line is not paid.',
};

/** Runs a step's rule, rewording its refusal by the query's state today (the rule stays the judge). */
function inPlainWords<T>(record: LineQueryRecord, today: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (!isDomainError(error) || error.code !== 'invalid-transition') throw error;
    const state = queryStateOn(asRuleQuery(record), today, record.periods);
    throw new DomainError('invalid-transition', REFUSALS[state], { state });
  }
}

function audited(trx: Executor, context: ActionContext, action: string, record: LineQueryRecord, details: Record<string, unknown>) {
  return recordAudit(trx, context, {
    action,
    entityType: 'line-query',
    entityId: record.id,
    details: { lineId: record.lineId, providerLineId: record.providerLineId, ...details },
  });
}

/** A message to the other side: the provider, or the paying commissioner and the one above it (either may hold the finance users). */
async function tell(trx: Executor, deps: Deps, to: QuerySide, record: LineQueryRecord, message: { subject: string; body: string }) {
  const recipients = to === 'provider' ? [record.providerId] : [record.commissionerId, record.commissionerParentId];
  for (const organisationId of recipients.filter((found): found is string => !!found))
    await insertOutboxMessage(trx, { organisationId, ...message, entityType: 'line-query', entityId: record.id }, deps.clock.now());
}
