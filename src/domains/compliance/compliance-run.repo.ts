/** The record of daily compliance runs: one row a day, written under a lock so only one web node runs the day. */
import { sql } from 'kysely';
import type { Executor } from '../../db/executor.ts';

export interface ComplianceRunRow {
  runOn: string;
  startedAt: Date;
  finishedAt: Date;
  alertsRaised: number;
  listingsSuspended: number;
  listingsLive: number;
  triggeredBy: string;
}

/** Holds the run's lock until the transaction ends, so two nodes starting together run the day once. */
export async function lockComplianceRuns(trx: Executor): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext('aqp.compliance-run'))`.execute(trx);
}

/** True when the checks have already run for that day. */
export async function hasComplianceRunOn(db: Executor, day: string): Promise<boolean> {
  return Boolean(await db.selectFrom('compliance_runs').select('id').where('run_on', '=', day).executeTakeFirst());
}

/** Records a finished run with its counts. */
export async function insertComplianceRun(db: Executor, run: ComplianceRunRow): Promise<void> {
  await db
    .insertInto('compliance_runs')
    .values({
      run_on: run.runOn,
      started_at: run.startedAt,
      finished_at: run.finishedAt,
      alerts_raised: run.alertsRaised,
      listings_suspended: run.listingsSuspended,
      listings_live: run.listingsLive,
      triggered_by: run.triggeredBy,
    })
    .execute();
}
