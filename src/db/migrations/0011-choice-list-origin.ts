/** What a choice list's distances were measured from: the patient's postcode, or their GP practice when the patient's postcode is an NHS pseudo-postcode (decision 0026). */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE choice_lists ADD COLUMN origin_kind text NOT NULL DEFAULT 'patient-postcode' CHECK (origin_kind IN ('patient-postcode', 'gp-practice'))`.execute(
    db,
  );
}
