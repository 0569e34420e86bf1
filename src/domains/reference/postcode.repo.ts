/** Postcode lookups: units, sectors and districts by their standard form. */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { PostcodeRow } from './import/postcode-formats.ts';

/** A stored postcode has exactly the fields an imported row carries. */
export type PostcodeRecord = PostcodeRow;

/** A postcode unit in its standard form, terminated or not (the caller reads `terminatedOn`). */
export async function findPostcode(db: Kysely<Database>, postcode: string): Promise<PostcodeRecord | undefined> {
  const row = await db.selectFrom('postcodes').selectAll().where('postcode', '=', postcode).executeTakeFirst();
  return (
    row && {
      postcode: row.postcode,
      latitude: row.latitude,
      longitude: row.longitude,
      countryCode: row.country_code,
      localAuthorityCode: row.local_authority_code,
      subIcbCode: row.sub_icb_code,
      terminatedOn: row.terminated_on,
    }
  );
}

/** A postcode district in its standard form ("LS1") with its centre and country, for searches by district. */
export async function findDistrict(db: Kysely<Database>, district: string) {
  return db.selectFrom('postcode_districts').selectAll().where('district', '=', district).executeTakeFirst();
}

/** How many live postcodes of a district each sub-ICB holds, largest first (empty until the ONS Postcode Directory is imported). */
export async function subIcbCountsInDistrict(db: Kysely<Database>, district: string): Promise<{ subIcbCode: string; postcodes: number }[]> {
  const rows = await db
    .selectFrom('postcodes')
    .select(['sub_icb_code', (eb) => eb.fn.countAll<number>().as('count')])
    .where('postcode', 'like', `${district} %`)
    .where('terminated_on', 'is', null)
    .where('sub_icb_code', 'is not', null)
    .groupBy('sub_icb_code')
    .orderBy('count', 'desc')
    .orderBy('sub_icb_code')
    .execute();
  return rows.map((row) => ({ subIcbCode: row.sub_icb_code!, postcodes: Number(row.count) }));
}

/** How many postcodes are loaded: none means the ONS Postcode Directory has not been imported yet. */
export async function countPostcodes(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('postcodes')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Adds postcodes that are not there yet (never changing one that is), so a demo can run before the reference data is imported. */
export async function ensurePostcodes(
  db: Kysely<Database>,
  postcodes: { postcode: string; latitude: number; longitude: number }[],
): Promise<void> {
  if (postcodes.length === 0) return;
  await db
    .insertInto('postcodes')
    .values(postcodes.map((row) => ({ ...row, country_code: 'E92000001' })))
    .onConflict((oc) => oc.column('postcode').doNothing())
    .execute();
}

/** Coordinates of postcode units by their standard form, for placing many organisations at once. */
export async function unitCoordinatesOf(
  db: Kysely<Database>,
  postcodes: string[],
): Promise<{ postcode: string; latitude: number; longitude: number }[]> {
  return db.selectFrom('postcodes').select(['postcode', 'latitude', 'longitude']).where('postcode', 'in', postcodes).execute();
}

/** Centres of postcode sectors ("LS1 4"), the fallback for a unit not in the postcode data. */
export async function sectorCentresOf(
  db: Kysely<Database>,
  sectors: string[],
): Promise<{ sector: string; latitude: number; longitude: number }[]> {
  return db.selectFrom('postcode_sectors').select(['sector', 'latitude', 'longitude']).where('sector', 'in', sectors).execute();
}

/** Centres of postcode districts ("LS1"), the last fallback when the sector is missing too. */
export async function districtCentresOf(
  db: Kysely<Database>,
  districts: string[],
): Promise<{ district: string; latitude: number; longitude: number }[]> {
  return db.selectFrom('postcode_districts').select(['district', 'latitude', 'longitude']).where('district', 'in', districts).execute();
}

/** Closes (never deletes) the open postcodes in a key range of a sorted file that the file no longer lists; returns how many. */
export async function closePostcodesMissingFrom(
  db: Kysely<Database>,
  range: { from: string; inclusive: boolean; to: string },
  listed: string[],
  on: string,
): Promise<number> {
  const closed = await sql<{ postcode: string }>`
    UPDATE postcodes SET terminated_on = ${on}::date
    WHERE postcode ${sql.raw(range.inclusive ? '>=' : '>')} ${range.from} AND postcode <= ${range.to}
      AND terminated_on IS NULL AND NOT (postcode = ANY(${listed}::text[]))
    RETURNING postcode`.execute(db);
  return closed.rows.length;
}
