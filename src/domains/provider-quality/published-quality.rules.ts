/**
 * What is published of a provider's measured quality where patients choose (issue #15 item 7, decision 0057): the latest
 * stored result of each KPI (the rolling 12 months where the pack measures one over it), never a figure below its minimum
 * count, and the Friends and Family Test as `publicFeedback` allows.
 */
import { type FftAnswer, publicFeedback } from './feedback.rules.ts';
import type { KpiPeriod } from './kpi.rules.ts';

/** One stored KPI result as read for publication (a row of `kpi_results`, decision 0051). */
export interface StoredKpiResult {
  offerId: string;
  providerId: string;
  code: string;
  name: string;
  measure: { kind: string } & Record<string, unknown>;
  period: KpiPeriod;
  endMonth: string;
  periodFrom: string;
  thresholdPercent: number;
  direction: 'at-least' | 'at-most';
  minimumCount: number;
  numerator: number;
  denominator: number;
  percentTenths: number | null;
  status: string;
}

/** A KPI as patients see it: its name and period, and its figure, or null when there is not enough data to show one. */
export interface PublishedKpi {
  code: string;
  name: string;
  measureKind: string;
  period: KpiPeriod;
  /** The first day of the period and the month it ends with (YYYY-MM). */
  periodFrom: string;
  endMonth: string;
  thresholdPercent: number;
  direction: 'at-least' | 'at-most';
  figure: { numerator: number; denominator: number; percentTenths: number; met: boolean } | null;
}

/** The Friends and Family Test as published: the share positive with its count, or only that there are too few answers (never how few). */
export type PublishedFeedback = { published: true; responses: number; positivePercent: number } | { published: false };

/** Measured quality beside a provider's wait: its KPIs for the service and its patients' feedback. */
export interface MeasuredQuality {
  kpis: PublishedKpi[];
  feedback: PublishedFeedback;
}

/** Friends and Family Test answers are published over the last 12 months. */
export const FEEDBACK_WINDOW_DAYS = 365;
/** Results whose period ended more than 24 months ago are too old to show and are not read. */
export const KPI_RESULTS_MONTHS = 24;

function published(result: StoredKpiResult): PublishedKpi {
  const shown = result.status !== 'not-enough-data' && result.percentTenths !== null && result.denominator >= result.minimumCount;
  return {
    code: result.code,
    name: result.name,
    measureKind: result.measure.kind,
    period: result.period,
    periodFrom: result.periodFrom,
    endMonth: result.endMonth,
    thresholdPercent: result.thresholdPercent,
    direction: result.direction,
    figure: shown
      ? { numerator: result.numerator, denominator: result.denominator, percentTenths: result.percentTenths!, met: result.status === 'met' }
      : null,
  };
}

/** Later first; on the same month the result on the preferred offer (the listing's own) first. */
function newerFirst(preferredOfferId: string) {
  return (a: StoredKpiResult, b: StoredKpiResult) =>
    b.endMonth.localeCompare(a.endMonth) || Number(b.offerId === preferredOfferId) - Number(a.offerId === preferredOfferId);
}

/**
 * One provider's KPIs for a service from its stored results on the service's offers: the latest result of each KPI, and where
 * the pack measures the same thing over several periods only the rolling 12 months (the steadiest figure for choosing).
 */
export function publishedKpis(results: readonly StoredKpiResult[], preferredOfferId: string): PublishedKpi[] {
  const latest = new Map<string, StoredKpiResult>();
  for (const result of [...results].sort(newerFirst(preferredOfferId))) if (!latest.has(result.code)) latest.set(result.code, result);
  const sameMeasure = (result: StoredKpiResult) => `${JSON.stringify(result.measure)}|${result.direction}`;
  const rollingMeasures = new Set([...latest.values()].filter((result) => result.period === 'rolling-12-months').map(sameMeasure));
  return [...latest.values()]
    .filter((result) => result.period === 'rolling-12-months' || !rollingMeasures.has(sameMeasure(result)))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || a.code.localeCompare(b.code))
    .map(published);
}

/** A provider's feedback as published: the Friends and Family Test summary, nothing under five answers (feedback.rules.ts). */
export function publishedFeedback(answers: readonly FftAnswer[]): PublishedFeedback {
  const summary = publicFeedback(answers);
  return summary.published
    ? { published: true, responses: summary.responses, positivePercent: summary.positivePercent }
    : { published: false };
}
