/** A plan's month-by-month table as CSV, with a UTF-8 byte order mark so spreadsheets read "£" and "–" correctly (decision 0048). */
import { csvDocument } from '../../../lib/csv.ts';
import type { PlanFigures } from '../../../domains/budgets/budget-figures.service.ts';
import { monthName } from './budget.presenter.ts';

const pounds = (pence: number | null) => (pence === null ? '' : (pence / 100).toFixed(2));

/** The same numbers as the page's table, in pounds to the penny: one row per month, April to March. */
export function budgetTableCsv(figures: PlanFigures): string {
  const header = [
    'Month',
    'Plan to date (£)',
    'Approved in month (£)',
    'Not yet approved in month (£)',
    'Actual to date (£)',
    'Forecast to date (£)',
  ];
  const rows = figures.forecast.months.map((month) => [
    monthName(month.month),
    pounds(month.cumulativePlanPence),
    pounds(month.approvedPence),
    pounds(month.notApprovedPence),
    pounds(month.cumulativeActualPence),
    pounds(month.cumulativeForecastPence),
  ]);
  return csvDocument(header, rows);
}
