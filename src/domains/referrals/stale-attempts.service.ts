/** The periodic sweep of failed attempts too old to count towards any limit, so made-up emails and references cannot grow the tables without end (decisions 0024, 0025). */
import type { Deps } from '../deps.ts';
import { deleteThrottlesQuietSince } from '../identity/sign-in-throttle.repo.ts';
import { FORGET_FAILURES_AFTER_HOURS } from '../identity/sign-in-throttle.rules.ts';
import { deleteGuessesBefore } from './patient-access.repo.ts';
import { REFERENCE_WINDOW_HOURS } from './patient-access.rules.ts';

const hoursBefore = (at: Date, hours: number) => new Date(at.getTime() - hours * 3_600_000);

/** Deletes sign-in failures and access-code guesses older than their longest window (24 hours); run with the session sweep every 15 minutes. */
export async function forgetStaleAttempts(deps: Deps): Promise<void> {
  const now = deps.clock.now();
  await deleteThrottlesQuietSince(deps.db, hoursBefore(now, FORGET_FAILURES_AFTER_HOURS));
  await deleteGuessesBefore(deps.db, hoursBefore(now, REFERENCE_WINDOW_HOURS));
}
