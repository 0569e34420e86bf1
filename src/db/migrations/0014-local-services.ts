/** Local services (docs/decisions/0028-local-service-offers.md): an approved local proposal becomes a catalogue entry owned by its commissioner, off the national list, with its own packs. */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE services
      ADD COLUMN local_proposal_id uuid UNIQUE REFERENCES local_service_proposals(id),
      ADD COLUMN owner_organisation_id uuid REFERENCES organisations(id)`.execute(db);
  await sql`ALTER TABLE services DROP CONSTRAINT services_phase_check`.execute(db);
  await sql`
    ALTER TABLE services
      ADD CONSTRAINT services_phase_check CHECK (phase IN ('2012-13-priority', '2013-14-candidate', 'wider-list', 'local')),
      ADD CONSTRAINT services_local_check CHECK ((phase = 'local') = (local_proposal_id IS NOT NULL) AND (local_proposal_id IS NULL) = (owner_organisation_id IS NULL))`.execute(
    db,
  );
  await sql`ALTER TABLE services DROP CONSTRAINT services_name_key`.execute(db);
  await sql`CREATE UNIQUE INDEX services_national_name_idx ON services (name) WHERE local_proposal_id IS NULL`.execute(db);
  await sql`CREATE INDEX services_owner_idx ON services (owner_organisation_id) WHERE owner_organisation_id IS NOT NULL`.execute(db);
}
