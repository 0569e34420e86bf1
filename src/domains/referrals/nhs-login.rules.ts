/** Who an NHS login sign-in proves a patient to be: only identity proved to P9 (high) lets them see referrals, matched on NHS number and date of birth (brief §E2, decision 0065). */
import { isIsoDate } from '../../lib/iso-date.ts';
import { isValidNhsNumber } from '../../lib/nhs-number.ts';

/** A patient NHS login has verified. */
export interface VerifiedPatient {
  subject: string;
  nhsNumber: string;
  dateOfBirth: string;
}

/** Why NHS login's answer does not let the patient see referrals: identity proved below P9, or claims missing or malformed. */
export type NhsLoginRefusal = 'below-p9' | 'incomplete';

/** The identity proofing level NHS login must have reached: P9, checked against a photo ID or in person. */
export const REQUIRED_PROOFING_LEVEL = 'P9';

/** The verified patient in NHS login's claims, or why there is none; the NHS number and date of birth are only trusted at P9. */
export function verifiedPatientFrom(
  claims: Record<string, unknown>,
): { ok: true; patient: VerifiedPatient } | { ok: false; reason: NhsLoginRefusal } {
  const { sub, identity_proofing_level: level, nhs_number: nhsNumber, birthdate } = claims;
  if (level !== REQUIRED_PROOFING_LEVEL) return { ok: false, reason: 'below-p9' };
  if (typeof sub !== 'string' || !sub || typeof nhsNumber !== 'string' || typeof birthdate !== 'string')
    return { ok: false, reason: 'incomplete' };
  if (!isValidNhsNumber(nhsNumber) || !isIsoDate(birthdate)) return { ok: false, reason: 'incomplete' };
  return { ok: true, patient: { subject: sub, nhsNumber: nhsNumber.replace(/\s/g, ''), dateOfBirth: birthdate } };
}
