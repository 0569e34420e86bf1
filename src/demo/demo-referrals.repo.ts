/** Finding the demo's own referrals by their invented patients, so later demo seeds can refer to them; and whether its KPI history has been run. */
import type { Executor } from '../db/executor.ts';
import { londonDateOf } from '../lib/clock.ts';

export interface DemoReferralDates {
  ubrn: string;
  acceptedAt: Date | null;
  dischargedAt: Date | null;
}

/** The latest referral of each of these patients (by NHS number) with when it was accepted and discharged. */
export async function demoReferralsOf(db: Executor, nhsNumbers: readonly string[]): Promise<Map<string, DemoReferralDates>> {
  if (nhsNumbers.length === 0) return new Map();
  const rows = await db
    .selectFrom('referrals as r')
    .innerJoin('patients as p', 'p.id', 'r.patient_id')
    .select(['p.nhs_number as nhsNumber', 'r.ubrn', 'r.accepted_at as acceptedAt', 'r.discharged_at as dischargedAt'])
    .where('p.nhs_number', 'in', nhsNumbers)
    .orderBy('r.created_at')
    .execute();
  return new Map(rows.map((row) => [row.nhsNumber!, { ubrn: row.ubrn, acceptedAt: row.acceptedAt, dischargedAt: row.dischargedAt }]));
}

/** Every discharged referral with its provider's ODS code and the day (in England) it was discharged, oldest discharge first. */
export async function demoDischargedReferrals(db: Executor): Promise<{ ubrn: string; providerOds: string; dischargedOn: string }[]> {
  const rows = await db
    .selectFrom('referrals as r')
    .innerJoin('organisations as o', 'o.id', 'r.provider_organisation_id')
    .select(['r.ubrn', 'o.ods_code', 'r.discharged_at'])
    .where('r.status', '=', 'discharged')
    .orderBy('r.discharged_at')
    .orderBy('r.ubrn')
    .execute();
  return rows.map((row) => ({ ubrn: row.ubrn, providerOds: row.ods_code ?? '', dischargedOn: londonDateOf(row.discharged_at!) }));
}

/** True once the demo's KPI history has been run (its runs carry the trigger `demo`). */
export async function demoKpiRunExists(db: Executor): Promise<boolean> {
  return Boolean(await db.selectFrom('kpi_runs').select('id').where('trigger', '=', 'demo').executeTakeFirst());
}
