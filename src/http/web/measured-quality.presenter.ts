/** Measured quality in plain words for choice lists and the public directory: each KPI's figure with its count and period, and patients' feedback (decision 0057). */
import { FFT_MINIMUM_RESPONSES } from '../../domains/provider-quality/feedback.rules.ts';
import type { MeasuredQuality, PublishedFeedback, PublishedKpi } from '../../domains/provider-quality/published-quality.rules.ts';

/** Said where a KPI has too few counted to give a figure, or a provider has no result yet. */
export const NOT_ENOUGH_DATA = 'New provider — not enough data yet';

/** How measured quality is worked out, said once on every page that shows it. */
export const ABOUT_THE_MEASURES = `Quality figures are worked out from what providers record on AQP about their NHS patients, over the latest period measured (the last 12 months where the service measures one), and are shown only once enough patients have been counted. Patients’ feedback is the NHS Friends and Family Test over the last 12 months, shown once ${FFT_MINIMUM_RESPONSES} people have answered.`;

const COUNTED: Record<string, [string, string]> = {
  'did-not-attend-rate': ['appointment', 'appointments'],
  'reported-within-working-days': ['test', 'tests'],
};
const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const MONTH_ONLY = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' });

const monthOf = (yearMonth: string) => new Date(`${yearMonth.slice(0, 7)}-01T12:00:00Z`);

/** "in March 2026", "in January to March 2026", or "in the 12 months to March 2026". */
export function periodInWords(kpi: Pick<PublishedKpi, 'period' | 'periodFrom' | 'endMonth'>): string {
  const end = MONTH.format(monthOf(kpi.endMonth));
  if (kpi.period === 'rolling-12-months') return `in the 12 months to ${end}`;
  if (kpi.period === 'month' || kpi.periodFrom.slice(0, 7) === kpi.endMonth) return `in ${end}`;
  const sameYear = kpi.periodFrom.slice(0, 4) === kpi.endMonth.slice(0, 4);
  return `in ${(sameYear ? MONTH_ONLY : MONTH).format(monthOf(kpi.periodFrom))} to ${end}`;
}

const percentOf = (tenths: number) => `${tenths / 10}%`;

/** "92% of 240 patients in the 12 months to March 2026. Meets the standard of 90% or more." — or not enough data yet. */
export function kpiInWords(kpi: PublishedKpi): string {
  if (!kpi.figure) return NOT_ENOUGH_DATA;
  const [one, many] = COUNTED[kpi.measureKind] ?? ['patient', 'patients'];
  const counted = `${kpi.figure.denominator.toLocaleString('en-GB')} ${kpi.figure.denominator === 1 ? one : many}`;
  const standard = `the standard of ${kpi.thresholdPercent}% or ${kpi.direction === 'at-least' ? 'more' : 'less'}`;
  return `${percentOf(kpi.figure.percentTenths)} of ${counted} ${periodInWords(kpi)}. ${kpi.figure.met ? 'Meets' : 'Does not meet'} ${standard}.`;
}

/** "92% of 48 people said their experience was good or very good", or that too few have answered to say. */
export function feedbackInWords(feedback: PublishedFeedback): string {
  return feedback.published
    ? `${feedback.positivePercent}% of ${feedback.responses.toLocaleString('en-GB')} people said their experience was good or very good (Friends and Family Test, last 12 months)`
    : `Not shown until ${FFT_MINIMUM_RESPONSES} people have answered the Friends and Family Test`;
}

/** Measured quality as NHS summary-list rows (one per KPI, then feedback); none for a list offered before it was published. */
export function measuredRows(quality: Partial<MeasuredQuality>): { key: { text: string }; value: { text: string } }[] {
  if (!quality.kpis || !quality.feedback) return [];
  const kpis = quality.kpis.length
    ? quality.kpis.map((kpi) => ({ key: { text: kpi.name }, value: { text: kpiInWords(kpi) } }))
    : [{ key: { text: 'Measured quality' }, value: { text: NOT_ENOUGH_DATA } }];
  return [...kpis, { key: { text: 'Patients’ feedback' }, value: { text: feedbackInWords(quality.feedback) } }];
}
