/** A budget plan's figures, every one traceable: actuals from named statements, committed spend from counted referrals, and the forecast (decision 0048). */
import type { Executor } from '../../db/executor.ts';
import { alertedThresholds, thresholdsOf } from './budget-alert.repo.ts';
import { percentOfPlan, type PlanStanding, standingOf } from './budget-alert.rules.ts';
import { openReferralsByOffer, type StatementSpend, statementSpend } from './budget-figures.repo.ts';
import { type Forecast, forecastYear, type MonthActual } from './budget-forecast.rules.ts';
import type { StoredPlan } from './budget-plan.repo.ts';
import { type CommittedOnOffer, committedOnOffer } from './committed-spend.rules.ts';
import { monthBefore, monthsOf } from './financial-year.rules.ts';

export interface PlanFigures {
  plan: StoredPlan;
  forecast: Forecast;
  /** The statements whose payable lines of this service make the actuals (and the run rate's months before April). */
  statements: StatementSpend[];
  committed: CommittedOnOffer[];
  committedPence: number;
  approvedToDatePence: number;
  notApprovedToDatePence: number;
  thresholds: number[];
  alerted: number[];
  standing: PlanStanding;
  percentOfPlan: number;
}

function actualsByMonth(statements: readonly StatementSpend[]): Map<string, MonthActual> {
  const months = new Map<string, MonthActual>();
  for (const statement of statements) {
    const month = months.get(statement.month) ?? { approvedPence: 0, notApprovedPence: 0 };
    if (statement.status === 'approved') month.approvedPence += statement.payablePence;
    else month.notApprovedPence += statement.payablePence;
    months.set(statement.month, month);
  }
  return months;
}

/** Works out one plan's figures on a day: actuals, committed spend, the forecast and where it stands against the thresholds. */
export async function figuresOf(db: Executor, plan: StoredPlan, today: string): Promise<PlanFigures> {
  const scope = { commissionerId: plan.commissionerId, serviceId: plan.serviceId };
  const months = monthsOf(plan.financialYear);
  const from = [monthBefore(months[0]!, 3), monthBefore(today.slice(0, 7), 3)].sort()[0]!;
  const statements = await statementSpend(db, scope, from, months[11]!);
  const committed = (await openReferralsByOffer(db, scope, today)).map(committedOnOffer);
  const committedPence = committed.reduce((sum, offer) => sum + offer.committedPence, 0);
  const actuals = actualsByMonth(statements);
  const forecast = forecastYear({
    financialYear: plan.financialYear,
    today,
    actuals,
    committedPence,
    monthlyPlanPence: plan.monthlyPence,
  });
  const inYear = months.map((month) => actuals.get(month)).filter((actual) => actual !== undefined);
  const thresholds = await thresholdsOf(db, plan.commissionerId);
  return {
    plan,
    forecast,
    statements: statements.filter((statement) => statement.month >= months[0]! || forecast.runRateMonths.includes(statement.month)),
    committed,
    committedPence,
    approvedToDatePence: inYear.reduce((sum, actual) => sum + actual.approvedPence, 0),
    notApprovedToDatePence: inYear.reduce((sum, actual) => sum + actual.notApprovedPence, 0),
    thresholds,
    alerted: await alertedThresholds(db, plan.id),
    standing: standingOf(forecast.forecastPence, plan.amountPence, thresholds),
    percentOfPlan: percentOfPlan(forecast.forecastPence, plan.amountPence),
  };
}
