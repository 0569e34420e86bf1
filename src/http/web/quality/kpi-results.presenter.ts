/** KPI results as pages and CSV show them: the value with its numerator and denominator, the threshold with its direction, the status as a tag and the period in words. */
import { stringify } from 'csv-stringify/sync';
import type { CountedReferral, KpiResultView } from '../../../domains/provider-quality/kpi-results.service.ts';

const STATUS_TAGS: Record<string, { text: string; classes: string }> = {
  met: { text: 'Met', classes: 'nhsuk-tag--green' },
  breached: { text: 'Below threshold', classes: 'nhsuk-tag--red' },
  'not-enough-data': { text: 'Not enough data yet', classes: 'nhsuk-tag--grey' },
};

const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const dayText = (isoDate: string) => DAY.format(new Date(`${isoDate}T00:00:00Z`));

/** "80.0%", or "No patients counted" when the denominator is zero. */
export function valueText(result: Pick<KpiResultView, 'percent'>): string {
  return result.percent === null ? 'No patients counted' : `${result.percent.toFixed(1)}%`;
}

/** "at least 90%" or "at most 10%". */
export function thresholdText(result: Pick<KpiResultView, 'direction' | 'thresholdPercent'>): string {
  return `${result.direction === 'at-most' ? 'at most' : 'at least'} ${result.thresholdPercent}%`;
}

/** "1 Oct 2026 to 31 Dec 2026". */
export function periodText(result: Pick<KpiResultView, 'periodFrom' | 'periodTo'>): string {
  return `${dayText(result.periodFrom)} to ${dayText(result.periodTo)}`;
}

/** One result as a row of the list page. */
export function resultModel(result: KpiResultView) {
  return {
    ...result,
    value: valueText(result),
    counts: `${result.numerator} of ${result.denominator}`,
    threshold: thresholdText(result),
    period: periodText(result),
    tag: STATUS_TAGS[result.status] ?? { text: result.status, classes: 'nhsuk-tag--grey' },
  };
}

const csv = (rows: (string | number)[][]) => `\uFEFF${stringify(rows, { record_delimiter: '\r\n' })}`;

/** The list page's rows as CSV, with a byte order mark so spreadsheets read it as UTF-8. */
export function resultsCsv(results: readonly KpiResultView[]): string {
  const header = [
    'Provider',
    'Offer',
    'Service',
    'KPI',
    'Period from',
    'Period to',
    'Numerator',
    'Denominator',
    'Value (%)',
    'Threshold',
    'Status',
  ];
  const rows = results.map((result) => [
    result.providerName,
    result.offerReference,
    result.serviceName,
    result.kpiName,
    result.periodFrom,
    result.periodTo,
    result.numerator,
    result.denominator,
    result.percent === null ? '' : result.percent.toFixed(1),
    thresholdText(result),
    STATUS_TAGS[result.status]?.text ?? result.status,
  ]);
  return csv([header, ...rows]);
}

/** The referrals counted behind one result as CSV. */
export function countedReferralsCsv(referrals: readonly CountedReferral[]): string {
  return csv([
    ['Referral (UBRN)', 'Counted on', 'Met the KPI'],
    ...referrals.map((row) => [row.ubrn, row.countedOn, row.met ? 'Yes' : 'No']),
  ]);
}
