/** Patients reach their referral without signing in: reference, access code and date of birth, throttled per reference, never saying whether a reference exists. */
import { DomainError, type FieldError, validationFailed } from '../../lib/errors.ts';
import { isIsoDate } from '../../lib/iso-date.ts';
import type { Deps } from '../deps.ts';
import { recordAudit } from '../identity/audit.repo.ts';
import { verifyPassword } from '../identity/password.ts';
import type { ActionContext } from '../identity/principal.ts';
import { normaliseAccessCode, normaliseUbrn } from './referral-reference.rules.ts';
import { findReferralByUbrn } from './referral.repo.ts';

/** After this many failed attempts for one reference within the window, further attempts for it are refused. */
export const MAX_FAILED_ATTEMPTS = 5;
export const FAILED_ATTEMPT_WINDOW_MINUTES = 15;

const NO_MATCH = 'The reference, access code and date of birth do not match a referral. Check them against your referral letter and try again.';

export interface PatientCredentials {
  reference: string;
  accessCode: string;
  dateOfBirth: string | null;
}

function credentialErrors(credentials: PatientCredentials): FieldError[] {
  const errors: FieldError[] = [];
  if (!normaliseUbrn(credentials.reference)) errors.push({ field: 'reference', message: 'Enter your 12-digit referral reference' });
  if (!normaliseAccessCode(credentials.accessCode)) errors.push({ field: 'accessCode', message: 'Enter the access code from your referral letter' });
  if (!credentials.dateOfBirth || !isIsoDate(credentials.dateOfBirth)) errors.push({ field: 'dateOfBirth', message: 'Enter your date of birth' });
  return errors;
}

async function recentFailures(deps: Deps, ubrn: string): Promise<number> {
  const since = new Date(deps.clock.now().getTime() - FAILED_ATTEMPT_WINDOW_MINUTES * 60_000);
  const row = await deps.db.selectFrom('patient_access_failures').select((eb) => eb.fn.countAll<string>().as('count')).where('ubrn', '=', ubrn).where('failed_at', '>', since).executeTakeFirstOrThrow();
  return Number(row.count);
}

/** The reference of the referral the patient proved they hold; the same answer for a wrong code, a wrong date of birth and a reference that does not exist. */
export async function verifyPatientAccess(deps: Deps, context: ActionContext, credentials: PatientCredentials): Promise<string> {
  const errors = credentialErrors(credentials);
  if (errors.length) throw validationFailed(errors);
  const ubrn = normaliseUbrn(credentials.reference)!;
  if ((await recentFailures(deps, ubrn)) >= MAX_FAILED_ATTEMPTS) {
    await recordAudit(deps.db, context, { action: 'referral.patient-access', outcome: 'denied', entityType: 'referral', details: { reason: 'throttled' } });
    throw new DomainError('too-many-requests', `There have been too many attempts for this reference. Wait ${FAILED_ATTEMPT_WINDOW_MINUTES} minutes, then try again.`);
  }
  const referral = await findReferralByUbrn(deps.db, ubrn);
  const codeMatches = await verifyPassword(referral?.accessCodeHash, normaliseAccessCode(credentials.accessCode));
  if (referral && codeMatches && referral.patient.dateOfBirth === credentials.dateOfBirth) {
    await recordAudit(deps.db, context, { action: 'referral.patient-access', entityType: 'referral', entityId: referral.id, details: { ubrn } });
    return ubrn;
  }
  await deps.db.insertInto('patient_access_failures').values({ ubrn, failed_at: deps.clock.now() }).execute();
  await recordAudit(deps.db, context, { action: 'referral.patient-access', outcome: 'denied', entityType: 'referral', details: { reason: 'no-match' } });
  throw validationFailed([{ field: 'reference', message: NO_MATCH }], NO_MATCH);
}
