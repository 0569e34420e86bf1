/** Patients reach their referral without signing in: reference, access code and date of birth, with guesses limited per reference and address (decision 0024), never saying whether a reference exists. */
import { DomainError, type FieldError, validationFailed } from '../../lib/errors.ts';
import { isIsoDate } from '../../lib/iso-date.ts';
import type { Deps } from '../deps.ts';
import { recordAudit } from '../identity/audit.repo.ts';
import type { ActionContext } from '../identity/principal.ts';
import {
  ADDRESS_WINDOW_MINUTES,
  GUESS_LIMIT_MESSAGES,
  type GuessLimit,
  guessLimitReached,
  guessingAddressOf,
  REFERENCE_WINDOW_HOURS,
} from './patient-access.rules.ts';
import { deleteGuessesBefore, forgetGuess, guessesSince, lockReferenceGuesses, recordGuess } from './patient-access.repo.ts';
import { ipv6SitePrefixOf } from '../../lib/client-address.ts';
import { normaliseAccessCode, normaliseUbrn } from './referral-reference.rules.ts';
import { findReferralByUbrn, setAccessCodeHash } from './referral.repo.ts';
import { verifyAccessCode } from './access-code-hash.ts';

const NO_MATCH =
  'The reference, access code and date of birth do not match a referral. Check them against your referral letter and try again.';

export interface PatientCredentials {
  reference: string;
  accessCode: string;
  dateOfBirth: string | null;
}

function credentialErrors(credentials: PatientCredentials): FieldError[] {
  const errors: FieldError[] = [];
  if (!normaliseUbrn(credentials.reference)) errors.push({ field: 'reference', message: 'Enter your 12-digit referral reference' });
  if (!normaliseAccessCode(credentials.accessCode))
    errors.push({ field: 'accessCode', message: 'Enter the access code from your referral letter' });
  if (!credentials.dateOfBirth || !isIsoDate(credentials.dateOfBirth))
    errors.push({ field: 'dateOfBirth', message: 'Enter your date of birth' });
  return errors;
}

const minutesBefore = (at: Date, minutes: number) => new Date(at.getTime() - minutes * 60_000);

/** Under the reference's lock: forgets its guesses older than a day, counts the recent ones and, when no limit is reached, records this one before it is checked, so simultaneous guesses cannot all pass the count. */
async function reserveGuess(deps: Deps, ubrn: string, clientAddress: string): Promise<{ guessId: number } | { refused: GuessLimit }> {
  return deps.db.transaction().execute(async (trx) => {
    await lockReferenceGuesses(trx, ubrn);
    const now = deps.clock.now();
    const dayAgo = minutesBefore(now, REFERENCE_WINDOW_HOURS * 60);
    await deleteGuessesBefore(trx, dayAgo, ubrn);
    const sitePrefix = ipv6SitePrefixOf(clientAddress);
    const windowStart = minutesBefore(now, ADDRESS_WINDOW_MINUTES);
    const refused = guessLimitReached({
      forReference: await guessesSince(trx, ubrn, dayAgo),
      fromAddress: await guessesSince(trx, ubrn, windowStart, { clientAddress }),
      fromNetwork: sitePrefix ? await guessesSince(trx, ubrn, windowStart, { sitePrefix }) : 0,
    });
    return refused ? { refused } : { guessId: await recordGuess(trx, { ubrn, clientAddress, at: now }) };
  });
}

/** The reference of the referral the patient proved they hold; the same answer for a wrong code, a wrong date of birth and a reference that does not exist. */
export async function verifyPatientAccess(deps: Deps, context: ActionContext, credentials: PatientCredentials): Promise<string> {
  const errors = credentialErrors(credentials);
  if (errors.length) throw validationFailed(errors);
  const ubrn = normaliseUbrn(credentials.reference)!;
  const reserved = await reserveGuess(deps, ubrn, guessingAddressOf(context.clientAddress));
  if ('refused' in reserved) {
    await recordAudit(deps.db, context, {
      action: 'referral.patient-access',
      outcome: 'denied',
      entityType: 'referral',
      details: { reason: 'throttled', limit: reserved.refused },
    });
    throw new DomainError('too-many-requests', GUESS_LIMIT_MESSAGES[reserved.refused]);
  }
  const referral = await findReferralByUbrn(deps.db, ubrn);
  const code = await verifyAccessCode(deps.accessCodeKeys, referral?.accessCodeHash, ubrn, normaliseAccessCode(credentials.accessCode));
  if (referral && code.matches && referral.patient.dateOfBirth === credentials.dateOfBirth) {
    await deps.db.transaction().execute(async (trx) => {
      await forgetGuess(trx, reserved.guessId);
      if (code.rehashed) await setAccessCodeHash(trx, referral.id, code.rehashed);
      await recordAudit(trx, context, {
        action: 'referral.patient-access',
        entityType: 'referral',
        entityId: referral.id,
        details: { ubrn },
      });
    });
    return ubrn;
  }
  await recordAudit(deps.db, context, {
    action: 'referral.patient-access',
    outcome: 'denied',
    entityType: 'referral',
    details: { reason: 'no-match' },
  });
  throw validationFailed([{ field: 'reference', message: NO_MATCH }], NO_MATCH);
}
