/** Real geography and NHS organisations: postcodes, districts, sectors, ODS fields on organisations, sites and import runs. */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE organisations
      ADD COLUMN ods_type text,
      ADD COLUMN address text,
      ADD COLUMN latitude double precision,
      ADD COLUMN longitude double precision,
      ADD COLUMN geo_precision text,
      ADD COLUMN open_date date,
      ADD COLUMN close_date date,
      ADD COLUMN region_code text,
      ADD COLUMN prescribing_setting integer,
      ADD COLUMN status text`.execute(db);
  await sql`CREATE INDEX organisations_ods_type_idx ON organisations (ods_type, kind)`.execute(db);
  await sql`CREATE INDEX organisations_postcode_idx ON organisations (postcode)`.execute(db);

  await sql`
    CREATE TABLE postcodes (
      postcode text COLLATE "C" PRIMARY KEY,
      latitude double precision NOT NULL,
      longitude double precision NOT NULL,
      country_code text,
      local_authority_code text,
      sub_icb_code text,
      terminated_on date
    )`.execute(db);

  await sql`
    CREATE TABLE postcode_districts (
      district text COLLATE "C" PRIMARY KEY,
      latitude double precision NOT NULL,
      longitude double precision NOT NULL,
      postcode_count integer NOT NULL,
      country text,
      local_authority_code text,
      local_authority_name text
    )`.execute(db);

  await sql`
    CREATE TABLE postcode_sectors (
      sector text COLLATE "C" PRIMARY KEY,
      district text COLLATE "C" NOT NULL,
      latitude double precision NOT NULL,
      longitude double precision NOT NULL,
      postcode_count integer NOT NULL
    )`.execute(db);

  await sql`
    CREATE TABLE sites (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      site_code text,
      name text NOT NULL,
      address text,
      postcode text NOT NULL,
      latitude double precision NOT NULL,
      longitude double precision NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      closed_on date,
      UNIQUE (organisation_id, name)
    )`.execute(db);
  await sql`CREATE INDEX sites_organisation_idx ON sites (organisation_id)`.execute(db);

  await sql`
    CREATE TABLE import_runs (
      id bigserial PRIMARY KEY,
      dataset text NOT NULL,
      source_file text NOT NULL,
      format text NOT NULL,
      started_at timestamptz NOT NULL,
      finished_at timestamptz,
      rows_read integer NOT NULL DEFAULT 0,
      inserted integer NOT NULL DEFAULT 0,
      updated integer NOT NULL DEFAULT 0,
      closed integer NOT NULL DEFAULT 0,
      unchanged integer NOT NULL DEFAULT 0,
      skipped integer NOT NULL DEFAULT 0,
      rejected integer NOT NULL DEFAULT 0,
      rejections jsonb NOT NULL DEFAULT '[]'::jsonb,
      outcome text NOT NULL DEFAULT 'running' CHECK (outcome IN ('running', 'succeeded', 'failed'))
    )`.execute(db);
  await sql`CREATE INDEX import_runs_dataset_idx ON import_runs (dataset, started_at DESC)`.execute(db);
}
