/** An index for the dashboards' waits (decision 0070): the attended appointments and sessions of a period, by when they were, without scanning every contact ever recorded. */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX referral_contacts_attended_on_idx ON referral_contacts ((coalesce(scheduled_for, recorded_at)), referral_id) WHERE attendance = 'attended'`.execute(
    db,
  );
}
