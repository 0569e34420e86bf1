/** Checks an account's password under back-off per email and client address, with a ceiling per email across all addresses, counted in the database so it holds across web nodes (decision 25). */
import { createHash } from 'node:crypto';
import { addressGroupOf } from '../../lib/client-address.ts';
import { DomainError } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import { recordAudit } from './audit.repo.ts';
import { verifyPassword } from './password.ts';
import type { ActionContext } from './principal.ts';
import { findUserByEmail } from './user.repo.ts';
import {
  ACCOUNT_WINDOW_HOURS,
  afterFailure,
  ceilingLockEnds,
  FORGET_FAILURES_AFTER_HOURS,
  minutesLocked,
  minutesUntil,
  waitInWords,
} from './sign-in-throttle.rules.ts';
import {
  clearAfterSuccess,
  deleteAllThrottlesOf,
  deleteThrottlesQuietSince,
  findThrottleAt,
  hundredthLatestFailureSince,
  lockEmailAttempts,
  recordFailure,
  type ThrottleKey,
} from './sign-in-throttle.repo.ts';

export type ThrottledCheck = { outcome: 'locked'; minutes: number } | { outcome: 'match' } | { outcome: 'mismatch' };

/** The key for an email's count: a hash, so a password typed into the email box is never stored. */
export function emailHashOf(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
}

const hoursBefore = (at: Date, hours: number) => new Date(at.getTime() - hours * 3_600_000);

/** Under the email's lock: the minutes still to wait (the account's ceiling or this address's back-off), or 0 after recording this attempt as a failure until its password proves right. */
async function reserveAttempt(deps: Deps, key: ThrottleKey, now: Date): Promise<number> {
  return deps.db.transaction().execute(async (trx) => {
    await lockEmailAttempts(trx, key.emailHash);
    const ceiling = minutesUntil(
      ceilingLockEnds(await hundredthLatestFailureSince(trx, key.emailHash, hoursBefore(now, ACCOUNT_WINDOW_HOURS))),
      now,
    );
    const previous = await findThrottleAt(trx, key);
    const locked = Math.max(ceiling, minutesLocked(previous, now));
    if (!locked) await recordFailure(trx, key, afterFailure(previous, now));
    return locked;
  });
}

/**
 * Verifies a password for an email, known or not, so the lock reveals nothing about which accounts exist. Each attempt
 * is counted before the hash is checked, so parallel guesses cannot slip past the lock; a match clears the count.
 */
export async function verifyThrottled(
  deps: Deps,
  attempt: { email: string; clientAddress: string | null },
  storedHash: string | undefined,
  password: string,
): Promise<ThrottledCheck> {
  const key = { emailHash: emailHashOf(attempt.email), clientAddress: addressGroupOf(attempt.clientAddress) };
  const now = deps.clock.now();
  const minutes = await reserveAttempt(deps, key, now);
  if (minutes) return { outcome: 'locked', minutes };
  if (await verifyPassword(storedHash, password)) {
    await clearAfterSuccess(deps.db, key);
    return { outcome: 'match' };
  }
  await deleteThrottlesQuietSince(deps.db, hoursBefore(now, FORGET_FAILURES_AFTER_HOURS));
  return { outcome: 'mismatch' };
}

/** The refusal while an email is locked: plain about waiting, silent about whether the account exists. */
export function lockedOut(minutes: number, field = 'email'): DomainError {
  const message = `There have been too many attempts to sign in with this email address. Wait ${waitInWords(minutes)}, then try again.`;
  return new DomainError('too-many-requests', message, { fieldErrors: [{ field, message }], retryAfterSeconds: minutes * 60 });
}

/** The platform operator's way to lift a lock (`aqp users unlock`), for a person locked out by someone else's guesses; audited. */
export async function unlockSignIn(deps: Deps, context: ActionContext, email: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const cleared = await deleteAllThrottlesOf(trx, emailHashOf(email));
    const user = await findUserByEmail(trx, email.trim());
    await recordAudit(trx, context, {
      action: 'sign-in.unlock',
      entityType: 'user',
      entityId: user?.id ?? null,
      details: { rowsCleared: cleared },
    });
  });
}
