/** Budget plans per commissioner, service and financial year, kept as versions, and the forecast alerts raised once per threshold (issue #14 item 7; decision 0048). */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE budget_plans (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      commissioner_organisation_id uuid NOT NULL REFERENCES organisations(id),
      service_id uuid NOT NULL REFERENCES services(id),
      financial_year text NOT NULL CHECK (financial_year ~ '^[0-9]{4}-[0-9]{2}$'),
      created_at timestamptz NOT NULL,
      UNIQUE (commissioner_organisation_id, service_id, financial_year)
    )`.execute(db);
  await sql`CREATE INDEX budget_plans_year_idx ON budget_plans (financial_year, service_id)`.execute(db);
  await sql`
    CREATE TABLE budget_plan_versions (
      plan_id uuid NOT NULL REFERENCES budget_plans(id),
      version integer NOT NULL CHECK (version >= 1),
      amount_pence bigint NOT NULL CHECK (amount_pence > 0),
      phasing text NOT NULL CHECK (phasing IN ('even', 'monthly')),
      monthly_pence jsonb NOT NULL CHECK (jsonb_typeof(monthly_pence) = 'array' AND jsonb_array_length(monthly_pence) = 12),
      source text NOT NULL CHECK (source IN ('form', 'api', 'csv')),
      set_at timestamptz NOT NULL,
      set_by_user_id uuid REFERENCES users(id),
      set_by_api_key_id uuid REFERENCES api_keys(id),
      PRIMARY KEY (plan_id, version)
    )`.execute(db);
  await sql`
    CREATE TABLE budget_alert_thresholds (
      commissioner_organisation_id uuid NOT NULL REFERENCES organisations(id),
      percent integer NOT NULL CHECK (percent BETWEEN 1 AND 200),
      PRIMARY KEY (commissioner_organisation_id, percent)
    )`.execute(db);
  await sql`
    CREATE TABLE budget_alerts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      plan_id uuid NOT NULL REFERENCES budget_plans(id),
      threshold_percent integer NOT NULL CHECK (threshold_percent BETWEEN 1 AND 200),
      plan_version integer NOT NULL,
      plan_pence bigint NOT NULL,
      forecast_pence bigint NOT NULL,
      raised_on date NOT NULL,
      raised_at timestamptz NOT NULL,
      UNIQUE (plan_id, threshold_percent)
    )`.execute(db);
}
