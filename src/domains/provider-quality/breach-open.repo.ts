/** Which breached KPI results of a run open a breach, and the insert that opens one (decision 0056). */
import { sql } from 'kysely';
import type { Executor } from '../../db/executor.ts';
import { OPEN_BREACH_STATUSES } from './breach-steps.rules.ts';

/**
 * The run's breached results that open a breach: the provider still delivers the offer (contracted or live), no breach is open
 * for its offer, provider and KPI, and none was ever opened for the same period (a re-run never reopens one). Results without
 * enough data are never breaches.
 */
export async function resultsToOpen(trx: Executor, runId: string) {
  return trx
    .selectFrom('kpi_results as r')
    .innerJoin('offers as o', 'o.id', 'r.offer_id')
    .select([
      'r.id',
      'r.offer_id',
      'r.provider_organisation_id',
      'o.lead_organisation_id',
      'r.kpi_code',
      'r.kpi_name',
      'r.end_month',
      'r.period_from',
      'r.period_to',
      'r.threshold_percent',
      'r.direction',
      'r.numerator',
      'r.denominator',
      'r.percent_tenths',
    ])
    .where('r.run_id', '=', runId)
    .where('r.status', '=', 'breached')
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('listings as l')
          .select(sql.lit(1).as('one'))
          .whereRef('l.offer_id', '=', 'r.offer_id')
          .whereRef('l.provider_organisation_id', '=', 'r.provider_organisation_id')
          .where('l.status', 'in', ['contracted', 'live']),
      ),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('breaches as b')
            .select(sql.lit(1).as('one'))
            .whereRef('b.offer_id', '=', 'r.offer_id')
            .whereRef('b.provider_organisation_id', '=', 'r.provider_organisation_id')
            .whereRef('b.kpi_code', '=', 'r.kpi_code')
            .where((eb) => eb.or([eb('b.end_month', '=', eb.ref('r.end_month')), eb('b.status', 'in', OPEN_BREACH_STATUSES)])),
        ),
      ),
    )
    .orderBy('r.id')
    .execute();
}

export type ResultToOpen = Awaited<ReturnType<typeof resultsToOpen>>[number];

/** Opens a breach for the result, its figure copied; undefined when a breach raced in first (the unique keys decide). */
export async function insertBreach(trx: Executor, result: ResultToOpen, openedOn: string, at: Date): Promise<string | undefined> {
  const row = await trx
    .insertInto('breaches')
    .values({
      kpi_result_id: result.id,
      offer_id: result.offer_id,
      provider_organisation_id: result.provider_organisation_id,
      commissioner_organisation_id: result.lead_organisation_id,
      kpi_code: result.kpi_code,
      kpi_name: result.kpi_name,
      end_month: result.end_month,
      period_from: result.period_from,
      period_to: result.period_to,
      threshold_percent: result.threshold_percent,
      direction: result.direction,
      numerator: result.numerator,
      denominator: result.denominator,
      percent_tenths: result.percent_tenths,
      opened_on: openedOn,
      updated_at: at,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}
