/** Finding the demo's own referrals by their invented patients, so later demo seeds can refer to them. */
import type { Executor } from '../db/executor.ts';

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
