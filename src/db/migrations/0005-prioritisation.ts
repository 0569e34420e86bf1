/** Local engagement and prioritisation (PRODUCT.md §3.2): long list, stakeholder responses, weighted criteria, scores, short list, approval, milestones. */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE prioritisation_runs (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
      year_label text NOT NULL,
      status text NOT NULL DEFAULT 'engagement' CHECK (status IN ('engagement', 'short-listed', 'approved', 'notified')),
      board_name text,
      approval_note text,
      approved_at timestamptz,
      approved_by_user_id uuid REFERENCES users(id),
      notified_organisation_id uuid REFERENCES organisations(id),
      notification_text text,
      notified_at timestamptz,
      created_by_user_id uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX prioritisation_runs_organisation_idx ON prioritisation_runs (organisation_id, created_at)`.execute(db);

  await sql`
    CREATE TABLE prioritisation_run_members (
      run_id uuid NOT NULL REFERENCES prioritisation_runs(id) ON DELETE CASCADE,
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      PRIMARY KEY (run_id, organisation_id)
    )`.execute(db);

  await sql`
    CREATE TABLE long_list_items (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      run_id uuid NOT NULL REFERENCES prioritisation_runs(id) ON DELETE CASCADE,
      service_id uuid REFERENCES services(id),
      local_name text,
      local_description text,
      is_short_listed boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((service_id IS NULL) <> (local_name IS NULL))
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX long_list_items_service_idx ON long_list_items (run_id, service_id) WHERE service_id IS NOT NULL`.execute(
    db,
  );
  await sql`CREATE UNIQUE INDEX long_list_items_local_idx ON long_list_items (run_id, lower(local_name)) WHERE local_name IS NOT NULL`.execute(
    db,
  );

  await sql`
    CREATE TABLE stakeholder_responses (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      item_id uuid NOT NULL REFERENCES long_list_items(id) ON DELETE CASCADE,
      stakeholder_group text NOT NULL CHECK (length(stakeholder_group) BETWEEN 1 AND 200),
      priority text NOT NULL CHECK (priority IN ('high', 'mid', 'low')),
      benefits text NOT NULL DEFAULT '',
      comment text NOT NULL DEFAULT '',
      source text NOT NULL DEFAULT 'form' CHECK (source IN ('form', 'csv')),
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX stakeholder_responses_item_idx ON stakeholder_responses (item_id)`.execute(db);

  await sql`
    CREATE TABLE prioritisation_criteria (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      run_id uuid NOT NULL REFERENCES prioritisation_runs(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('prioritisation', 'benefits')),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      description text NOT NULL DEFAULT '',
      weight integer NOT NULL CHECK (weight BETWEEN 1 AND 100),
      position integer NOT NULL DEFAULT 0
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX prioritisation_criteria_name_idx ON prioritisation_criteria (run_id, lower(name))`.execute(db);

  await sql`
    CREATE TABLE prioritisation_scores (
      item_id uuid NOT NULL REFERENCES long_list_items(id) ON DELETE CASCADE,
      criterion_id uuid NOT NULL REFERENCES prioritisation_criteria(id) ON DELETE CASCADE,
      score integer NOT NULL CHECK (score BETWEEN 0 AND 5),
      PRIMARY KEY (item_id, criterion_id)
    )`.execute(db);

  await sql`
    CREATE TABLE milestones (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      run_id uuid NOT NULL REFERENCES prioritisation_runs(id) ON DELETE CASCADE,
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
      description text NOT NULL DEFAULT '',
      due_on date NOT NULL,
      status text NOT NULL DEFAULT 'not-started' CHECK (status IN ('not-started', 'in-progress', 'done')),
      completed_on date,
      position integer NOT NULL DEFAULT 0
    )`.execute(db);
  await sql`CREATE INDEX milestones_run_idx ON milestones (run_id, due_on)`.execute(db);
}
