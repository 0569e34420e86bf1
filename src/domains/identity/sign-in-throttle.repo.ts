/** The sign-in failure counts behind back-off, per email and client address and per email overall, in PostgreSQL so every web node sees the same lock (decision 25). */
import { sql } from 'kysely';
import type { Executor } from '../../db/executor.ts';
import { ACCOUNT_FAILURES_PER_DAY, type ThrottleState } from './sign-in-throttle.rules.ts';

/** A key for one email's count at one address group. */
export interface ThrottleKey {
  emailHash: string;
  clientAddress: string;
}

/** Holds every other attempt on this email back until the transaction ends, so counting and recording a failure cannot interleave across addresses or nodes. */
export async function lockEmailAttempts(db: Executor, emailHash: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`aqp.sign-in:${emailHash}`}))`.execute(db);
}

/** The back-off state of one email at one address group, if it has failed there. */
export async function findThrottleAt(db: Executor, key: ThrottleKey): Promise<ThrottleState | undefined> {
  const row = await db
    .selectFrom('sign_in_throttles')
    .select(['failures', 'last_failure_at', 'locked_until'])
    .where('email_hash', '=', key.emailHash)
    .where('client_address', '=', key.clientAddress)
    .executeTakeFirst();
  return row && { failures: row.failures, lastFailureAt: row.last_failure_at, lockedUntil: row.locked_until };
}

/** Records one failure: the address group's back-off state and a row towards the whole-account ceiling. */
export async function recordFailure(db: Executor, key: ThrottleKey, state: ThrottleState): Promise<void> {
  const values = {
    email_hash: key.emailHash,
    client_address: key.clientAddress,
    failures: state.failures,
    last_failure_at: state.lastFailureAt,
    locked_until: state.lockedUntil,
  };
  await db
    .insertInto('sign_in_throttles')
    .values(values)
    .onConflict((oc) =>
      oc
        .columns(['email_hash', 'client_address'])
        .doUpdateSet({ failures: state.failures, last_failure_at: state.lastFailureAt, locked_until: state.lockedUntil }),
    )
    .execute();
  await db.insertInto('sign_in_failures').values({ email_hash: key.emailHash, failed_at: state.lastFailureAt }).execute();
}

/** The moment of the email's 100th most recent failure since the window began, if it has had that many: the one whose ageing out lifts the ceiling. */
export async function hundredthLatestFailureSince(db: Executor, emailHash: string, since: Date): Promise<Date | undefined> {
  const row = await db
    .selectFrom('sign_in_failures')
    .select('failed_at')
    .where('email_hash', '=', emailHash)
    .where('failed_at', '>', since)
    .orderBy('failed_at', 'desc')
    .offset(ACCOUNT_FAILURES_PER_DAY - 1)
    .limit(1)
    .executeTakeFirst();
  return row?.failed_at;
}

/** Clears the count after a right password: that address group's back-off, and the account's run of failures (the ceiling counts consecutive failures). */
export async function clearAfterSuccess(db: Executor, key: ThrottleKey): Promise<void> {
  await db
    .deleteFrom('sign_in_throttles')
    .where('email_hash', '=', key.emailHash)
    .where('client_address', '=', key.clientAddress)
    .execute();
  await db.deleteFrom('sign_in_failures').where('email_hash', '=', key.emailHash).execute();
}

/** Clears every count for an email, at every address, for the operator's `aqp users unlock`; returns how many rows went. */
export async function deleteAllThrottlesOf(db: Executor, emailHash: string): Promise<number> {
  const throttles = await db.deleteFrom('sign_in_throttles').where('email_hash', '=', emailHash).executeTakeFirst();
  const failures = await db.deleteFrom('sign_in_failures').where('email_hash', '=', emailHash).executeTakeFirst();
  return Number(throttles.numDeletedRows) + Number(failures.numDeletedRows);
}

/** Drops counts and failures older than the cut-off (long after any lock ended), so guessed addresses do not pile up. */
export async function deleteThrottlesQuietSince(db: Executor, cutoff: Date): Promise<void> {
  await db.deleteFrom('sign_in_throttles').where('last_failure_at', '<', cutoff).execute();
  await db.deleteFrom('sign_in_failures').where('failed_at', '<', cutoff).execute();
}
