/** Postcode lookups: units, sectors and districts by their standard form. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { PostcodeRow } from './import/postcode-formats.ts';

/** A stored postcode has exactly the fields an imported row carries. */
export type PostcodeRecord = PostcodeRow;

export async function findPostcode(db: Kysely<Database>, postcode: string): Promise<PostcodeRecord | undefined> {
  const row = await db.selectFrom('postcodes').selectAll().where('postcode', '=', postcode).executeTakeFirst();
  return row && {
    postcode: row.postcode, latitude: row.latitude, longitude: row.longitude, countryCode: row.country_code,
    localAuthorityCode: row.local_authority_code, subIcbCode: row.sub_icb_code, terminatedOn: row.terminated_on,
  };
}

export async function findDistrict(db: Kysely<Database>, district: string) {
  return db.selectFrom('postcode_districts').selectAll().where('district', '=', district).executeTakeFirst();
}

/** How many live postcodes of a district each sub-ICB holds, largest first (empty until the ONS Postcode Directory is imported). */
export async function subIcbCountsInDistrict(db: Kysely<Database>, district: string): Promise<{ subIcbCode: string; postcodes: number }[]> {
  const rows = await db.selectFrom('postcodes').select(['sub_icb_code', (eb) => eb.fn.countAll<number>().as('count')])
    .where('postcode', 'like', `${district} %`).where('terminated_on', 'is', null).where('sub_icb_code', 'is not', null)
    .groupBy('sub_icb_code').orderBy('count', 'desc').orderBy('sub_icb_code').execute();
  return rows.map((row) => ({ subIcbCode: row.sub_icb_code!, postcodes: Number(row.count) }));
}

export async function countPostcodes(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('postcodes').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Adds postcodes that are not there yet (never changing one that is), so a demo can run before the reference data is imported. */
export async function ensurePostcodes(db: Kysely<Database>, postcodes: { postcode: string; latitude: number; longitude: number }[]): Promise<void> {
  if (postcodes.length === 0) return;
  await db.insertInto('postcodes').values(postcodes.map((row) => ({ ...row, country_code: 'E92000001' }))).onConflict((oc) => oc.column('postcode').doNothing()).execute();
}
