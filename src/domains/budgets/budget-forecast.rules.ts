/**
 * The forecast to year end (issue #14 item 7; decision 0048), simple enough to explain on the page:
 * forecast = actuals to date + committed spend + run rate × months remaining, where the run rate is the average
 * monthly actual of the last 3 complete months (a month with no statements counts as nothing spent).
 */
import { cumulative, spreadEvenly } from './budget-phasing.rules.ts';
import { monthBefore, monthsOf } from './financial-year.rules.ts';

/** A month's payable spend on statements: approved, and on statements not yet approved (drafts and those awaiting approval). */
export interface MonthActual {
  approvedPence: number;
  notApprovedPence: number;
}

export interface ForecastInput {
  financialYear: string;
  today: string;
  /** Actuals by month (YYYY-MM), including the 3 months before the year starts (for the run rate in April). */
  actuals: ReadonlyMap<string, MonthActual>;
  committedPence: number;
  monthlyPlanPence: readonly number[];
}

export interface ForecastMonth {
  month: string;
  planPence: number;
  cumulativePlanPence: number;
  approvedPence: number;
  notApprovedPence: number;
  /** Running actual to the end of a complete month; null for months to come. */
  cumulativeActualPence: number | null;
  /** Running forecast: the actual for a complete month, then actual to date + committed (spread evenly) + run rate for months to come. */
  cumulativeForecastPence: number;
}

export interface Forecast {
  months: ForecastMonth[];
  actualToDatePence: number;
  runRateMonths: string[];
  runRatePence: number;
  monthsRemaining: number;
  committedCountedPence: number;
  forecastPence: number;
  planPence: number;
}

const spent = (actual: MonthActual | undefined) => (actual ? actual.approvedPence + actual.notApprovedPence : 0);

/** Which months are still to come: all of a year not yet started, none of a year ended, else this month to March. */
function monthsToCome(months: readonly string[], today: string): number {
  const current = today.slice(0, 7);
  return months.filter((month) => month >= current).length;
}

/** The forecast of one plan from its year's actuals, its committed spend and the run rate of the 3 complete months before this one. */
export function forecastYear(input: ForecastInput): Forecast {
  const months = monthsOf(input.financialYear);
  const current = input.today.slice(0, 7);
  const remaining = monthsToCome(months, input.today);
  const runRateMonths = [3, 2, 1].map((back) => monthBefore(current, back));
  const runRatePence = Math.round(runRateMonths.reduce((sum, month) => sum + spent(input.actuals.get(month)), 0) / 3);
  // Committed spend is today's: it belongs to the year under way, not to a year ended or not yet begun.
  const underWay = months[0]! <= current && current <= months[11]!;
  const committed = underWay ? input.committedPence : 0;
  const actualToDatePence = months.reduce((sum, month) => sum + spent(input.actuals.get(month)), 0);
  const committedByMonth = spreadEvenly(committed, remaining);
  const plans = cumulative(input.monthlyPlanPence);
  let running = 0;
  let toCome = 0;
  const rows = months.map((month, index): ForecastMonth => {
    const actual = input.actuals.get(month);
    const complete = month < current;
    running += complete ? spent(actual) : 0;
    if (!complete) toCome += 1;
    const forecastSoFar = complete
      ? running
      : actualToDatePence + committedByMonth.slice(0, toCome).reduce((sum, pence) => sum + pence, 0) + runRatePence * toCome;
    return {
      month,
      planPence: input.monthlyPlanPence[index] ?? 0,
      cumulativePlanPence: plans[index] ?? 0,
      approvedPence: actual?.approvedPence ?? 0,
      notApprovedPence: actual?.notApprovedPence ?? 0,
      cumulativeActualPence: complete ? running : null,
      cumulativeForecastPence: forecastSoFar,
    };
  });
  return {
    months: rows,
    actualToDatePence,
    runRateMonths,
    runRatePence,
    monthsRemaining: remaining,
    committedCountedPence: committed,
    forecastPence: actualToDatePence + committed + runRatePence * remaining,
    planPence: plans[11] ?? 0,
  };
}
