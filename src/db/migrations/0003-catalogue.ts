/** The national service catalogue and versioned implementation packs. */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE services (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      code text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
      name text NOT NULL UNIQUE,
      category text NOT NULL,
      phase text NOT NULL CHECK (phase IN ('2012-13-priority', '2013-14-candidate', 'wider-list')),
      definition text NOT NULL,
      national_eligibility text,
      source_url text,
      is_retired boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX services_phase_idx ON services (phase, name)`.execute(db);

  await sql`
    CREATE TABLE implementation_packs (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      service_id uuid NOT NULL REFERENCES services(id),
      version integer NOT NULL CHECK (version > 0),
      content jsonb NOT NULL,
      published_at timestamptz NOT NULL DEFAULT now(),
      published_by_user_id uuid REFERENCES users(id),
      change_note text NOT NULL,
      UNIQUE (service_id, version)
    )`.execute(db);
}
