/** A public name for a service where patients use other words than the catalogue ("Talking therapies" for "Primary care psychological therapies"); null means the name itself. */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE services ADD COLUMN public_name text CHECK (public_name IS NULL OR length(public_name) BETWEEN 1 AND 200)`.execute(
    db,
  );
}
