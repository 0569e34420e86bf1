/** The commissioner's dashboard as figures: referrals by month and provider, market share, waits, KPI status and spend against budget. */
import type { CommissionerDashboard } from '../../../domains/dashboards/commissioner-dashboard.service.ts';
import type { StoredKpiResult } from '../../../domains/dashboards/dashboard-quality.repo.ts';
import { MIN_REFERRALS_FOR_WAIT } from '../../../domains/provider-quality/waits.rules.ts';
import { formatPence } from '../../../lib/money.ts';
import { countText, shareText, tenthsText } from '../charts/chart-table.ts';
import { barFigure, type Figure } from '../charts/figure.ts';
import { BREACH_LIFECYCLE } from '../../../domains/provider-quality/breach.rules.ts';
import { monthName, periodWords, referralsByMonthFigure } from './dashboard-figures.ts';

const STATUS_WORDS: Record<string, string> = { met: 'Met', breached: 'Breached', 'not-enough-data': 'Not enough data yet' };

/** Each provider's share of the commissioner's referrals in the period, largest first. */
function marketShare(dashboard: CommissionerDashboard): Figure {
  const totals = new Map<string, number>();
  for (const row of dashboard.referrals) totals.set(row.providerName, (totals.get(row.providerName) ?? 0) + row.referrals);
  const all = [...totals.values()].reduce((sum, count) => sum + count, 0);
  const ranked = [...totals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const words = (count: number) => `${shareText(count, all)} (${countText(count)} of ${countText(all)})`;
  return barFigure(
    {
      id: 'market-share',
      heading: 'Market share',
      intro: 'Each provider’s share of the referrals sent in the period: patients’ choices, since every qualified provider is offered.',
      title: `Providers’ shares of referrals, ${periodWords(dashboard.filter.months)}`,
      description: `One bar per provider, largest share first: ${ranked.map(([name, count]) => `${name} ${words(count)}`).join('; ')}.`,
      whenEmpty: 'No referrals were sent in this period.',
    },
    'percent',
    'Share of referrals (%)',
    ranked.map(([name, count]) => ({ label: name, value: all ? Math.round((count * 100) / all) : 0, text: words(count) })),
    {
      caption: `Providers’ shares of referrals, ${periodWords(dashboard.filter.months)}`,
      head: [{ text: 'Provider' }, { text: 'Referrals', numeric: true }, { text: 'Share', numeric: true }],
      rows: ranked.map(([name, count]) => [
        { text: name },
        { text: countText(count), numeric: true },
        { text: shareText(count, all), numeric: true },
      ]),
    },
  );
}

function waits(dashboard: CommissionerDashboard): Figure {
  const text = (wait: CommissionerDashboard['waits'][number]) =>
    wait.medianWorkingDays === null
      ? `Fewer than ${MIN_REFERRALS_FOR_WAIT} patients (${wait.patients})`
      : `${wait.medianWorkingDays} working days (${countText(wait.patients)} patients)`;
  return barFigure(
    {
      id: 'waits',
      heading: 'Waits to first appointment',
      intro: `The median working days from a referral being sent to the patient’s first attended appointment, over patients first seen in the period. Fewer than ${MIN_REFERRALS_FOR_WAIT} patients give no median.`,
      title: `Median wait to first appointment by provider, ${periodWords(dashboard.filter.months)}`,
      description: `One bar per provider: ${dashboard.waits.map((wait) => `${wait.providerName} ${text(wait)}`).join('; ')}.`,
      whenEmpty: 'No patient had a first appointment in this period.',
    },
    'working-days',
    'Median working days to first appointment',
    dashboard.waits.map((wait) => ({ label: wait.providerName, value: wait.medianWorkingDays, text: text(wait) })),
    {
      caption: `Waits to first appointment by provider, ${periodWords(dashboard.filter.months)}`,
      head: [{ text: 'Provider' }, { text: 'Median working days', numeric: true }, { text: 'Patients first seen', numeric: true }],
      rows: dashboard.waits.map((wait) => [
        { text: wait.providerName },
        { text: wait.medianWorkingDays === null ? 'Too few to say' : String(wait.medianWorkingDays), numeric: true },
        { text: countText(wait.patients), numeric: true },
      ]),
    },
  );
}

/** A KPI result as a table row: who, what, when, the value with its counts, the threshold and the status in words. */
export function kpiRow(result: StoredKpiResult) {
  return [
    { text: result.providerName },
    { text: result.serviceName },
    { text: result.kpiName },
    { text: monthName(result.endMonth) },
    { text: `${tenthsText(result.percentTenths)} (${countText(result.numerator)} of ${countText(result.denominator)})`, numeric: true },
    { text: `${result.direction === 'at-most' ? 'at most' : 'at least'} ${result.thresholdPercent}%`, numeric: true },
    { text: STATUS_WORDS[result.status] ?? result.status },
  ];
}

/** The head of a table of KPI results. */
export const KPI_HEAD = [
  { text: 'Provider' },
  { text: 'Service' },
  { text: 'KPI' },
  { text: 'Period ending' },
  { text: 'Value', numeric: true },
  { text: 'Threshold', numeric: true },
  { text: 'Status' },
];

function kpiStatus(dashboard: CommissionerDashboard): Figure {
  const providers = [...new Set(dashboard.kpis.map((result) => result.providerName))];
  const counts = providers.map((name) => {
    const mine = dashboard.kpis.filter((result) => result.providerName === name);
    const of = (status: string) => mine.filter((result) => result.status === status).length;
    return {
      name,
      met: of('met'),
      total: mine.length,
      text: `${of('met')} of ${mine.length} met, ${of('breached')} breached, ${of('not-enough-data')} not enough data`,
    };
  });
  return barFigure(
    {
      id: 'kpi-status',
      heading: 'KPI status by provider',
      intro:
        'The latest result in the period of each KPI for each provider, worked out from the record by AQP. The bar is the number of KPIs met.',
      title: `KPIs met by provider, latest results up to ${monthName(dashboard.filter.months[dashboard.filter.months.length - 1]!)}`,
      description: `One bar per provider: ${counts.map((row) => `${row.name}: ${row.text}`).join('; ')}.`,
      whenEmpty: 'No KPI results have been worked out for this period yet.',
    },
    'count',
    'KPIs met',
    counts.map((row) => ({ label: row.name, value: row.met, text: row.text })),
    { caption: 'Latest KPI results by provider', head: KPI_HEAD, rows: dashboard.kpis.map(kpiRow) },
  );
}

const BREACH_HEAD = [{ text: 'Breach' }, { text: 'Provider' }, { text: 'KPI' }, { text: 'Figure' }, { text: 'Status' }];

/** The breaches open now on the commissioner's offers, counted per provider, each listed and linked to its page. */
function openBreaches(dashboard: CommissionerDashboard & { openBreaches: NonNullable<CommissionerDashboard['openBreaches']> }): Figure {
  const providers = [...new Set(dashboard.openBreaches.map((breach) => breach.provider.name))].sort();
  const counts = providers.map((name) => ({ name, open: dashboard.openBreaches.filter((breach) => breach.provider.name === name).length }));
  return barFigure(
    {
      id: 'open-breaches',
      heading: 'Open KPI breaches',
      intro: 'Breaches open today on your offers, from notice to remedial plan or escalation, whatever period is chosen above.',
      title: 'Open KPI breaches by provider',
      description: `One bar per provider with a breach open: ${counts.map((row) => `${row.name}: ${row.open}`).join('; ')}.`,
      whenEmpty: 'No KPI breach is open.',
    },
    'count',
    'Open breaches',
    counts.map((row) => ({ label: row.name, value: row.open, text: `${row.open} open` })),
    {
      caption: 'Open KPI breaches',
      head: BREACH_HEAD,
      rows: dashboard.openBreaches.map((breach) => [
        { text: breach.reference, href: `/quality/breaches/${breach.id}` },
        { text: breach.provider.name },
        { text: breach.kpi.name },
        { text: `${breach.kpi.numerator} of ${breach.kpi.denominator} against ${breach.kpi.thresholdPercent}%` },
        { text: BREACH_LIFECYCLE.label(breach.status) },
      ]),
    },
  );
}

function spend(dashboard: CommissionerDashboard): Figure {
  const text = (line: CommissionerDashboard['budgets'][number]) =>
    `${formatPence(line.forecastPence)} forecast, ${line.percentOfPlan}% of ${formatPence(line.planPence)}`;
  return barFigure(
    {
      id: 'spend',
      heading: `Spend against budget, ${dashboard.filter.financialYear}`,
      intro: `The forecast to the end of the financial year ${dashboard.filter.financialYear} against each budget plan, from the budgets pages.`,
      title: `Forecast spend against plan by service, ${dashboard.filter.financialYear}`,
      description: `One bar per service’s forecast, with a red dashed mark at its plan: ${dashboard.budgets.map((line) => `${line.serviceName} ${text(line)}`).join('; ')}.`,
      whenEmpty: `There is no budget plan for ${dashboard.filter.financialYear}${dashboard.filter.serviceCode ? ' for this service' : ''}.`,
    },
    'pence',
    'Forecast spend (pence)',
    dashboard.budgets.map((line) => ({
      label: line.serviceName,
      value: line.forecastPence,
      text: `${line.percentOfPlan}% of plan`,
      target: line.planPence,
    })),
    {
      caption: `Spend against budget by service, ${dashboard.filter.financialYear}`,
      head: [
        { text: 'Service' },
        { text: 'Plan', numeric: true },
        { text: 'Actual to date', numeric: true },
        { text: 'Forecast', numeric: true },
        { text: 'Forecast of plan', numeric: true },
      ],
      rows: dashboard.budgets.map((line) => [
        { text: line.serviceName, href: `/payments/budgets/${line.planId}` },
        { text: formatPence(line.planPence), numeric: true },
        { text: formatPence(line.actualToDatePence), numeric: true },
        { text: formatPence(line.forecastPence), numeric: true },
        { text: `${line.percentOfPlan}%`, numeric: true },
      ]),
    },
  );
}

/** Every figure of the commissioner's dashboard, in reading order. */
export function commissionerFigures(dashboard: CommissionerDashboard): Figure[] {
  return [
    referralsByMonthFigure(dashboard.referrals, dashboard.filter.months, 'provider'),
    marketShare(dashboard),
    waits(dashboard),
    kpiStatus(dashboard),
    ...(dashboard.openBreaches ? [openBreaches({ ...dashboard, openBreaches: dashboard.openBreaches })] : []),
    spend(dashboard),
  ];
}
