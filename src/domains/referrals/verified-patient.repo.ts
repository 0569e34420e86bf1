/** Reads of referrals for a patient NHS login verified: matched on NHS number and date of birth together, each read audited in the caller's transaction. */
import type { Executor } from '../../db/executor.ts';
import { recordAudit } from '../identity/audit.repo.ts';
import type { ActionContext } from '../identity/principal.ts';
import type { ReferralStatus } from './referral-status.rules.ts';
import type { VerifiedPatient } from './nhs-login.rules.ts';

/** One of the patient's referrals as their list shows it. */
export interface VerifiedPatientReferral {
  id: string;
  ubrn: string;
  status: ReferralStatus;
  referredOn: string;
  serviceName: string;
  providerName: string | null;
}

/** The patient's referrals, newest first, each audited as seen by the patient. */
export async function referralsSeenByVerifiedPatient(
  trx: Executor,
  context: ActionContext,
  patient: VerifiedPatient,
): Promise<VerifiedPatientReferral[]> {
  const rows = await trx
    .selectFrom('referrals as r')
    .innerJoin('patients as p', 'p.id', 'r.patient_id')
    .innerJoin('offers as o', 'o.id', 'r.offer_id')
    .innerJoin('services as s', 's.id', 'o.service_id')
    .leftJoin('organisations as po', 'po.id', 'r.provider_organisation_id')
    .select(['r.id', 'r.ubrn', 'r.status', 'r.referred_on', 's.name', 's.public_name', 'po.name as provider_name'])
    .where('p.nhs_number', '=', patient.nhsNumber)
    .where('p.date_of_birth', '=', patient.dateOfBirth)
    .orderBy('r.referred_on', 'desc')
    .orderBy('r.ubrn', 'desc')
    .execute();
  for (const row of rows)
    await recordAudit(trx, context, {
      action: 'referral.view',
      entityType: 'referral',
      entityId: row.id,
      details: { ubrn: row.ubrn, page: 'patient-referrals', side: 'patient', method: 'nhs-login', subject: patient.subject },
    });
  return rows.map((row) => ({
    id: row.id,
    ubrn: row.ubrn,
    status: row.status as ReferralStatus,
    referredOn: row.referred_on,
    serviceName: row.public_name ?? row.name,
    providerName: row.provider_name,
  }));
}

/** True when the referral is the verified patient's (same NHS number and date of birth). */
export async function isVerifiedPatientsReferral(db: Executor, patient: VerifiedPatient, ubrn: string): Promise<boolean> {
  const row = await db
    .selectFrom('referrals as r')
    .innerJoin('patients as p', 'p.id', 'r.patient_id')
    .select('r.id')
    .where('r.ubrn', '=', ubrn)
    .where('p.nhs_number', '=', patient.nhsNumber)
    .where('p.date_of_birth', '=', patient.dateOfBirth)
    .executeTakeFirst();
  return row !== undefined;
}
