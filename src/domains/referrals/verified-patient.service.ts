/** Patients who sign in with NHS login see their referrals without the access code: P9 only, matched on NHS number and date of birth, every step audited (decision 0065). */
import { DomainError } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import { recordAudit } from '../identity/audit.repo.ts';
import type { ActionContext } from '../identity/principal.ts';
import { type NhsLoginRefusal, type VerifiedPatient, verifiedPatientFrom } from './nhs-login.rules.ts';
import { normaliseUbrn } from './referral-reference.rules.ts';
import { isVerifiedPatientsReferral, referralsSeenByVerifiedPatient, type VerifiedPatientReferral } from './verified-patient.repo.ts';

export type { NhsLoginRefusal, VerifiedPatient, VerifiedPatientReferral };

/** The patient NHS login verified to P9, or why not; audited either way. */
export async function verifyPatientWithNhsLogin(
  deps: Deps,
  context: ActionContext,
  claims: Record<string, unknown>,
): Promise<{ ok: true; patient: VerifiedPatient } | { ok: false; reason: NhsLoginRefusal }> {
  const outcome = verifiedPatientFrom(claims);
  await recordAudit(deps.db, context, {
    action: 'referral.patient-access',
    outcome: outcome.ok ? 'success' : 'denied',
    entityType: 'patient',
    details: {
      method: 'nhs-login',
      subject: typeof claims.sub === 'string' ? claims.sub : null,
      ...(outcome.ok ? {} : { reason: outcome.reason, proofingLevel: String(claims.identity_proofing_level ?? '') }),
    },
  });
  return outcome;
}

/** The verified patient's referrals, each read audited. */
export async function referralsOfVerifiedPatient(
  deps: Deps,
  context: ActionContext,
  patient: VerifiedPatient,
): Promise<VerifiedPatientReferral[]> {
  return deps.db.transaction().execute((trx) => referralsSeenByVerifiedPatient(trx, context, patient));
}

/** The reference of one of the verified patient's referrals, to open on the status pages; any other reference does not exist for them. */
export async function openReferralOfVerifiedPatient(deps: Deps, patient: VerifiedPatient, reference: string): Promise<string> {
  const ubrn = normaliseUbrn(reference);
  if (!ubrn || !(await isVerifiedPatientsReferral(deps.db, patient, ubrn)))
    throw new DomainError('not-found', 'There is no referral with that reference');
  return ubrn;
}
