/** A referral's own copy of how to reach the patient and what they need to take part (issue #12 items 4 and 7; decision 0031): kept per referral, so a self-referral for a known patient keeps its details without changing the patient's record. */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE referral_contact_details (
      referral_id uuid PRIMARY KEY REFERENCES referrals(id) ON DELETE CASCADE,
      phone text CHECK (phone ~ '^\\+?[0-9]{10,15}$'),
      email text CHECK (length(email) <= 320),
      address_lines jsonb NOT NULL DEFAULT '[]'::jsonb,
      communication_needs jsonb,
      send_reference_by text CHECK (send_reference_by IN ('email', 'text')),
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
}
