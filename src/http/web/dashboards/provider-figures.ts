/** The provider's dashboard as figures: its referrals by month, its KPIs' trend and latest status, and its patients' feedback. */
import type { MonthlyReferrals } from '../../../domains/dashboards/dashboard-referrals.repo.ts';
import type { ProviderDashboard } from '../../../domains/dashboards/provider-dashboard.service.ts';
import { FFT_ANSWERS, type FftAnswer } from '../../../domains/provider-quality/feedback.rules.ts';
import { lastDayOf } from '../../../domains/dashboards/dashboard-filter.rules.ts';
import { monthAxisLabels } from '../charts/chart-frame.ts';
import { countText } from '../charts/chart-table.ts';
import { type Figure, lineFigure, stackedFigure } from '../charts/figure.ts';
import { KPI_HEAD, kpiRow } from './commissioner-figures.ts';
import { monthName, periodWords, referralsByMonthFigure } from './dashboard-figures.ts';

/** The full referral list filtered to the month and service, so each count opens the referrals behind it. */
export function referralListHref(row: MonthlyReferrals): string {
  const [year, month] = [row.month.slice(0, 4), String(Number(row.month.slice(5, 7)))];
  const query = new URLSearchParams({
    service: row.serviceCode,
    'sentFrom-day': '1',
    'sentFrom-month': month,
    'sentFrom-year': year,
    'sentTo-day': String(Number(lastDayOf(row.month).slice(8))),
    'sentTo-month': month,
    'sentTo-year': year,
  });
  return `/worklists/referrals?${query.toString()}`;
}

function kpiTrend(dashboard: ProviderDashboard): Figure {
  const { months } = dashboard.filter;
  const keys = [...new Map(dashboard.kpiTrend.map((result) => [`${result.offerId} ${result.kpiCode}`, result])).entries()];
  const series = keys.map(([key, first]) => ({
    name: `${first.kpiName} (${first.serviceName})`,
    values: months.map((month) => {
      const found = dashboard.kpiTrend.find((result) => `${result.offerId} ${result.kpiCode}` === key && result.endMonth === month);
      return found?.percentTenths == null ? null : found.percentTenths / 10;
    }),
  }));
  return lineFigure(
    {
      id: 'kpi-trend',
      heading: 'Your KPIs month by month',
      intro:
        'Each KPI’s value for the period ending in each month, worked out by AQP from what you record. A gap means nothing was counted.',
      title: `Your KPI values by month, ${periodWords(months)}`,
      description: `One line per KPI, in percent: ${series.map((one) => one.name).join('; ')}.`,
      whenEmpty: 'No KPI results have been worked out for this period yet.',
    },
    { unit: 'percent', categories: [...months], axisLabels: monthAxisLabels(months), series },
    { caption: `Your KPI results by month, ${periodWords(months)}`, head: KPI_HEAD, rows: dashboard.kpiTrend.map(kpiRow) },
  );
}

const ANSWERS = Object.keys(FFT_ANSWERS) as FftAnswer[];

function feedback(dashboard: ProviderDashboard): Figure {
  const { months } = dashboard.filter;
  const count = (month: string, answer: string) =>
    dashboard.answers.find((row) => row.month === month && row.answer === answer)?.responses ?? 0;
  const published = dashboard.published.published
    ? `As published: ${dashboard.published.positivePercent}% positive of ${dashboard.published.responses} responses.`
    : `Not published: ${dashboard.published.responses} responses, fewer than 5.`;
  const rows = months.flatMap((month) => (ANSWERS.some((answer) => count(month, answer)) ? [month] : []));
  return stackedFigure(
    {
      id: 'feedback',
      heading: 'Patient feedback (Friends and Family Test)',
      intro: `Answers to “Overall, how was your experience of our service?” by month. You see every answer, however few; the public sees the share positive only from 5 responses. ${published}`,
      title: `Friends and Family Test answers by month, ${periodWords(months)}`,
      description: `Stacked columns, one a month, divided by answer from very good to very poor. ${published}`,
      whenEmpty: 'No patient answered the Friends and Family Test in this period.',
    },
    {
      unit: 'count',
      categories: [...months],
      axisLabels: monthAxisLabels(months),
      series: ANSWERS.map((answer) => ({ name: FFT_ANSWERS[answer], values: months.map((month) => count(month, answer)) })),
    },
    {
      caption: `Friends and Family Test answers by month, ${periodWords(months)}`,
      head: [{ text: 'Month' }, ...ANSWERS.map((answer) => ({ text: FFT_ANSWERS[answer], numeric: true }))],
      rows: rows.map((month) => [
        { text: monthName(month) },
        ...ANSWERS.map((answer) => ({ text: countText(count(month, answer)), numeric: true })),
      ]),
    },
  );
}

/** Every figure of the provider's dashboard, in reading order. */
export function providerFigures(dashboard: ProviderDashboard): Figure[] {
  return [
    kpiTrend(dashboard),
    feedback(dashboard),
    referralsByMonthFigure(dashboard.referrals, dashboard.filter.months, 'service', referralListHref),
  ];
}
