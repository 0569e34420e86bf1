/**
 * Statistics on when an attended contact was (decision 0077). PostgreSQL keeps statistics for a partial index's expression but
 * never estimates with them, so a period's attended contacts (migration 0032) were guessed at 0.5% of the table: the demo's year,
 * 935 contacts, was planned as 5, as a loop of index lookups per referral. Expression statistics give the planner the real count;
 * the ANALYZE fills them now rather than at the next autovacuum (which the embedded database never runs).
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE STATISTICS referral_contacts_seen_at_stats ON (coalesce(scheduled_for, recorded_at)) FROM referral_contacts`.execute(db);
  await sql`ANALYZE referral_contacts`.execute(db);
}
