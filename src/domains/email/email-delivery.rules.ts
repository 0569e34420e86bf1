/** When AQP tries an outbox message's email again, and when it gives up (decision 0066): pure rules, unit tested. */

export const EMAIL_STATUSES = ['pending', 'retrying', 'sent', 'failed'] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

/** Minutes to wait after the 1st, 2nd, … failed attempt: 1, 5, 30 minutes, 2 hours, 12 hours; then AQP gives up. */
export const RETRY_DELAYS_MINUTES = [1, 5, 30, 120, 720] as const;

/** The first try plus one retry per delay: six attempts over about 15 hours. */
export const MAX_EMAIL_ATTEMPTS = RETRY_DELAYS_MINUTES.length + 1;

/** How long one node may hold a message it is sending before another may try it (a crashed node's message is not lost). */
export const SENDING_LEASE_MINUTES = 10;

/** A message older than this when first tried is not emailed: turning email on must not mail out months of old notices. */
export const FIRST_TRY_WITHIN_HOURS = 48;

/** What happens to a message after an attempt failed: tried again after the back-off, or failed for good after the last attempt. */
export function afterFailedAttempt(attempts: number, now: Date): { status: 'retrying'; nextAttemptAt: Date } | { status: 'failed' } {
  if (attempts >= MAX_EMAIL_ATTEMPTS) return { status: 'failed' };
  const delay = RETRY_DELAYS_MINUTES[Math.max(0, attempts - 1)]!;
  return { status: 'retrying', nextAttemptAt: new Date(now.getTime() + delay * 60_000) };
}

/** True when a never-tried message is too old to email (see FIRST_TRY_WITHIN_HOURS). */
export function isTooOldToEmail(createdAt: Date, now: Date): boolean {
  return now.getTime() - createdAt.getTime() > FIRST_TRY_WITHIN_HOURS * 3_600_000;
}

/** One line of an SMTP error kept for staff to read: its response code and text, without a stack or a multi-line dump. */
export function deliveryErrorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s+/g, ' ').trim().slice(0, 300) || 'Unknown error';
}
