/**
 * The month close (issue #14 item 6, decision 0045): places a closed month's lines on draft statements, priced and
 * re-checked, in one transaction under a lock, so a re-run gives the same result and a killed run leaves nothing behind.
 */
import { randomUUID } from 'node:crypto';
import { DomainError, validationFailed } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import type { Executor } from '../../db/executor.ts';
import { recordAudit } from '../identity/audit.repo.ts';
import { checkBudgetAlerts } from '../budgets/budget-alerts.service.ts';
import type { ActionContext } from '../identity/principal.ts';
import { actingUserId } from '../offers/offer-access.ts';
import {
  DEFAULT_QUERY_PERIODS,
  paymentOfQueriedLine,
  type LineQuery,
  type QueryPeriods,
  type QueryReasonCode,
} from './line-query.rules.ts';
import { isMonth, monthAfter } from './month.rules.ts';
import {
  clearDraftsOf,
  dropEmptyDrafts,
  gatherCandidates,
  gatherReleases,
  hasPaymentRunOn,
  insertPaymentRun,
  lockPaymentRuns,
  openQueryRows,
  placeOriginals,
  placeReleases,
  placeReversals,
  priceCandidates,
  upsertDrafts,
  type CloseWindow,
  type QueryOutcome,
} from './month-close.repo.ts';

export interface PaymentRunResult {
  month: string;
  /** True when the schedule found the month already closed today and did nothing. */
  skipped: boolean;
  runId: string;
  drafts: number;
  linesPlaced: number;
  releases: number;
  /** Budget alerts raised because the new statements moved a forecast past a threshold. */
  budgetAlerts: number;
}

type QueryRow = Awaited<ReturnType<typeof openQueryRows>>[number];

/** A stored query as the query rules read it, with the periods in force when it was raised. */
function asLineQuery(row: QueryRow): { query: LineQuery; periods: QueryPeriods } {
  const query: LineQuery = {
    lineId: row.lineId,
    lineAcceptedOn: row.lineAcceptedOn,
    reasonCode: row.reasonCode as QueryReasonCode,
    raisedOn: row.raisedOn,
    ...(row.answeredOn ? { answer: { answeredOn: row.answeredOn, text: row.answerText ?? '' } } : {}),
    ...(row.resolvedOn ? { resolution: { resolvedOn: row.resolvedOn, outcome: row.resolution as 'paid' | 'not-paid' } } : {}),
  };
  return { query, periods: { ...DEFAULT_QUERY_PERIODS, ...(row.periods as Partial<QueryPeriods>) } };
}

/** Each queried line's payment on a day: held while open, then paid or not paid by its resolution or lapse. */
export async function queryOutcomesOn(trx: Executor, today: string): Promise<QueryOutcome[]> {
  return (await openQueryRows(trx)).map((row) => {
    const { query, periods } = asLineQuery(row);
    return { lineId: row.lineId, outcome: paymentOfQueriedLine(query, today, periods) };
  });
}

/** Places the month's lines on its drafts inside a transaction already holding the lock; returns the counts. */
async function closeMonth(trx: Executor, window: CloseWindow, today: string) {
  await clearDraftsOf(trx, window.month);
  await gatherCandidates(trx, window, await queryOutcomesOn(trx, today));
  await priceCandidates(trx);
  await gatherReleases(trx, window);
  await upsertDrafts(trx, window);
  const originals = await placeOriginals(trx, window);
  const reversals = await placeReversals(trx, window);
  const releases = await placeReleases(trx, window);
  const drafts = await dropEmptyDrafts(trx, window.month);
  return { drafts, linesPlaced: originals + reversals + releases, releases };
}

/** Closes a month that has ended in England: builds or rebuilds its draft statements; approved and prepared ones are never touched. */
export async function runPaymentMonth(
  deps: Deps,
  context: ActionContext,
  options: { month: string; triggeredBy: string; onceADay?: boolean },
): Promise<PaymentRunResult> {
  const { month } = options;
  if (!isMonth(month)) throw validationFailed([{ field: 'month', message: 'Enter the month as YYYY-MM, like 2027-04' }]);
  const today = deps.clock.today();
  if (monthAfter(month) > today)
    throw new DomainError('invalid-transition', `The month ${month} has not ended yet: it can be closed from ${monthAfter(month)}`);
  const startedAt = deps.clock.now();
  const window: CloseWindow = { month, monthStart: `${month}-01`, nextMonthStart: monthAfter(month), runId: randomUUID(), at: startedAt };
  return deps.db.transaction().execute(async (trx) => {
    await lockPaymentRuns(trx);
    if (options.onceADay && (await hasPaymentRunOn(trx, month, today)))
      return { month, skipped: true, runId: '', drafts: 0, linesPlaced: 0, releases: 0, budgetAlerts: 0 };
    const counts = await closeMonth(trx, window, today);
    const budgetAlerts = await checkBudgetAlerts(trx, { today, now: startedAt });
    const run = { id: window.runId, month, ranOn: today, startedAt, finishedAt: deps.clock.now(), triggeredBy: options.triggeredBy };
    await insertPaymentRun(trx, { ...run, userId: actingUserId(context) }, { statementsBuilt: counts.drafts, ...counts });
    await recordAudit(trx, context, {
      action: 'payments.run',
      entityType: 'payment-run',
      entityId: window.runId,
      details: { month, ...counts },
    });
    return { month, skipped: false, runId: window.runId, ...counts, budgetAlerts };
  });
}
