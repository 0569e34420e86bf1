/** Queries behind published quality: the latest stored KPI results and the Friends and Family Test answers of many providers at once, one query each. */
import type { Executor } from '../../db/executor.ts';
import { type FftAnswer, isFftAnswer } from './feedback.rules.ts';
import type { KpiPeriod } from './kpi.rules.ts';
import type { StoredKpiResult } from './published-quality.rules.ts';

/** The latest stored result of each KPI of each provider on each of the offers, among results whose period ended in or after a month (YYYY-MM). */
export async function latestKpiResults(
  db: Executor,
  offerIds: readonly string[],
  providerIds: readonly string[],
  endedFrom: string,
): Promise<StoredKpiResult[]> {
  if (offerIds.length === 0 || providerIds.length === 0) return [];
  const rows = await db
    .selectFrom('kpi_results')
    .select([
      'offer_id',
      'provider_organisation_id',
      'kpi_code',
      'kpi_name',
      'measure',
      'period',
      'end_month',
      'period_from',
      'threshold_percent',
      'direction',
      'minimum_count',
      'numerator',
      'denominator',
      'percent_tenths',
      'status',
    ])
    .distinctOn(['provider_organisation_id', 'offer_id', 'kpi_code'])
    .where('provider_organisation_id', 'in', [...providerIds])
    .where('offer_id', 'in', [...offerIds])
    .where('end_month', '>=', endedFrom)
    .orderBy('provider_organisation_id')
    .orderBy('offer_id')
    .orderBy('kpi_code')
    .orderBy('end_month', 'desc')
    .execute();
  return rows.map((row) => ({
    offerId: row.offer_id,
    providerId: row.provider_organisation_id,
    code: row.kpi_code,
    name: row.kpi_name,
    measure: (typeof row.measure === 'string' ? JSON.parse(row.measure) : row.measure) as StoredKpiResult['measure'],
    period: row.period as KpiPeriod,
    endMonth: row.end_month,
    periodFrom: row.period_from,
    thresholdPercent: row.threshold_percent,
    direction: row.direction as StoredKpiResult['direction'],
    minimumCount: row.minimum_count,
    numerator: row.numerator,
    denominator: row.denominator,
    percentTenths: row.percent_tenths,
    status: row.status,
  }));
}

/** Each provider's Friends and Family Test answers given on or after a date, counted by answer in the database. */
export async function feedbackAnswersSince(db: Executor, providerIds: readonly string[], since: string): Promise<Map<string, FftAnswer[]>> {
  const answers = new Map<string, FftAnswer[]>(providerIds.map((id) => [id, []]));
  if (providerIds.length === 0) return answers;
  const rows = await db
    .selectFrom('feedback_responses')
    .select(['provider_organisation_id', 'answer'])
    .select((eb) => eb.fn.countAll<string | number>().as('responses'))
    .where('provider_organisation_id', 'in', [...providerIds])
    .where('answered_on', '>=', since)
    .groupBy(['provider_organisation_id', 'answer'])
    .execute();
  for (const row of rows) {
    const mine = answers.get(row.provider_organisation_id);
    if (mine && isFftAnswer(row.answer)) for (let counted = 0; counted < Number(row.responses); counted += 1) mine.push(row.answer);
  }
  return answers;
}
