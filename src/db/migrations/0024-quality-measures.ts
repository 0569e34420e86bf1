/**
 * What quality monitoring needs from the record and keeps of its own (issue #15, decisions 0050–0051): outcome scores on
 * sessions, report dates on tests, aids fitted at discharge; each KPI run, each stored result with its numerator and
 * denominator and the referrals counted behind it; and Friends and Family Test answers.
 */
import { type Kysely, sql } from 'kysely';

async function outcomesInTheRecord(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE referral_contacts ADD COLUMN phq9_score smallint CHECK (phq9_score BETWEEN 0 AND 27)`.execute(db);
  await sql`ALTER TABLE referral_contacts ADD COLUMN gad7_score smallint CHECK (gad7_score BETWEEN 0 AND 21)`.execute(db);
  await sql`ALTER TABLE referral_contacts ADD COLUMN reported_on date`.execute(db);
  await sql`ALTER TABLE referrals ADD COLUMN aids_fitted smallint CHECK (aids_fitted IN (0, 1, 2))`.execute(db);
}

async function kpiResults(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE kpi_runs (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      end_month text NOT NULL CHECK (end_month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
      trigger text NOT NULL CHECK (trigger IN ('schedule', 'on-demand', 'demo')),
      started_at timestamptz NOT NULL,
      finished_at timestamptz,
      results integer NOT NULL DEFAULT 0,
      requested_by_user_id uuid REFERENCES users(id),
      requested_by_api_key_id uuid REFERENCES api_keys(id)
    )`.execute(db);
  await sql`
    CREATE TABLE kpi_results (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      run_id uuid NOT NULL REFERENCES kpi_runs(id),
      offer_id uuid NOT NULL REFERENCES offers(id),
      provider_organisation_id uuid NOT NULL REFERENCES organisations(id),
      commissioner_organisation_id uuid NOT NULL REFERENCES organisations(id),
      service_id uuid NOT NULL REFERENCES services(id),
      kpi_code text NOT NULL,
      kpi_name text NOT NULL,
      measure jsonb NOT NULL,
      period text NOT NULL CHECK (period IN ('month', 'quarter', 'rolling-12-months')),
      end_month text NOT NULL CHECK (end_month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
      period_from date NOT NULL,
      period_to date NOT NULL,
      threshold_percent integer NOT NULL CHECK (threshold_percent BETWEEN 0 AND 100),
      direction text NOT NULL CHECK (direction IN ('at-least', 'at-most')),
      minimum_count integer NOT NULL CHECK (minimum_count >= 0),
      numerator integer NOT NULL CHECK (numerator >= 0),
      denominator integer NOT NULL CHECK (denominator >= numerator),
      percent_tenths integer CHECK (percent_tenths BETWEEN 0 AND 1000),
      status text NOT NULL CHECK (status IN ('met', 'breached', 'not-enough-data')),
      computed_at timestamptz NOT NULL,
      UNIQUE (offer_id, provider_organisation_id, kpi_code, end_month)
    )`.execute(db);
  await sql`CREATE INDEX kpi_results_provider_idx ON kpi_results (provider_organisation_id, end_month)`.execute(db);
  await sql`CREATE INDEX kpi_results_commissioner_idx ON kpi_results (commissioner_organisation_id, end_month)`.execute(db);
  await sql`
    CREATE TABLE kpi_result_counts (
      result_id uuid NOT NULL REFERENCES kpi_results(id) ON DELETE CASCADE,
      position integer NOT NULL CHECK (position >= 1),
      referral_id uuid NOT NULL REFERENCES referrals(id),
      counted_on date NOT NULL,
      met boolean NOT NULL,
      PRIMARY KEY (result_id, position)
    )`.execute(db);
}

async function feedbackResponses(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE feedback_responses (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      referral_id uuid NOT NULL UNIQUE REFERENCES referrals(id),
      offer_id uuid NOT NULL REFERENCES offers(id),
      provider_organisation_id uuid NOT NULL REFERENCES organisations(id),
      answer text NOT NULL CHECK (answer IN ('very-good', 'good', 'neither-good-nor-poor', 'poor', 'very-poor')),
      comment text NOT NULL DEFAULT '' CHECK (length(comment) <= 2000),
      answered_on date NOT NULL,
      answered_at timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX feedback_responses_provider_idx ON feedback_responses (provider_organisation_id, answered_on)`.execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await outcomesInTheRecord(db);
  await kpiResults(db);
  await feedbackResponses(db);
}
