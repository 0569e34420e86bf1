/** The per-account failure counts behind sign-in back-off, in PostgreSQL so every web node sees the same lock. */
import type { Executor } from './audit.repo.ts';
import type { ThrottleState } from './sign-in-throttle.rules.ts';

export async function findThrottle(db: Executor, emailHash: string): Promise<ThrottleState | undefined> {
  const row = await db.selectFrom('sign_in_throttles').select(['failures', 'last_failure_at', 'locked_until']).where('email_hash', '=', emailHash).executeTakeFirst();
  return row && { failures: row.failures, lastFailureAt: row.last_failure_at, lockedUntil: row.locked_until };
}

/** Reads the count for update, creating an empty one first, so concurrent failures on several nodes each count. */
export async function lockThrottleForUpdate(db: Executor, emailHash: string, now: Date): Promise<ThrottleState> {
  await db.insertInto('sign_in_throttles').values({ email_hash: emailHash, failures: 0, last_failure_at: now }).onConflict((oc) => oc.column('email_hash').doNothing()).execute();
  const row = await db.selectFrom('sign_in_throttles').select(['failures', 'last_failure_at', 'locked_until']).where('email_hash', '=', emailHash).forUpdate().executeTakeFirstOrThrow();
  return { failures: row.failures, lastFailureAt: row.last_failure_at, lockedUntil: row.locked_until };
}

export async function saveThrottle(db: Executor, emailHash: string, state: ThrottleState): Promise<void> {
  await db.updateTable('sign_in_throttles').set({ failures: state.failures, last_failure_at: state.lastFailureAt, locked_until: state.lockedUntil }).where('email_hash', '=', emailHash).execute();
}

export async function deleteThrottle(db: Executor, emailHash: string): Promise<void> {
  await db.deleteFrom('sign_in_throttles').where('email_hash', '=', emailHash).execute();
}

/** Drops counts whose last failure is older than the cut-off (long after any lock ended), so guessed addresses do not pile up. */
export async function deleteThrottlesQuietSince(db: Executor, cutoff: Date): Promise<void> {
  await db.deleteFrom('sign_in_throttles').where('last_failure_at', '<', cutoff).execute();
}
