/** Activity lines and their submissions (issue #14 item 2; decision 0044): append-only, one row per line a provider sent or the platform recorded, never updated. */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE activity_submissions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      provider_organisation_id uuid NOT NULL REFERENCES organisations(id),
      source text NOT NULL CHECK (source IN ('platform', 'api', 'csv')),
      file_name text CHECK (file_name IS NULL OR length(file_name) <= 255),
      line_count integer NOT NULL CHECK (line_count >= 0),
      accepted_count integer NOT NULL CHECK (accepted_count >= 0),
      refused_count integer NOT NULL CHECK (refused_count >= 0),
      already_received_count integer NOT NULL CHECK (already_received_count >= 0),
      received_at timestamptz NOT NULL,
      received_by_user_id uuid REFERENCES users(id),
      received_by_api_key_id uuid REFERENCES api_keys(id),
      CHECK (accepted_count + refused_count + already_received_count = line_count)
    )`.execute(db);
  await sql`
    CREATE TABLE activity_lines (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
      provider_organisation_id uuid NOT NULL REFERENCES organisations(id),
      provider_line_id text NOT NULL CHECK (length(provider_line_id) BETWEEN 1 AND 100),
      referral_id uuid REFERENCES referrals(id),
      referral_reference text NOT NULL CHECK (length(referral_reference) <= 40),
      offer_id uuid REFERENCES offers(id),
      commissioner_organisation_id uuid REFERENCES organisations(id),
      currency_code text NOT NULL CHECK (length(currency_code) <= 40),
      complexity_band text NOT NULL CHECK (length(complexity_band) <= 60),
      activity_date text NOT NULL CHECK (length(activity_date) <= 40),
      attendance_code text NOT NULL CHECK (length(attendance_code) <= 10),
      kind text NOT NULL CHECK (kind IN ('original', 'reversal')),
      reverses_line_id text CHECK (length(reverses_line_id) <= 100),
      source text NOT NULL CHECK (source IN ('platform', 'api', 'csv')),
      submission_id uuid NOT NULL REFERENCES activity_submissions(id),
      received_at timestamptz NOT NULL,
      status text NOT NULL CHECK (status IN ('accepted', 'refused')),
      rejection_reason text,
      price_pence integer,
      UNIQUE (provider_organisation_id, provider_line_id),
      CHECK ((kind = 'reversal') = (reverses_line_id IS NOT NULL)),
      CHECK ((status = 'refused') = (rejection_reason IS NOT NULL)),
      CHECK (status = 'accepted' OR price_pence IS NULL),
      CHECK (status = 'refused' OR (referral_id IS NOT NULL AND offer_id IS NOT NULL AND commissioner_organisation_id IS NOT NULL)),
      CHECK (price_pence IS NULL OR (kind = 'original' AND price_pence >= 0) OR (kind = 'reversal' AND price_pence <= 0))
    )`.execute(db);
  await sql`CREATE INDEX activity_lines_provider_month_idx ON activity_lines (provider_organisation_id, activity_date, seq)`.execute(db);
  await sql`
    CREATE INDEX activity_lines_commissioner_month_idx ON activity_lines (commissioner_organisation_id, activity_date, seq)
    WHERE commissioner_organisation_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX activity_lines_referral_idx ON activity_lines (referral_id, seq) WHERE referral_id IS NOT NULL`.execute(db);
}
