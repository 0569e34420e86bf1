/** Sign-in back-off (decision 25): per email and client address, a few free mistakes, then locks that double up to an hour, forgotten after a quiet day; and a ceiling per email across all addresses. */

/** Failed sign-ins for one email address from one address (or IPv6 /64) before the first lock. */
export const FREE_FAILURES = 5;
export const FIRST_LOCK_MINUTES = 1;
export const LONGEST_LOCK_MINUTES = 60;
/** A day without failures starts the count again, so occasional typos never add up to a lock. */
export const FORGET_FAILURES_AFTER_HOURS = 24;
/** Failed sign-ins for one email from all addresses together in the ceiling's window before it is locked everywhere (NIST SP 800-63B: no more than 100 consecutive failures). */
export const ACCOUNT_FAILURES_PER_DAY = 100;
export const ACCOUNT_WINDOW_HOURS = 24;

export interface ThrottleState {
  failures: number;
  lastFailureAt: Date;
  lockedUntil: Date | null;
}

/** How long the lock after this many consecutive failures lasts: none before the fifth, then 1, 2, 4 … up to 60 minutes. */
export function lockMinutesAfter(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(FIRST_LOCK_MINUTES * 2 ** (failures - FREE_FAILURES), LONGEST_LOCK_MINUTES);
}

/** The state after one more failed sign-in; failures older than a quiet day are forgotten first. */
export function afterFailure(previous: ThrottleState | undefined, now: Date): ThrottleState {
  const quietFor = previous ? now.getTime() - previous.lastFailureAt.getTime() : Infinity;
  const failures = (quietFor >= FORGET_FAILURES_AFTER_HOURS * 3_600_000 ? 0 : previous!.failures) + 1;
  const minutes = lockMinutesAfter(failures);
  return { failures, lastFailureAt: now, lockedUntil: minutes ? new Date(now.getTime() + minutes * 60_000) : null };
}

/** The whole minutes left on a lock, at least one, or 0 when the account may be tried now. */
export function minutesLocked(state: ThrottleState | undefined, now: Date): number {
  return minutesUntil(state?.lockedUntil ?? null, now);
}

/** When the whole-account lock ends, given the moment of the 100th most recent failure in the window: a day after it, when the day's count falls below the ceiling; null when there is no such failure. */
export function ceilingLockEnds(hundredthLatestFailure: Date | undefined): Date | null {
  return hundredthLatestFailure ? new Date(hundredthLatestFailure.getTime() + ACCOUNT_WINDOW_HOURS * 3_600_000) : null;
}

/** The whole minutes until a moment, at least one, or 0 once it has passed. */
export function minutesUntil(moment: Date | null, now: Date): number {
  const left = moment ? moment.getTime() - now.getTime() : 0;
  return left > 0 ? Math.ceil(left / 60_000) : 0;
}

/** A wait in plain words: minutes up to an hour, then whole hours rounded up. */
export function waitInWords(minutes: number): string {
  if (minutes <= 60) return minutes === 1 ? '1 minute' : `${minutes} minutes`;
  const hours = Math.ceil(minutes / 60);
  return hours === 1 ? '1 hour' : `${hours} hours`;
}
