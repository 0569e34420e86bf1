/** Stores KPI runs and results (issue #15 item 2, decisions 0051–0052): one row per offer × provider × KPI × end month, replaced in place by a re-run with the referrals counted behind it, written in batches under one lock. */
import { sql } from 'kysely';
import type { Executor } from '../../db/executor.ts';
import { startOfLondonDay } from '../../lib/clock.ts';
import type { KpiCount, KpiDefinition } from './kpi.rules.ts';

/** Rows per INSERT: well under PostgreSQL's 65,535 parameters for the widest row. */
const BATCH = 500;

export interface StoredKpiResult {
  offerId: string;
  providerId: string;
  commissionerId: string;
  serviceId: string;
  definition: KpiDefinition;
  endMonth: string;
  periodFrom: string;
  periodTo: string;
  numerator: number;
  denominator: number;
  percentTenths: number | null;
  status: string;
  counted: KpiCount[];
}

/** Holds the KPI engine's lock until the transaction ends, so one run at a time writes results (nightly on one node). */
export async function lockKpiRuns(trx: Executor): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext('aqp.kpi-run'))`.execute(trx);
}

/** True when the schedule has already run this end month today (in England). */
export async function hasScheduledRunOn(trx: Executor, endMonth: string, day: string): Promise<boolean> {
  const row = await trx
    .selectFrom('kpi_runs')
    .select('id')
    .where('end_month', '=', endMonth)
    .where('trigger', '=', 'schedule')
    .where('started_at', '>=', startOfLondonDay(day))
    .executeTakeFirst();
  return Boolean(row);
}

/** Records a run; its count and end time are set when it finishes. */
export async function insertKpiRun(
  trx: Executor,
  run: { id: string; endMonth: string; trigger: string; startedAt: Date; userId: string | null; apiKeyId: string | null },
): Promise<void> {
  await trx
    .insertInto('kpi_runs')
    .values({
      id: run.id,
      end_month: run.endMonth,
      trigger: run.trigger,
      started_at: run.startedAt,
      requested_by_user_id: run.userId,
      requested_by_api_key_id: run.apiKeyId,
    })
    .execute();
}

/** Marks the run finished with how many results it stored, in the run's transaction. */
export async function finishKpiRun(trx: Executor, runId: string, results: number, finishedAt: Date): Promise<void> {
  await trx.updateTable('kpi_runs').set({ results, finished_at: finishedAt }).where('id', '=', runId).execute();
}

function resultRow(runId: string, computedAt: Date, result: StoredKpiResult) {
  const { definition } = result;
  return {
    run_id: runId,
    offer_id: result.offerId,
    provider_organisation_id: result.providerId,
    commissioner_organisation_id: result.commissionerId,
    service_id: result.serviceId,
    kpi_code: definition.code,
    kpi_name: definition.name,
    measure: JSON.stringify(definition.measure),
    period: definition.period,
    end_month: result.endMonth,
    period_from: result.periodFrom,
    period_to: result.periodTo,
    threshold_percent: definition.thresholdPercent,
    direction: definition.direction,
    minimum_count: definition.minimumCount,
    numerator: result.numerator,
    denominator: result.denominator,
    percent_tenths: result.percentTenths,
    status: result.status,
    computed_at: computedAt,
  };
}

const REPLACED = [
  'run_id',
  'commissioner_organisation_id',
  'service_id',
  'kpi_name',
  'measure',
  'period',
  'period_from',
  'period_to',
  'threshold_percent',
  'direction',
  'minimum_count',
  'numerator',
  'denominator',
  'percent_tenths',
  'status',
  'computed_at',
] as const;

/** Upserts one batch of results and replaces the referrals counted behind each; returns how many were stored. */
async function storeBatch(trx: Executor, runId: string, computedAt: Date, batch: readonly StoredKpiResult[]): Promise<number> {
  const stored = await trx
    .insertInto('kpi_results')
    .values(batch.map((result) => resultRow(runId, computedAt, result)))
    .onConflict((oc) =>
      oc
        .columns(['offer_id', 'provider_organisation_id', 'kpi_code', 'end_month'])
        .doUpdateSet((eb) => Object.fromEntries(REPLACED.map((column) => [column, eb.ref(`excluded.${column}`)]))),
    )
    .returning(['id', 'provider_organisation_id', 'kpi_code', 'offer_id'])
    .execute();
  const idOf = new Map(stored.map((row) => [`${row.offer_id}|${row.provider_organisation_id}|${row.kpi_code}`, row.id]));
  await trx
    .deleteFrom('kpi_result_counts')
    .where('result_id', 'in', [...idOf.values()])
    .execute();
  const counts = batch.flatMap((result) => {
    const resultId = idOf.get(`${result.offerId}|${result.providerId}|${result.definition.code}`)!;
    return result.counted.map((count, index) => ({
      result_id: resultId,
      position: index + 1,
      referral_id: count.referralId,
      counted_on: count.countedOn,
      met: count.met,
    }));
  });
  for (let start = 0; start < counts.length; start += BATCH * 4)
    await trx
      .insertInto('kpi_result_counts')
      .values(counts.slice(start, start + BATCH * 4))
      .execute();
  return stored.length;
}

/** Stores results for one end month, replacing earlier values in place, in batches; returns how many were stored. */
export async function storeKpiResults(
  trx: Executor,
  runId: string,
  computedAt: Date,
  results: readonly StoredKpiResult[],
): Promise<number> {
  let stored = 0;
  for (let start = 0; start < results.length; start += BATCH)
    stored += await storeBatch(trx, runId, computedAt, results.slice(start, start + BATCH));
  return stored;
}
