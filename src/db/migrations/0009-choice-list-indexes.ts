/** Indexes for the choice list at national scale: a provider's accepted referrals on an offer (for its indicative wait) without scanning every referral of the offer. */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX referrals_offer_accepted_idx ON referrals (offer_id, accepted_at) INCLUDE (provider_organisation_id, sent_at) WHERE accepted_at IS NOT NULL`.execute(
    db,
  );
}
