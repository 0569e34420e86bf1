/** A stored query as the rules see it, and where it stands on a day: its state, deadlines and any overdue step (decision 0043). */
import type { LineQueryRecord } from './line-query.repo.ts';
import { type LineQuery, overdueStepOn, queryDeadlines, type QueryState, queryStateOn } from './line-query.rules.ts';

/** A query with where it stands today; lapses are read from the dates, so no job has to move it. */
export interface LineQueryView extends LineQueryRecord {
  state: QueryState;
  answerBy: string;
  resolveBy: string | null;
  overdueStep: 'answer' | 'resolution' | null;
}

/** The rules' shape of a stored query. */
export function asRuleQuery(record: LineQueryRecord): LineQuery {
  return {
    lineId: record.lineId,
    lineAcceptedOn: record.lineAcceptedOn,
    reasonCode: record.reasonCode,
    raisedOn: record.raisedOn,
    ...(record.comment ? { comment: record.comment } : {}),
    ...(record.answeredOn && record.answerText !== null ? { answer: { answeredOn: record.answeredOn, text: record.answerText } } : {}),
    ...(record.resolvedOn && record.resolution ? { resolution: { resolvedOn: record.resolvedOn, outcome: record.resolution } } : {}),
  };
}

/** The query with its state, deadlines and overdue step on `today`, by the periods stored with it. */
export function viewOn(record: LineQueryRecord, today: string): LineQueryView {
  const query = asRuleQuery(record);
  return {
    ...record,
    state: queryStateOn(query, today, record.periods),
    ...queryDeadlines(query, record.periods),
    overdueStep: overdueStepOn(query, today, record.periods),
  };
}
