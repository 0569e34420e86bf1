/** A referrer's replies to a returned referral (issue #12 item 8): the information asked for, and the documents attached, stored like assurance documents. */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE documents ADD COLUMN purpose text NOT NULL DEFAULT 'assurance' CHECK (purpose IN ('assurance', 'referral-reply'))`.execute(
    db,
  );
  await sql`
    CREATE TABLE referral_replies (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
      referral_id uuid NOT NULL REFERENCES referrals(id),
      information text NOT NULL CHECK (length(information) BETWEEN 1 AND 5000),
      replied_at timestamptz NOT NULL,
      replied_by_user_id uuid REFERENCES users(id),
      replied_by_api_key_id uuid REFERENCES api_keys(id)
    )`.execute(db);
  await sql`CREATE INDEX referral_replies_referral_idx ON referral_replies (referral_id, seq)`.execute(db);
  await sql`
    CREATE TABLE referral_reply_documents (
      reply_id uuid NOT NULL REFERENCES referral_replies(id),
      document_id uuid NOT NULL UNIQUE REFERENCES documents(id),
      PRIMARY KEY (reply_id, document_id)
    )`.execute(db);
}
