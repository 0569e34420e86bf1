/** The national dashboard as figures: uptake over time, qualified providers per service, the sectors' shares and the KPI spread across providers. */
import type { NationalDashboard } from '../../../domains/dashboards/national-dashboard.service.ts';
import { PROVIDER_TYPE_LABELS, type ProviderType } from '../../../domains/providers/provider-profile.rules.ts';
import { median } from '../../../domains/provider-quality/waits.rules.ts';
import { monthAxisLabels } from '../charts/chart-frame.ts';
import { countText, shareText } from '../charts/chart-table.ts';
import { barFigure, type Figure, lineFigure, stackedFigure } from '../charts/figure.ts';
import { monthName, periodWords } from './dashboard-figures.ts';

const SECTORS = ['nhs-trust', 'independent', 'voluntary', null] as const;
const sectorName = (type: string | null) => (type ? (PROVIDER_TYPE_LABELS[type as ProviderType] ?? type) : 'Not recorded');

function uptake(dashboard: NationalDashboard): Figure {
  const { months } = dashboard.filter;
  const values = months.map((month) =>
    dashboard.referrals.filter((row) => row.month === month).reduce((sum, row) => sum + row.referrals, 0),
  );
  return lineFigure(
    {
      id: 'uptake',
      heading: 'Uptake: referrals by month',
      intro: 'Referrals sent to a qualified provider in England each month (the current month so far), across every commissioner.',
      title: `Referrals by month in England, ${periodWords(months)}`,
      description: `One line of referrals a month: ${months.map((month, at) => `${monthName(month)} ${countText(values[at]!)}`).join(', ')}.`,
      whenEmpty: 'No referrals were sent in this period.',
    },
    { unit: 'count', categories: [...months], axisLabels: monthAxisLabels(months), series: [{ name: 'Referrals', values }] },
    {
      caption: `Referrals by month, ${periodWords(months)}`,
      head: [{ text: 'Month' }, { text: 'Referrals', numeric: true }],
      rows: values.some((value) => value > 0)
        ? months.map((month, at) => [{ text: monthName(month) }, { text: countText(values[at]!), numeric: true }])
        : [],
    },
  );
}

function qualified(dashboard: NationalDashboard): Figure {
  const byService = new Map<string, { code: string; count: number }>();
  for (const row of dashboard.qualified) {
    const held = byService.get(row.serviceName) ?? { code: row.serviceCode, count: 0 };
    byService.set(row.serviceName, { ...held, count: held.count + 1 });
  }
  const rows = [...byService.entries()];
  return barFigure(
    {
      id: 'qualified-providers',
      heading: 'Qualified providers per service',
      intro:
        'Providers qualified, under contract or live on an offer of each service today, each counted once however many commissioners it holds.',
      title: 'Qualified providers per service today',
      description: `One bar per service: ${rows.map(([name, row]) => `${name} ${row.count}`).join('; ')}.`,
      whenEmpty: 'No provider is qualified for any service yet.',
    },
    'count',
    'Qualified providers',
    rows.map(([name, row]) => ({ label: name, value: row.count, text: countText(row.count) })),
    {
      caption: 'Qualified providers per service today',
      head: [{ text: 'Service' }, { text: 'Qualified providers', numeric: true }],
      rows: rows.map(([name, row]) => [
        { text: name, href: `/catalogue/${row.code}` },
        { text: countText(row.count), numeric: true },
      ]),
    },
  );
}

function sectors(dashboard: NationalDashboard): Figure {
  const providers = new Map(dashboard.qualified.map((row) => [row.providerId, row.providerType]));
  const providerCount = (type: string | null) => [...providers.values()].filter((held) => held === type).length;
  const referralCount = (type: string | null) =>
    dashboard.referrals
      .filter((row) => (dashboard.sectors.get(row.providerId) ?? null) === type)
      .reduce((sum, row) => sum + row.referrals, 0);
  const totals = { providers: providers.size, referrals: dashboard.referrals.reduce((sum, row) => sum + row.referrals, 0) };
  const percent = (part: number, whole: number) => (whole ? Math.round((part * 1000) / whole) / 10 : 0);
  const shown = SECTORS.filter((type) => providerCount(type) || referralCount(type));
  return stackedFigure(
    {
      id: 'sector-share',
      heading: 'NHS, independent and voluntary sector shares',
      intro: `Each sector’s share of qualified providers today and of referrals in ${periodWords(dashboard.filter.months)}, by the provider type on each provider’s profile.`,
      title: 'Sector shares of qualified providers and of referrals',
      description: `Two columns of 100%: ${shown.map((type) => `${sectorName(type)} ${shareText(providerCount(type), totals.providers)} of providers and ${shareText(referralCount(type), totals.referrals)} of referrals`).join('; ')}.`,
      whenEmpty: 'No provider is qualified and no referral was sent in this period.',
    },
    {
      unit: 'percent',
      categories: ['Qualified providers', 'Referrals'],
      axisLabels: [['Qualified', 'providers'], ['Referrals']],
      series: shown.map((type) => ({
        name: sectorName(type),
        values: [percent(providerCount(type), totals.providers), percent(referralCount(type), totals.referrals)],
      })),
    },
    {
      caption: 'Sector shares of qualified providers and of referrals',
      head: [
        { text: 'Sector' },
        { text: 'Qualified providers', numeric: true },
        { text: 'Share of providers', numeric: true },
        { text: 'Referrals', numeric: true },
        { text: 'Share of referrals', numeric: true },
      ],
      rows: shown.map((type) => [
        { text: sectorName(type) },
        { text: countText(providerCount(type)), numeric: true },
        { text: shareText(providerCount(type), totals.providers), numeric: true },
        { text: countText(referralCount(type)), numeric: true },
        { text: shareText(referralCount(type), totals.referrals), numeric: true },
      ]),
    },
  );
}

function kpiSpread(dashboard: NationalDashboard): Figure {
  const groups = new Map<string, number[]>();
  for (const result of dashboard.kpis)
    if (result.status !== 'not-enough-data' && result.percentTenths !== null) {
      const key = `${result.kpiName} (${result.serviceName})`;
      groups.set(key, [...(groups.get(key) ?? []), result.percentTenths / 10]);
    }
  const rows = [...groups.entries()].map(([name, values]) => ({
    name,
    low: Math.min(...values),
    high: Math.max(...values),
    middle: median(values),
    count: values.length,
  }));
  const words = (row: (typeof rows)[number]) => `median ${row.middle}%, ${row.low}% to ${row.high}% over ${row.count} providers`;
  return barFigure(
    {
      id: 'kpi-spread',
      heading: 'KPI spread across providers',
      intro:
        'For each KPI, the median of providers’ latest results in the period, with the lowest and highest. Results with too few patients are left out.',
      title: 'KPI spread across providers: median, lowest and highest',
      description: `One bar per KPI at the median, with a line from lowest to highest: ${rows.map((row) => `${row.name}: ${words(row)}`).join('; ')}.`,
      whenEmpty: 'No provider has a KPI result with enough patients in this period.',
    },
    'percent',
    'Median across providers (%)',
    rows.map((row) => ({ label: row.name, value: row.middle, text: `${row.middle}%`, range: { low: row.low, high: row.high } })),
    {
      caption: 'KPI spread across providers',
      head: [
        { text: 'KPI' },
        { text: 'Providers', numeric: true },
        { text: 'Lowest', numeric: true },
        { text: 'Median', numeric: true },
        { text: 'Highest', numeric: true },
      ],
      rows: rows.map((row) => [
        { text: row.name },
        { text: countText(row.count), numeric: true },
        { text: `${row.low}%`, numeric: true },
        { text: `${row.middle}%`, numeric: true },
        { text: `${row.high}%`, numeric: true },
      ]),
    },
  );
}

/** Every figure of the national dashboard, in reading order. */
export function nationalFigures(dashboard: NationalDashboard): Figure[] {
  return [uptake(dashboard), qualified(dashboard), sectors(dashboard), kpiSpread(dashboard)];
}
