/** Indexes for the full referral lists and home-page counts (issue #12 item 10): an organisation's referrals newest first, and its unread messages, without scanning anyone else's. */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX referrals_provider_list_idx ON referrals (provider_organisation_id, sent_at DESC, ubrn DESC)`.execute(db);
  await sql`CREATE INDEX referrals_referrer_list_idx ON referrals (referrer_organisation_id, referred_on DESC, ubrn DESC)`.execute(db);
  await sql`CREATE INDEX outbox_messages_unread_idx ON outbox_messages (organisation_id) WHERE read_at IS NULL`.execute(db);
}
