/** Regional assessment (PRODUCT.md §3.2) of services a commissioner proposes that are not on the national list. */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE local_service_proposals (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      proposing_organisation_id uuid NOT NULL REFERENCES organisations(id),
      region_organisation_id uuid NOT NULL REFERENCES organisations(id),
      long_list_item_id uuid REFERENCES long_list_items(id) ON DELETE SET NULL,
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      description text NOT NULL,
      rationale text NOT NULL,
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'approved', 'rejected')),
      submitted_at timestamptz,
      submitted_by_user_id uuid REFERENCES users(id),
      decided_at timestamptz,
      decided_by_user_id uuid REFERENCES users(id),
      decision_reasons text,
      created_by_user_id uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX local_service_proposals_region_idx ON local_service_proposals (region_organisation_id, status)`.execute(db);
  await sql`CREATE INDEX local_service_proposals_proposer_idx ON local_service_proposals (proposing_organisation_id)`.execute(db);

  await sql`
    CREATE TABLE proposal_assessments (
      proposal_id uuid NOT NULL REFERENCES local_service_proposals(id) ON DELETE CASCADE,
      criterion text NOT NULL,
      is_met boolean NOT NULL,
      note text NOT NULL,
      assessed_by_user_id uuid REFERENCES users(id),
      assessed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (proposal_id, criterion)
    )`.execute(db);
}
