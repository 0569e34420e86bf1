/** View-models for the budget pages: money in pounds, months by name, and each figure with where it comes from (decision 0048). */
import type { PlanStanding } from '../../../domains/budgets/budget-alert.rules.ts';
import type { PlanFigures } from '../../../domains/budgets/budget-figures.service.ts';
import { SESSIONS_EXPECTED_WITHOUT_CAP } from '../../../domains/budgets/committed-spend.rules.ts';
import { MONTH_NAMES } from '../../../domains/budgets/financial-year.rules.ts';
import { formatPence } from '../../../lib/money.ts';
import type { ListColumns } from '../list-table.ts';

/** The status tag: words first, colour second. */
const STANDING_TAGS: Record<PlanStanding, { text: string; classes: string }> = {
  'on-track': { text: 'On track', classes: 'nhsuk-tag--green' },
  'near-plan': { text: 'Near plan', classes: 'nhsuk-tag--yellow' },
  'over-plan': { text: 'Forecast over plan', classes: 'nhsuk-tag--red' },
};

const STATEMENT_STATUS: Record<string, string> = { draft: 'Draft', 'awaiting-approval': 'Awaiting approval', approved: 'Approved' };

/** "2026-07" → "July 2026". */
export function monthName(month: string): string {
  const index = (Number(month.slice(5, 7)) + 8) % 12;
  return `${MONTH_NAMES[index]} ${month.slice(0, 4)}`;
}

/** One row of the list of plans. */
export function planRow(figures: PlanFigures) {
  const { plan, forecast } = figures;
  return {
    id: plan.id,
    serviceName: plan.serviceName,
    financialYear: plan.financialYear,
    plan: formatPence(plan.amountPence),
    actual: formatPence(forecast.actualToDatePence),
    forecast: formatPence(forecast.forecastPence),
    percent: `${figures.percentOfPlan}%`,
    tag: STANDING_TAGS[figures.standing],
  };
}

/** The list of plans as its page and its CSV both show it (decision 0067). */
export const PLAN_LIST_COLUMNS: ListColumns<PlanFigures> = [
  {
    heading: 'Service',
    cell: ({ plan }) => ({ text: plan.serviceName, href: `/payments/budgets/${plan.id}`, hidden: ` ${plan.financialYear}` }),
  },
  { heading: 'Year', cell: ({ plan }) => plan.financialYear },
  { heading: 'Plan', cell: ({ plan }) => formatPence(plan.amountPence), numeric: true },
  { heading: 'Actual to date', cell: ({ forecast }) => formatPence(forecast.actualToDatePence), numeric: true },
  { heading: 'Forecast', cell: ({ forecast }) => formatPence(forecast.forecastPence), numeric: true },
  { heading: 'Forecast of plan', cell: (figures) => `${figures.percentOfPlan}%`, numeric: true },
  { heading: 'Status', cell: (figures) => ({ text: STANDING_TAGS[figures.standing].text, tag: STANDING_TAGS[figures.standing].classes }) },
];

/** The forecast's sum written out, so anyone can check it: actual + committed + run rate × months. */
function forecastSum(figures: PlanFigures): string {
  const { forecast } = figures;
  const runRate = forecast.runRateMonths.map(monthName).join(', ');
  return (
    `${formatPence(forecast.actualToDatePence)} actual to date + ${formatPence(forecast.committedCountedPence)} committed + ` +
    `${formatPence(forecast.runRatePence)} a month (the average of ${runRate}) × ${forecast.monthsRemaining} months to come = ${formatPence(forecast.forecastPence)}`
  );
}

/** The figures page: headline figures, the month-by-month table, and the statements and referrals behind them. */
export function planDetail(figures: PlanFigures) {
  const { plan, forecast } = figures;
  return {
    ...planRow(figures),
    version: plan.version,
    setBy: plan.setBy ?? 'AQP',
    setAt: plan.setAt,
    phasing: plan.phasing === 'even' ? 'Spread evenly over the 12 months' : 'Set month by month',
    approvedToDate: formatPence(figures.approvedToDatePence),
    notApprovedToDate: formatPence(figures.notApprovedToDatePence),
    committed: formatPence(forecast.committedCountedPence),
    forecastSum: forecastSum(figures),
    uncappedSessions: SESSIONS_EXPECTED_WITHOUT_CAP,
    thresholds: figures.thresholds.map((percent) => `${percent}%`).join(' and '),
    months: forecast.months.map((month) => ({
      name: monthName(month.month),
      plan: formatPence(month.cumulativePlanPence),
      approved: formatPence(month.approvedPence),
      notApproved: formatPence(month.notApprovedPence),
      actual: month.cumulativeActualPence === null ? 'Not yet' : formatPence(month.cumulativeActualPence),
      forecast: formatPence(month.cumulativeForecastPence),
    })),
    statements: figures.statements.map((statement) => ({
      href: `/payments/statements/${statement.statementId}`,
      reference: statement.reference,
      month: monthName(statement.month),
      providerName: statement.providerName,
      status: STATEMENT_STATUS[statement.status] ?? statement.status,
      payable: formatPence(statement.payablePence),
    })),
    offers: figures.committed.map((offer) => ({
      title: offer.offerTitle,
      sum:
        offer.unitPricePence === null
          ? `${offer.referrals} referrals in treatment; no price is in force today, so nothing is counted`
          : `${offer.referrals} referrals × ${offer.expectedUnits} ${offer.currencyName.toLowerCase()} units × ${formatPence(offer.unitPricePence)} = ${formatPence(offer.grossPence)}, less ${formatPence(offer.paidPence)} already paid on them = ${formatPence(offer.committedPence)}`,
    })),
  };
}
