/**
 * A commissioner's query on an accepted activity line (issue #14 item 3; brief §A2 and §A5): raised with a coded reason, answered by the
 * provider, resolved paid or not paid, each step within a period of working days that is configuration (decision 0043).
 */
import { DomainError, validationFailed } from '../../lib/errors.ts';
import { workingDayAfter, workingDaysBetween } from '../../lib/working-days.ts';

/** The query periods in England's working days (Operational Days), stamped with the contract reading they come from. */
export interface QueryPeriods {
  edition: string;
  /** From the day the line was accepted, the commissioner may raise a query for this many working days. */
  raiseWithinWorkingDays: number;
  /** From the day the query was raised, the provider has this many working days to answer; then the line is not paid. */
  answerWithinWorkingDays: number;
  /** From the day the provider answered, the commissioner has this many working days to resolve; then the line is paid. */
  resolveWithinWorkingDays: number;
}

/** Defaults read from NHS Standard Contract SC36 (contest payments within Operational Days; brief §A2, UNCONFIRMED per §G). */
export const DEFAULT_QUERY_PERIODS: QueryPeriods = {
  edition: 'NHS Standard Contract SC36 (payment queries), reading of brief §A2, unconfirmed (§G)',
  raiseWithinWorkingDays: 20,
  answerWithinWorkingDays: 10,
  resolveWithinWorkingDays: 10,
};

/** Why a commissioner queries a line; "other" needs a comment. */
export const QUERY_REASONS = {
  'not-our-patient': { label: 'The patient was not our responsibility on the activity date', commentRequired: false },
  'activity-not-evidenced': { label: 'The backing data does not show this activity', commentRequired: false },
  'wrong-complexity-band': { label: 'The complexity band does not match the patient’s needs', commentRequired: false },
  'outside-criteria': { label: 'The patient did not meet the referral criteria', commentRequired: false },
  other: { label: 'Other', commentRequired: true },
} as const;
export type QueryReasonCode = keyof typeof QUERY_REASONS;

export type QueryResolution = 'paid' | 'not-paid';

export interface LineQuery {
  lineId: string;
  lineAcceptedOn: string;
  reasonCode: QueryReasonCode;
  comment?: string;
  raisedOn: string;
  answer?: { answeredOn: string; text: string };
  resolution?: { resolvedOn: string; outcome: QueryResolution };
}

export type QueryState = 'raised' | 'answered' | 'resolved-paid' | 'resolved-not-paid' | 'lapsed-unanswered' | 'lapsed-unresolved';

/** Opens a query on an accepted line, within the raise period, with a reason from the list. */
export function raiseQuery(
  line: { lineId: string; lineAcceptedOn: string },
  request: { reasonCode: string; comment?: string; raisedOn: string },
  periods: QueryPeriods,
): LineQuery {
  const reason = Object.hasOwn(QUERY_REASONS, request.reasonCode) ? QUERY_REASONS[request.reasonCode as QueryReasonCode] : undefined;
  const comment = request.comment?.trim();
  if (!reason) throw validationFailed([{ field: 'reasonCode', message: 'Choose a reason for the query from the list' }]);
  if (reason.commentRequired && !comment) throw validationFailed([{ field: 'comment', message: 'Explain the reason for the query' }]);
  if (request.raisedOn < line.lineAcceptedOn || workingDaysBetween(line.lineAcceptedOn, request.raisedOn) > periods.raiseWithinWorkingDays)
    throw validationFailed([
      {
        field: 'raisedOn',
        message: `A query on this line must be raised between ${line.lineAcceptedOn} and ${workingDayAfter(line.lineAcceptedOn, periods.raiseWithinWorkingDays)}`,
      },
    ]);
  const query: LineQuery = { ...line, reasonCode: request.reasonCode as QueryReasonCode, raisedOn: request.raisedOn };
  return comment ? { ...query, comment } : query;
}

/** Records the provider's answer, while the query is waiting for one on that date. */
export function answerQuery(query: LineQuery, answer: { answeredOn: string; text: string }, periods: QueryPeriods): LineQuery {
  if (answer.answeredOn < query.raisedOn)
    throw validationFailed([{ field: 'answeredOn', message: `The answer cannot be dated before the query (${query.raisedOn})` }]);
  const state = queryStateOn(query, answer.answeredOn, periods);
  if (state !== 'raised') throw new DomainError('invalid-transition', `The query cannot be answered: it is ${state}`);
  return { ...query, answer };
}

/** Records the commissioner's decision: paid or not paid once answered; before an answer only withdrawn (paid), never refused unheard. */
export function resolveQuery(
  query: LineQuery,
  resolution: { resolvedOn: string; outcome: QueryResolution },
  periods: QueryPeriods,
): LineQuery {
  const after = query.answer?.answeredOn ?? query.raisedOn;
  if (resolution.resolvedOn < after)
    throw validationFailed([{ field: 'resolvedOn', message: `The resolution cannot be dated before ${after}` }]);
  const state = queryStateOn(query, resolution.resolvedOn, periods);
  const allowed = state === 'answered' || (state === 'raised' && resolution.outcome === 'paid');
  if (!allowed) throw new DomainError('invalid-transition', `The query cannot be resolved ${resolution.outcome}: it is ${state}`);
  return { ...query, resolution };
}

/** The last day each open step may be taken: the answer's, and once answered the resolution's. */
export function queryDeadlines(query: LineQuery, periods: QueryPeriods): { answerBy: string; resolveBy: string | null } {
  return {
    answerBy: workingDayAfter(query.raisedOn, periods.answerWithinWorkingDays),
    resolveBy: query.answer ? workingDayAfter(query.answer.answeredOn, periods.resolveWithinWorkingDays) : null,
  };
}

/** The step whose period has run out on a date without it being taken: the provider's answer, or the commissioner's resolution. */
export function overdueStepOn(query: LineQuery, isoDate: string, periods: QueryPeriods): 'answer' | 'resolution' | null {
  const answer = query.answer && query.answer.answeredOn <= isoDate ? query.answer : undefined;
  if (query.resolution && query.resolution.resolvedOn <= isoDate) return null;
  if (!answer) return workingDaysBetween(query.raisedOn, isoDate) > periods.answerWithinWorkingDays ? 'answer' : null;
  return workingDaysBetween(answer.answeredOn, isoDate) > periods.resolveWithinWorkingDays ? 'resolution' : null;
}

/** Where the query stands on a date: a step dated later has not happened yet, and an overdue step lapses the query. */
export function queryStateOn(query: LineQuery, isoDate: string, periods: QueryPeriods): QueryState {
  if (query.resolution && query.resolution.resolvedOn <= isoDate) return `resolved-${query.resolution.outcome}`;
  const overdue = overdueStepOn(query, isoDate, periods);
  if (overdue) return overdue === 'answer' ? 'lapsed-unanswered' : 'lapsed-unresolved';
  return query.answer && query.answer.answeredOn <= isoDate ? 'answered' : 'raised';
}

/** Whether a queried line is paid on a date: held while open; an unanswered lapse is not paid, an unresolved one is paid. */
export function paymentOfQueriedLine(query: LineQuery, isoDate: string, periods: QueryPeriods): QueryResolution | 'held' {
  const state = queryStateOn(query, isoDate, periods);
  if (state === 'resolved-paid' || state === 'lapsed-unresolved') return 'paid';
  if (state === 'resolved-not-paid' || state === 'lapsed-unanswered') return 'not-paid';
  return 'held';
}
