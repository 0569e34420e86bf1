/**
 * Local KPI thresholds on offers (issue #15 item 1, decision 0052): every threshold a commissioner sets is a new row, so
 * the history stays; the one in force for a month is the latest set for a month at or before it. Also the index the KPI
 * engine reads each offer's sent referrals by.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE offer_kpi_thresholds (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      offer_id uuid NOT NULL REFERENCES offers(id),
      kpi_code text NOT NULL CHECK (kpi_code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
      threshold_percent integer CHECK (threshold_percent BETWEEN 1 AND 100),
      applies_from text NOT NULL CHECK (applies_from ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
      reason text NOT NULL DEFAULT '' CHECK (length(reason) <= 500),
      set_at timestamptz NOT NULL,
      set_by_user_id uuid REFERENCES users(id),
      set_by_api_key_id uuid REFERENCES api_keys(id)
    )`.execute(db);
  await sql`CREATE INDEX offer_kpi_thresholds_offer_idx ON offer_kpi_thresholds (offer_id, kpi_code, applies_from, set_at)`.execute(db);
  await sql`CREATE INDEX referrals_offer_sent_idx ON referrals (offer_id, sent_at) INCLUDE (provider_organisation_id) WHERE sent_at IS NOT NULL`.execute(
    db,
  );
}
