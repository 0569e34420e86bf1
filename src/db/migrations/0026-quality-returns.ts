/**
 * Quality returns (issue #15 item 4; decision 0055): what the platform cannot see for itself (complaints, serious
 * incidents, patient-reported outcomes) returned by each provider on an offer once a quarter. The offer may define the
 * items; each return keeps a copy of the items it answered, its due day and whether it came late.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE offers ADD COLUMN quality_return_items jsonb`.execute(db);
  await sql`
    CREATE TABLE quality_returns (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      listing_id uuid NOT NULL REFERENCES listings(id),
      offer_id uuid NOT NULL REFERENCES offers(id),
      provider_organisation_id uuid NOT NULL REFERENCES organisations(id),
      quarter text NOT NULL CHECK (quarter ~ '^[0-9]{4}-[0-9]{2}-Q[1-4]$'),
      items jsonb NOT NULL,
      answers jsonb NOT NULL,
      due_on date NOT NULL,
      submitted_on date NOT NULL,
      submitted_at timestamptz NOT NULL,
      late boolean NOT NULL,
      version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
      submitted_by_user_id uuid REFERENCES users(id),
      submitted_by_api_key_id uuid REFERENCES api_keys(id),
      UNIQUE (listing_id, quarter)
    )`.execute(db);
  await sql`CREATE INDEX quality_returns_provider_idx ON quality_returns (provider_organisation_id, quarter)`.execute(db);
  await sql`CREATE INDEX quality_returns_offer_idx ON quality_returns (offer_id, quarter)`.execute(db);
}
