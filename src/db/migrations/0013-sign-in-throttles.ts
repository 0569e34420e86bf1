/** Failed sign-ins per account, shared by every web node, for the back-off of decision 25; keyed by a hash of the email so a password typed into the email box is never stored. */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE sign_in_throttles (
      email_hash text PRIMARY KEY,
      failures integer NOT NULL CHECK (failures >= 0),
      last_failure_at timestamptz NOT NULL,
      locked_until timestamptz
    )`.execute(db);
  await sql`CREATE INDEX sign_in_throttles_last_failure_idx ON sign_in_throttles (last_failure_at)`.execute(db);
}
