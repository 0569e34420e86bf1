/** Queries the ODS importers run beside the batched upsert: parents by code, what is already stored, and practice coordinates. */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../../db/schema.ts';

export interface StoredOrganisationPlace {
  odsCode: string;
  closeDate: string | null;
  postcode: string | null;
  latitude: number | null;
  longitude: number | null;
  geoPrecision: string | null;
}

export interface PracticeCoordinates {
  codes: string[];
  latitudes: number[];
  longitudes: number[];
  precisions: string[];
}

/** The ids of the organisations with these ODS codes, by code, to link children to their parents. */
export async function organisationIdsByOdsCode(db: Kysely<Database>, odsCodes: string[]): Promise<Map<string, string>> {
  if (odsCodes.length === 0) return new Map();
  const rows = await db.selectFrom('organisations').select(['ods_code', 'id']).where('ods_code', 'in', odsCodes).execute();
  return new Map(rows.map((row) => [row.ods_code!, row.id]));
}

/** Whether each already stored organisation was open, and where it was placed, so an import can count closures and keep better coordinates. */
export async function storedPlacesOf(db: Kysely<Database>, odsCodes: string[]): Promise<StoredOrganisationPlace[]> {
  const rows = await db
    .selectFrom('organisations')
    .select(['ods_code', 'close_date', 'postcode', 'latitude', 'longitude', 'geo_precision'])
    .where('ods_code', 'in', odsCodes)
    .execute();
  return rows.map((row) => ({
    odsCode: row.ods_code!,
    closeDate: row.close_date,
    postcode: row.postcode,
    latitude: row.latitude,
    longitude: row.longitude,
    geoPrecision: row.geo_precision,
  }));
}

/** Sets GP practices' published coordinates where they differ from those stored; returns how many practices changed. */
export async function updatePracticeCoordinates(db: Kysely<Database>, places: PracticeCoordinates): Promise<number> {
  const updated = await sql<{ ods_code: string }>`
    UPDATE organisations o SET latitude = g.latitude, longitude = g.longitude, geo_precision = g.precision
    FROM unnest(${places.codes}::text[], ${places.latitudes}::float8[], ${places.longitudes}::float8[], ${places.precisions}::text[]) AS g(code, latitude, longitude, precision)
    WHERE o.ods_code = g.code AND o.ods_type = 'gp-practice'
      AND (o.latitude, o.longitude, o.geo_precision) IS DISTINCT FROM (g.latitude, g.longitude, g.precision)
    RETURNING o.ods_code`.execute(db);
  return updated.rows.length;
}

/** How many of these ODS codes the platform holds (of any kind). */
export async function countKnownOdsCodes(db: Kysely<Database>, odsCodes: string[]): Promise<number> {
  const known = await db
    .selectFrom('organisations')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('ods_code', 'in', odsCodes.length ? odsCodes : [''])
    .executeTakeFirstOrThrow();
  return Number(known.count);
}
