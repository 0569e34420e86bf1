/** Monthly statements, their lines, month-close runs and line queries (issue #14 items 3, 5 and 6; decision 0045). */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE payment_runs (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      month text NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
      ran_on date NOT NULL,
      started_at timestamptz NOT NULL,
      finished_at timestamptz NOT NULL,
      triggered_by text NOT NULL CHECK (length(triggered_by) <= 40),
      run_by_user_id uuid REFERENCES users(id),
      statements_built integer NOT NULL CHECK (statements_built >= 0),
      lines_placed integer NOT NULL CHECK (lines_placed >= 0)
    )`.execute(db);
  await sql`CREATE INDEX payment_runs_month_idx ON payment_runs (month, ran_on)`.execute(db);
  await sql`
    CREATE TABLE statements (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      reference text NOT NULL UNIQUE CHECK (length(reference) <= 60),
      provider_organisation_id uuid NOT NULL REFERENCES organisations(id),
      commissioner_organisation_id uuid NOT NULL REFERENCES organisations(id),
      month text NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
      status text NOT NULL CHECK (status IN ('draft', 'awaiting-approval', 'approved')),
      built_at timestamptz NOT NULL,
      built_by_run_id uuid REFERENCES payment_runs(id) DEFERRABLE INITIALLY DEFERRED,
      prepared_by_user_id uuid REFERENCES users(id),
      prepared_at timestamptz,
      approved_by_user_id uuid REFERENCES users(id),
      approved_at timestamptz,
      payment_due_on date,
      payable_pence bigint,
      UNIQUE (provider_organisation_id, commissioner_organisation_id, month),
      CHECK ((status = 'draft') = (prepared_by_user_id IS NULL)),
      CHECK ((status = 'approved') = (approved_by_user_id IS NOT NULL AND approved_at IS NOT NULL AND payment_due_on IS NOT NULL AND payable_pence IS NOT NULL)),
      CHECK (approved_by_user_id IS NULL OR approved_by_user_id <> prepared_by_user_id)
    )`.execute(db);
  await sql`CREATE INDEX statements_commissioner_month_idx ON statements (commissioner_organisation_id, month)`.execute(db);
  await sql`CREATE INDEX statements_month_status_idx ON statements (month, status)`.execute(db);
  // No foreign key from line_id: activity lines are append-only and never deleted, the month close inserts only ids it read
  // from them, and a per-row key check was a third of a national close (bench/results/payment-run.md).
  await sql`
    CREATE TABLE statement_lines (
      statement_id uuid NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
      line_id uuid NOT NULL,
      entry text NOT NULL CHECK (entry IN ('charge', 'release')),
      placement text NOT NULL CHECK (placement IN ('in-month', 'adjustment')),
      currency_code text NOT NULL,
      complexity_band text NOT NULL,
      price_pence integer,
      payment text NOT NULL CHECK (payment IN ('payable', 'held', 'not-paid', 'unpriced')),
      not_paid_reason text,
      PRIMARY KEY (line_id, entry),
      CHECK ((payment = 'not-paid') = (not_paid_reason IS NOT NULL)),
      CHECK ((payment = 'unpriced') = (price_pence IS NULL)),
      CHECK (entry = 'charge' OR payment = 'payable')
    )`.execute(db);
  await sql`CREATE INDEX statement_lines_statement_idx ON statement_lines (statement_id)`.execute(db);
  await sql`
    CREATE TABLE line_queries (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      line_id uuid NOT NULL UNIQUE REFERENCES activity_lines(id),
      provider_organisation_id uuid NOT NULL REFERENCES organisations(id),
      commissioner_organisation_id uuid NOT NULL REFERENCES organisations(id),
      reason_code text NOT NULL CHECK (length(reason_code) <= 40),
      comment text CHECK (length(comment) <= 2000),
      periods jsonb NOT NULL,
      line_accepted_on date NOT NULL,
      raised_on date NOT NULL,
      raised_at timestamptz NOT NULL,
      raised_by_user_id uuid REFERENCES users(id),
      answer_text text CHECK (length(answer_text) <= 2000),
      answered_on date,
      answered_at timestamptz,
      answered_by_user_id uuid REFERENCES users(id),
      resolution text CHECK (resolution IN ('paid', 'not-paid')),
      resolved_on date,
      resolved_at timestamptz,
      resolved_by_user_id uuid REFERENCES users(id),
      CHECK ((answer_text IS NULL) = (answered_on IS NULL)),
      CHECK ((resolution IS NULL) = (resolved_on IS NULL))
    )`.execute(db);
  await sql`CREATE INDEX line_queries_commissioner_idx ON line_queries (commissioner_organisation_id, raised_on)`.execute(db);
  await sql`CREATE INDEX line_queries_provider_idx ON line_queries (provider_organisation_id, raised_on)`.execute(db);
}
