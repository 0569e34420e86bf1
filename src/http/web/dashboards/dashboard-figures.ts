/** Building blocks shared by the dashboards' figures: month names, series per month, and folding many providers into "Other" (decision 0058). */
import type { MonthlyReferrals } from '../../../domains/dashboards/dashboard-referrals.repo.ts';
import { monthName } from '../budgets/budget.presenter.ts';
import { monthAxisLabels } from '../charts/chart-frame.ts';
import { MAX_SERIES } from '../charts/chart-style.ts';
import { type ChartTable, countText } from '../charts/chart-table.ts';
import { type Figure, stackedFigure } from '../charts/figure.ts';

export { monthName };

/** The period in words: "April 2026 to March 2027". */
export function periodWords(months: readonly string[]): string {
  return `${monthName(months[0]!)} to ${monthName(months[months.length - 1]!)}`;
}

/** Totals by a key, largest first, the rest beyond the most series a chart can tell apart added up as `other`. */
export function foldedSeries(rows: readonly { key: string; month: string; count: number }[], months: readonly string[], other: string) {
  const totals = new Map<string, number>();
  for (const row of rows) totals.set(row.key, (totals.get(row.key) ?? 0) + row.count);
  const ranked = [...totals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([key]) => key);
  const kept = ranked.length > MAX_SERIES ? ranked.slice(0, MAX_SERIES - 1) : ranked;
  const nameOf = (key: string) => (kept.includes(key) ? key : other);
  const names = [...kept, ...(ranked.length > kept.length ? [other] : [])];
  return names.map((name) => ({
    name,
    values: months.map((month) =>
      rows.filter((row) => row.month === month && nameOf(row.key) === name).reduce((sum, row) => sum + row.count, 0),
    ),
  }));
}

/** Referrals by month stacked by provider or by service, with a table of every month × provider or service that had referrals. */
export function referralsByMonthFigure(
  rows: readonly MonthlyReferrals[],
  months: readonly string[],
  by: 'provider' | 'service',
  linkFor?: (row: MonthlyReferrals) => string,
): Figure {
  const keyed = rows.map((row) => ({
    key: by === 'provider' ? row.providerName : row.serviceName,
    month: row.month,
    count: row.referrals,
  }));
  const series = foldedSeries(keyed, months, by === 'provider' ? 'Other providers' : 'Other services');
  const total = rows.reduce((sum, row) => sum + row.referrals, 0);
  const table: ChartTable = {
    caption: `Referrals by month and ${by}, ${periodWords(months)}`,
    head: [{ text: 'Month' }, { text: 'Provider' }, { text: 'Service' }, { text: 'Referrals', numeric: true }],
    rows: rows.map((row) => [
      { text: monthName(row.month) },
      { text: row.providerName },
      { text: row.serviceName },
      { text: countText(row.referrals), numeric: true, ...(linkFor ? { href: linkFor(row) } : {}) },
    ]),
  };
  return stackedFigure(
    {
      id: 'referrals-by-month',
      heading: `Referrals by month and ${by}`,
      intro: `Referrals sent to a provider in each month (the current month so far), stacked by ${by}.`,
      title: `Referrals by month and ${by}, ${periodWords(months)}`,
      description: `Stacked columns, one a month from ${periodWords(months)}, each divided by ${by}: ${series.map((one) => one.name).join(', ')}. ${countText(total)} referrals in all.`,
      whenEmpty: 'No referrals were sent in this period.',
    },
    { unit: 'count', categories: [...months], axisLabels: monthAxisLabels(months), series },
    table,
  );
}
