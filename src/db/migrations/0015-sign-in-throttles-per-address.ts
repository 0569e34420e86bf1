/** Sign-in back-off per email and client address, under a whole-account ceiling counted from one row per failure (decision 0025). */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE sign_in_throttles ADD COLUMN client_address text NOT NULL DEFAULT ''`.execute(db);
  await sql`ALTER TABLE sign_in_throttles DROP CONSTRAINT sign_in_throttles_pkey`.execute(db);
  await sql`ALTER TABLE sign_in_throttles ADD PRIMARY KEY (email_hash, client_address)`.execute(db);
  await sql`
    CREATE TABLE sign_in_failures (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      email_hash text NOT NULL,
      failed_at timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX sign_in_failures_email_idx ON sign_in_failures (email_hash, failed_at)`.execute(db);
  await sql`CREATE INDEX sign_in_failures_failed_at_idx ON sign_in_failures (failed_at)`.execute(db);
}
