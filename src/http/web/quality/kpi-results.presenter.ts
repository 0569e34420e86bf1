/** KPI results as pages and CSV show them: the value with its numerator and denominator, the threshold with its direction, the status as a tag and the period in words. */
import type { CountedReferral, KpiResultView } from '../../../domains/provider-quality/kpi-results.service.ts';
import { csvDocument } from '../../../lib/csv.ts';
import type { ListColumns } from '../list-table.ts';

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

/** The results list as its page and CSV both show it (decision 0067); a provider reads only its own, so without the provider column. */
export function resultColumns(shown: { isProvider: boolean; mayOpenReferrals: boolean }): ListColumns<KpiResultView> {
  return [
    ...(shown.isProvider ? [] : [{ heading: 'Provider', cell: (result: KpiResultView) => result.providerName }]),
    {
      heading: 'KPI',
      cell: (result) => ({ text: result.kpiName, ...(shown.mayOpenReferrals ? { href: `/quality/kpis/${result.id}` } : {}) }),
    },
    { heading: 'Offer', cell: (result) => result.offerReference },
    { heading: 'Service', cell: (result) => result.serviceName },
    { heading: 'Value', cell: valueText },
    { heading: 'Counted', cell: (result) => `${result.numerator} of ${result.denominator}` },
    { heading: 'Threshold', cell: thresholdText },
    {
      heading: 'Status',
      cell: (result) => {
        const tag = STATUS_TAGS[result.status] ?? { text: result.status, classes: 'nhsuk-tag--grey' };
        return { text: tag.text, tag: tag.classes };
      },
    },
    { heading: 'Period', cell: periodText },
  ];
}

/** The referrals counted behind one result as CSV. */
export function countedReferralsCsv(referrals: readonly CountedReferral[]): string {
  return csvDocument(
    ['Referral (UBRN)', 'Counted on', 'Met the KPI'],
    referrals.map((row) => [row.ubrn, row.countedOn, row.met ? 'Yes' : 'No']),
  );
}
