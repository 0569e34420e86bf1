/** Emails organisations that a message is waiting (decision 0066): claims due messages one at a time, sends, records the outcome. */
import type { Clock } from '../../lib/clock.ts';
import type { Deps } from '../deps.ts';
import { claimDueMessage, type ClaimedMessage, type DeliveryOutcome, recordDelivery } from './email-delivery.repo.ts';
import { afterFailedAttempt, deliveryErrorText, FIRST_TRY_WITHIN_HOURS, isTooOldToEmail } from './email-delivery.rules.ts';
import { messageEmail } from './message-email.rules.ts';
import type { Mailer } from './smtp-mailer.ts';

export interface EmailRun {
  sent: number;
  retrying: number;
  failed: number;
}

/** At most this many messages a run, so one run cannot hold a node for long; the next run carries on. */
export const EMAILS_PER_RUN = 200;

/**
 * Sends every email due now: each message is claimed in its own short transaction (so a slow relay holds no lock and no
 * connection), sent outside it, and its outcome recorded; several nodes running at once share the work without sending twice.
 */
export async function sendDueEmails(deps: Deps, mailer: Mailer, baseUrl: string, limit = EMAILS_PER_RUN): Promise<EmailRun> {
  const run: EmailRun = { sent: 0, retrying: 0, failed: 0 };
  for (let count = 0; count < limit; count += 1) {
    const now = deps.clock.now();
    const message = await deps.db.transaction().execute((trx) => claimDueMessage(trx, now));
    if (!message) break;
    const outcome = await attemptDelivery(message, mailer, baseUrl, deps.clock);
    await recordDelivery(deps.db, message.id, outcome);
    run[outcome.status] += 1;
  }
  return run;
}

/** One attempt: refuses a message too old or with nowhere to go without trying, else sends it and reads the relay's answer. */
async function attemptDelivery(message: ClaimedMessage, mailer: Mailer, baseUrl: string, clock: Clock): Promise<DeliveryOutcome> {
  if (message.attempts === 1 && isTooOldToEmail(message.createdAt, clock.now()))
    return {
      status: 'failed',
      attempts: 0,
      error: `the message was over ${FIRST_TRY_WITHIN_HOURS} hours old when email could first be tried`,
    };
  if (!message.recipient)
    return { status: 'failed', attempts: 0, error: `${message.organisationName} has not given an email address for messages` };
  try {
    const email = messageEmail({ kind: message.kind, organisationName: message.organisationName, baseUrl });
    await mailer.send({ to: message.recipient, ...email });
    return { status: 'sent', at: clock.now() };
  } catch (error) {
    const next = afterFailedAttempt(message.attempts, clock.now());
    const reason = deliveryErrorText(error);
    return next.status === 'failed'
      ? { status: 'failed', attempts: message.attempts, error: reason }
      : { status: 'retrying', nextAttemptAt: next.nextAttemptAt, error: reason };
  }
}
