/** Guesses at a referral's access code are counted per client address as well as per reference (decision 0024); each row gets an id so a guess that proves right can be taken back. */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE patient_access_failures ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY`.execute(db);
  await sql`ALTER TABLE patient_access_failures ADD COLUMN client_address text NOT NULL DEFAULT ''`.execute(db);
  await sql`CREATE INDEX patient_access_failures_address_idx ON patient_access_failures (ubrn, client_address, failed_at)`.execute(db);
}
