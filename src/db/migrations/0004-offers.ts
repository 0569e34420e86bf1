/** Commissioners' AQP offers: the adopted pack version, local amendments, protocol versions, price schedules, coverage and status history. */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE offers (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      number integer GENERATED ALWAYS AS IDENTITY UNIQUE,
      lead_organisation_id uuid NOT NULL REFERENCES organisations(id),
      service_id uuid NOT NULL REFERENCES services(id),
      pack_id uuid NOT NULL REFERENCES implementation_packs(id),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
      summary text NOT NULL DEFAULT '',
      amendments jsonb NOT NULL DEFAULT '[]',
      contract_start date,
      contract_end date,
      window_kind text NOT NULL DEFAULT 'rolling' CHECK (window_kind IN ('fixed', 'rolling')),
      window_opens date,
      window_closes date,
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'open', 'closed', 'withdrawn')),
      created_by_user_id uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (contract_end IS NULL OR contract_start IS NULL OR contract_end > contract_start),
      CHECK (window_closes IS NULL OR window_opens IS NULL OR window_closes >= window_opens)
    )`.execute(db);
  await sql`CREATE INDEX offers_service_status_idx ON offers (service_id, status)`.execute(db);
  await sql`CREATE INDEX offers_lead_idx ON offers (lead_organisation_id)`.execute(db);

  await sql`
    CREATE TABLE offer_commissioners (
      offer_id uuid NOT NULL REFERENCES offers(id) ON DELETE CASCADE,
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      PRIMARY KEY (offer_id, organisation_id)
    )`.execute(db);
  await sql`CREATE INDEX offer_commissioners_organisation_idx ON offer_commissioners (organisation_id)`.execute(db);

  await sql`
    CREATE TABLE offer_protocols (
      offer_id uuid NOT NULL REFERENCES offers(id) ON DELETE CASCADE,
      version integer NOT NULL CHECK (version > 0),
      content jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      created_by_user_id uuid REFERENCES users(id),
      PRIMARY KEY (offer_id, version)
    )`.execute(db);

  await sql`
    CREATE TABLE offer_prices (
      offer_id uuid NOT NULL REFERENCES offers(id) ON DELETE CASCADE,
      effective_from date NOT NULL,
      complexity_band text NOT NULL,
      price_pence integer NOT NULL CHECK (price_pence > 0),
      created_at timestamptz NOT NULL DEFAULT now(),
      created_by_user_id uuid REFERENCES users(id),
      PRIMARY KEY (offer_id, effective_from, complexity_band)
    )`.execute(db);

  await sql`
    CREATE TABLE offer_status_history (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      offer_id uuid NOT NULL REFERENCES offers(id) ON DELETE CASCADE,
      from_status text,
      to_status text NOT NULL,
      reason text NOT NULL DEFAULT '',
      changed_at timestamptz NOT NULL DEFAULT now(),
      changed_by_user_id uuid REFERENCES users(id),
      changed_by_api_key_id uuid REFERENCES api_keys(id)
    )`.execute(db);
  await sql`CREATE INDEX offer_status_history_offer_idx ON offer_status_history (offer_id, changed_at)`.execute(db);
}
