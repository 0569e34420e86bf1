/** Checks an account's password under per-account back-off, counted in the database so it holds across web nodes and addresses. */
import { createHash } from 'node:crypto';
import { DomainError } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import { verifyPassword } from './password.ts';
import { afterFailure, FORGET_FAILURES_AFTER_HOURS, minutesLocked } from './sign-in-throttle.rules.ts';
import { deleteThrottle, deleteThrottlesQuietSince, lockThrottleForUpdate, saveThrottle } from './sign-in-throttle.repo.ts';

export type ThrottledCheck = { outcome: 'locked'; minutes: number } | { outcome: 'match' } | { outcome: 'mismatch' };

/** The key for an email's count: a hash, so a password typed into the email box is never stored. */
export function emailHashOf(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
}

/**
 * Verifies a password for an email, known or not, so the lock reveals nothing about which accounts exist. Each attempt
 * is counted before the hash is checked, so parallel guesses cannot slip past the lock; a match clears the count.
 */
export async function verifyThrottled(deps: Deps, email: string, storedHash: string | undefined, password: string): Promise<ThrottledCheck> {
  const emailHash = emailHashOf(email);
  const now = deps.clock.now();
  const minutes = await deps.db.transaction().execute(async (trx) => {
    const previous = await lockThrottleForUpdate(trx, emailHash, now);
    const locked = minutesLocked(previous, now);
    if (!locked) await saveThrottle(trx, emailHash, afterFailure(previous, now));
    return locked;
  });
  if (minutes) return { outcome: 'locked', minutes };
  if (await verifyPassword(storedHash, password)) {
    await deleteThrottle(deps.db, emailHash);
    return { outcome: 'match' };
  }
  await deleteThrottlesQuietSince(deps.db, new Date(now.getTime() - FORGET_FAILURES_AFTER_HOURS * 3_600_000));
  return { outcome: 'mismatch' };
}

/** The refusal while an email is locked: plain about waiting, silent about whether the account exists. */
export function lockedOut(minutes: number, field = 'email'): DomainError {
  const message = `There have been too many attempts to sign in with this email address. Wait ${minutes === 1 ? '1 minute' : `${minutes} minutes`}, then try again.`;
  return new DomainError('too-many-requests', message, { fieldErrors: [{ field, message }], retryAfterSeconds: minutes * 60 });
}
