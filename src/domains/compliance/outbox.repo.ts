/** Reads and marks the outbox messages of one organisation; the only place outside inserts that touches `outbox_messages`. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { EmailStatus } from '../email/email-delivery.rules.ts';

/** How a message's email went (decision 0066); status null for messages stored before AQP sent email. */
export interface EmailDelivery {
  status: EmailStatus | null;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: Date | null;
  sentAt: Date | null;
  to: string | null;
}

export interface Message {
  id: string;
  subject: string;
  body: string;
  entityType: string | null;
  entityId: string | null;
  createdAt: Date;
  readAt: Date | null;
  email: EmailDelivery;
}

/** A page of an organisation's messages (only unread ones when asked), newest first, with its total and unread counts. */
export async function listMessages(
  db: Kysely<Database>,
  organisationId: string,
  page: { limit: number; offset: number; unreadOnly?: boolean },
): Promise<{ items: Message[]; unread: number; total: number }> {
  const all = db.selectFrom('outbox_messages').where('organisation_id', '=', organisationId);
  const base = page.unreadOnly ? all.where('read_at', 'is', null) : all;
  const [rows, counts] = await Promise.all([
    base
      .select(['id', 'subject', 'body', 'entity_type', 'entity_id', 'created_at', 'read_at'])
      .select(['email_status', 'email_attempts', 'email_last_error', 'email_next_attempt_at', 'email_sent_at', 'email_to'])
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    base.select((eb) => [eb.fn.countAll<number>().as('total'), eb.fn.count<number>('read_at').as('read')]).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((row) => ({
      id: row.id,
      subject: row.subject,
      body: row.body,
      entityType: row.entity_type,
      entityId: row.entity_id,
      createdAt: row.created_at,
      readAt: row.read_at,
      email: {
        status: row.email_status as EmailStatus | null,
        attempts: row.email_attempts,
        lastError: row.email_last_error,
        nextAttemptAt: row.email_next_attempt_at,
        sentAt: row.email_sent_at,
        to: row.email_to,
      },
    })),
    unread: Number(counts.total) - Number(counts.read),
    total: Number(counts.total),
  };
}

/** Marks one message of the organisation read, keeping the first reading time; false when it has no such message. */
export async function markMessageRead(db: Kysely<Database>, organisationId: string, id: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('outbox_messages')
    .set((eb) => ({ read_at: eb.fn.coalesce('read_at', eb.val(now)) }))
    .where('id', '=', id)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** How many of an organisation's messages nobody has read yet (the home page's count, listed by the unread-only messages page). */
export async function countUnreadMessages(db: Kysely<Database>, organisationId: string): Promise<number> {
  const { n } = await db
    .selectFrom('outbox_messages')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('organisation_id', '=', organisationId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(n);
}
