/** Budget alert thresholds (configuration per commissioner) and the alerts raised, once per plan and threshold (decision 0048). */
import type { Executor } from '../../db/executor.ts';
import { DEFAULT_THRESHOLDS } from './budget-alert.rules.ts';

/** The commissioner's thresholds in percent of plan, smallest first; the defaults (90%, 100%) when it has set none. */
export async function thresholdsOf(db: Executor, commissionerId: string): Promise<number[]> {
  const rows = await db
    .selectFrom('budget_alert_thresholds')
    .select('percent')
    .where('commissioner_organisation_id', '=', commissionerId)
    .orderBy('percent')
    .execute();
  return rows.length ? rows.map((row) => row.percent) : [...DEFAULT_THRESHOLDS];
}

/** Replaces the commissioner's thresholds (configuration, so replaced rather than versioned). */
export async function replaceThresholds(trx: Executor, commissionerId: string, percents: readonly number[]): Promise<void> {
  await trx.deleteFrom('budget_alert_thresholds').where('commissioner_organisation_id', '=', commissionerId).execute();
  if (percents.length)
    await trx
      .insertInto('budget_alert_thresholds')
      .values(percents.map((percent) => ({ commissioner_organisation_id: commissionerId, percent })))
      .execute();
}

/** The thresholds already alerted on for a plan. */
export async function alertedThresholds(db: Executor, planId: string): Promise<number[]> {
  const rows = await db.selectFrom('budget_alerts').select('threshold_percent').where('plan_id', '=', planId).execute();
  return rows.map((row) => row.threshold_percent);
}

export interface AlertToRecord {
  planId: string;
  thresholdPercent: number;
  planVersion: number;
  planPence: number;
  forecastPence: number;
  raisedOn: string;
  raisedAt: Date;
}

/** Records an alert unless one exists for the plan and threshold (the unique key settles two runs at once); true when this call recorded it. */
export async function recordAlertOnce(trx: Executor, alert: AlertToRecord): Promise<boolean> {
  const inserted = await trx
    .insertInto('budget_alerts')
    .values({
      plan_id: alert.planId,
      threshold_percent: alert.thresholdPercent,
      plan_version: alert.planVersion,
      plan_pence: alert.planPence,
      forecast_pence: alert.forecastPence,
      raised_on: alert.raisedOn,
      raised_at: alert.raisedAt,
    })
    .onConflict((oc) => oc.columns(['plan_id', 'threshold_percent']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** The alerts raised for a plan, oldest first, for its page. */
export async function alertsOf(db: Executor, planId: string) {
  return db
    .selectFrom('budget_alerts')
    .select([
      'threshold_percent as thresholdPercent',
      'forecast_pence as forecastPence',
      'plan_pence as planPence',
      'raised_on as raisedOn',
    ])
    .where('plan_id', '=', planId)
    .orderBy('threshold_percent')
    .execute();
}
