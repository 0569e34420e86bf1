/** Claims outbox messages due for email and records how each attempt went; `FOR UPDATE SKIP LOCKED` so nodes never claim the same one. */
import { sql } from 'kysely';
import type { Executor } from '../../db/executor.ts';
import { SENDING_LEASE_MINUTES } from './email-delivery.rules.ts';

export interface ClaimedMessage {
  id: string;
  kind: string | null;
  createdAt: Date;
  /** Attempts including this one. */
  attempts: number;
  organisationName: string;
  /** The provider profile's contact email, else the organisation's contact email; null when it has given neither. */
  recipient: string | null;
}

/**
 * Takes the oldest message due for an email (pending, or retrying and its time has come), skipping any another node holds,
 * counts the attempt and leases it for SENDING_LEASE_MINUTES so nobody else tries it while it is being sent.
 */
export async function claimDueMessage(trx: Executor, now: Date): Promise<ClaimedMessage | undefined> {
  const row = await trx
    .selectFrom('outbox_messages as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .leftJoin('provider_profiles as p', 'p.organisation_id', 'm.organisation_id')
    .select(['m.id', 'm.entity_type', 'm.created_at', 'm.email_attempts', 'o.name'])
    .select((eb) => eb.fn.coalesce('p.email', 'o.contact_email').as('recipient'))
    .where('m.email_status', 'in', ['pending', 'retrying'])
    .where((eb) => eb.or([eb('m.email_next_attempt_at', 'is', null), eb('m.email_next_attempt_at', '<=', now)]))
    .orderBy(sql`m.email_next_attempt_at NULLS FIRST`)
    .orderBy('m.created_at')
    .limit(1)
    .forUpdate('m')
    .skipLocked()
    .executeTakeFirst();
  if (!row) return undefined;
  const lease = new Date(now.getTime() + SENDING_LEASE_MINUTES * 60_000);
  await trx
    .updateTable('outbox_messages')
    .set({ email_attempts: row.email_attempts + 1, email_next_attempt_at: lease, email_to: row.recipient })
    .where('id', '=', row.id)
    .execute();
  return {
    id: row.id,
    kind: row.entity_type,
    createdAt: row.created_at,
    attempts: row.email_attempts + 1,
    organisationName: row.name,
    recipient: row.recipient,
  };
}

export type DeliveryOutcome =
  | { status: 'sent'; at: Date }
  | { status: 'retrying'; error: string; nextAttemptAt: Date }
  | { status: 'failed'; error: string; attempts: number };

/** Records what became of a claimed message's attempt: sent, to be retried at a time, or failed for good (after `attempts` tries: 0 when none was made). */
export async function recordDelivery(db: Executor, id: string, outcome: DeliveryOutcome): Promise<void> {
  const changes =
    outcome.status === 'sent'
      ? { email_status: 'sent', email_sent_at: outcome.at, email_next_attempt_at: null, email_last_error: null }
      : outcome.status === 'retrying'
        ? { email_status: 'retrying', email_next_attempt_at: outcome.nextAttemptAt, email_last_error: outcome.error }
        : { email_status: 'failed', email_next_attempt_at: null, email_last_error: outcome.error, email_attempts: outcome.attempts };
  await db.updateTable('outbox_messages').set(changes).where('id', '=', id).execute();
}
