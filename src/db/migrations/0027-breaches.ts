/**
 * KPI breaches and what the contract does about them (issue #15 item 6, decision 0056): one breach per offer × provider × KPI
 * while it is open, opened by a stored KPI result whose figure it keeps; every step in an append-only history; the remedial
 * action plan's dated milestones; and a version for optimistic concurrency.
 */
import { type Kysely, sql } from 'kysely';

const STATUSES = `'open', 'notice-issued', 'responded', 'remedial-plan', 'escalated', 'suspended', 'closed', 'withdrawn'`;

async function breaches(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE breaches (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      number serial NOT NULL UNIQUE,
      kpi_result_id uuid REFERENCES kpi_results(id) ON DELETE SET NULL,
      offer_id uuid NOT NULL REFERENCES offers(id),
      provider_organisation_id uuid NOT NULL REFERENCES organisations(id),
      commissioner_organisation_id uuid NOT NULL REFERENCES organisations(id),
      kpi_code text NOT NULL,
      kpi_name text NOT NULL,
      end_month text NOT NULL CHECK (end_month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
      period_from date NOT NULL,
      period_to date NOT NULL,
      threshold_percent integer NOT NULL CHECK (threshold_percent BETWEEN 0 AND 100),
      direction text NOT NULL CHECK (direction IN ('at-least', 'at-most')),
      numerator integer NOT NULL CHECK (numerator >= 0),
      denominator integer NOT NULL CHECK (denominator >= numerator),
      percent_tenths integer CHECK (percent_tenths BETWEEN 0 AND 1000),
      status text NOT NULL DEFAULT 'open' CHECK (status IN (${sql.raw(STATUSES)})),
      opened_on date NOT NULL,
      periods jsonb,
      notice_text text CHECK (length(notice_text) <= 4000),
      notice_on date,
      respond_by date,
      response_text text CHECK (length(response_text) <= 4000),
      responded_on date,
      meet_by date,
      plan_number integer NOT NULL DEFAULT 0 CHECK (plan_number >= 0),
      plan_agreed_on date,
      finished_on date,
      suspended_listing_id uuid REFERENCES listings(id),
      version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
      updated_at timestamptz NOT NULL,
      UNIQUE (offer_id, provider_organisation_id, kpi_code, end_month)
    )`.execute(db);
  await sql`
    CREATE UNIQUE INDEX breaches_one_open_idx ON breaches (offer_id, provider_organisation_id, kpi_code)
    WHERE status NOT IN ('suspended', 'closed', 'withdrawn')`.execute(db);
  await sql`CREATE INDEX breaches_provider_idx ON breaches (provider_organisation_id, status)`.execute(db);
  await sql`CREATE INDEX breaches_commissioner_idx ON breaches (commissioner_organisation_id, status)`.execute(db);
}

async function breachEvents(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE breach_events (
      id bigserial PRIMARY KEY,
      breach_id uuid NOT NULL REFERENCES breaches(id),
      action text NOT NULL,
      from_status text CHECK (from_status IN (${sql.raw(STATUSES)})),
      to_status text NOT NULL CHECK (to_status IN (${sql.raw(STATUSES)})),
      detail text NOT NULL DEFAULT '' CHECK (length(detail) <= 4000),
      occurred_on date NOT NULL,
      occurred_at timestamptz NOT NULL,
      by_user_id uuid REFERENCES users(id),
      by_api_key_id uuid REFERENCES api_keys(id)
    )`.execute(db);
  await sql`CREATE INDEX breach_events_breach_idx ON breach_events (breach_id, id)`.execute(db);
}

async function breachMilestones(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE breach_milestones (
      breach_id uuid NOT NULL REFERENCES breaches(id),
      number integer NOT NULL CHECK (number >= 1),
      plan_number integer NOT NULL CHECK (plan_number >= 1),
      description text NOT NULL CHECK (length(description) BETWEEN 1 AND 1000),
      due_on date NOT NULL,
      met_on date,
      missed_on date,
      CHECK (met_on IS NULL OR missed_on IS NULL),
      PRIMARY KEY (breach_id, number)
    )`.execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await breaches(db);
  await breachEvents(db);
  await breachMilestones(db);
}
