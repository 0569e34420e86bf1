/** A budget plan's figures, every one traceable: actuals from named statements, committed spend from counted referrals, and the forecast (decision 0048). */
import type { Executor } from '../../db/executor.ts';
import { alertedThresholds, thresholdsOf } from './budget-alert.repo.ts';
import { percentOfPlan, type PlanStanding, standingOf } from './budget-alert.rules.ts';
import { openReferralsByOffer, type StatementSpend, statementSpend } from './budget-figures.repo.ts';
import { type Forecast, forecastYear, type MonthActual } from './budget-forecast.rules.ts';
import type { StoredPlan } from './budget-plan.repo.ts';
import { type CommittedOnOffer, committedOnOffer } from './committed-spend.rules.ts';
import { monthBefore, monthsOf } from './financial-year.rules.ts';

/** A plan's spend on a day: what the forecast is made of, and the forecast. */
export interface PlanSpend {
  plan: StoredPlan;
  forecast: Forecast;
  /** The statements whose payable lines of this service make the actuals (and the run rate's months before April). */
  statements: StatementSpend[];
  committed: CommittedOnOffer[];
  committedPence: number;
  approvedToDatePence: number;
  notApprovedToDatePence: number;
  percentOfPlan: number;
}

/** A plan's spend and where it stands against the commissioner's alert thresholds: its own page's and the API's figures. */
export interface PlanFigures extends PlanSpend {
  thresholds: number[];
  alerted: number[];
  standing: PlanStanding;
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

/** Works out one plan's spend on a day: actuals, committed spend and the forecast (the dashboards' spend, with no thresholds). */
export async function spendOf(db: Executor, plan: StoredPlan, today: string): Promise<PlanSpend> {
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
  return {
    plan,
    forecast,
    statements: statements.filter((statement) => statement.month >= months[0]! || forecast.runRateMonths.includes(statement.month)),
    committed,
    committedPence,
    approvedToDatePence: inYear.reduce((sum, actual) => sum + actual.approvedPence, 0),
    notApprovedToDatePence: inYear.reduce((sum, actual) => sum + actual.notApprovedPence, 0),
    percentOfPlan: percentOfPlan(forecast.forecastPence, plan.amountPence),
  };
}

/** Works out one plan's figures on a day: its spend and where it stands against the commissioner's alert thresholds. */
export async function figuresOf(db: Executor, plan: StoredPlan, today: string): Promise<PlanFigures> {
  const spend = await spendOf(db, plan, today);
  const thresholds = await thresholdsOf(db, plan.commissionerId);
  return {
    ...spend,
    thresholds,
    alerted: await alertedThresholds(db, plan.id),
    standing: standingOf(spend.forecast.forecastPence, plan.amountPence, thresholds),
  };
}
