/**
 * An index for the nearest-practice estimate (decision 0076): open GP practices by latitude, carrying what the estimate reads, so a
 * search near a postcode reads the practices in its band instead of every organisation (3.6 ms a search at national scale).
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX organisations_open_practices_latitude_idx ON organisations (latitude) INCLUDE (longitude, parent_id)
    WHERE kind = 'gp-practice' AND close_date IS NULL AND latitude IS NOT NULL`.execute(db);
}
