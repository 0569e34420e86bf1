/**
 * Email delivery of outbox messages (issue #16 item 5, decision 0066): each message's delivery status, attempts, last error and
 * next try; and a contact email for organisations that have no provider profile to hold one. Messages already stored stay
 * unemailed (status NULL); new ones start pending.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE organisations ADD COLUMN contact_email text CHECK (length(contact_email) BETWEEN 3 AND 254)`.execute(db);
  await sql`
    ALTER TABLE outbox_messages
      ADD COLUMN email_status text CHECK (email_status IN ('pending', 'retrying', 'sent', 'failed')),
      ADD COLUMN email_attempts integer NOT NULL DEFAULT 0 CHECK (email_attempts >= 0),
      ADD COLUMN email_last_error text,
      ADD COLUMN email_next_attempt_at timestamptz,
      ADD COLUMN email_sent_at timestamptz,
      ADD COLUMN email_to text`.execute(db);
  await sql`ALTER TABLE outbox_messages ALTER COLUMN email_status SET DEFAULT 'pending'`.execute(db);
  await sql`
    CREATE INDEX outbox_messages_email_due_idx ON outbox_messages (email_next_attempt_at NULLS FIRST, created_at)
      WHERE email_status IN ('pending', 'retrying')`.execute(db);
}
