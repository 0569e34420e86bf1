/** Reads the AQP map from the offers tables: counted offers by commissioner, and every commissioner that is a row (docs/decisions/0012-aqp-map.md). */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { PracticeLocation } from './map-areas.rules.ts';
import { COUNTED_OFFER_STATUSES, type MapCommissioner, type MapService } from './map.rules.ts';

/** Each counted offer's coverage: one row per offer × commissioner covered. */
export async function countedCoverage(db: Kysely<Database>): Promise<{ organisationId: string; offerId: string; serviceCode: string }[]> {
  const rows = await db
    .selectFrom('offers as o')
    .innerJoin('offer_commissioners as oc', 'oc.offer_id', 'o.id')
    .innerJoin('services as s', 's.id', 'o.service_id')
    .select(['oc.organisation_id', 'o.id as offer_id', 's.code'])
    .where('o.status', 'in', COUNTED_OFFER_STATUSES)
    .execute();
  return rows.map((row) => ({ organisationId: row.organisation_id, offerId: row.offer_id, serviceCode: row.code }));
}

/** The commissioners that are rows: open sub-ICB locations and any organisation a counted offer covers, with their ICB and location. */
export async function mapCommissioners(db: Kysely<Database>): Promise<Omit<MapCommissioner, 'offers'>[]> {
  const covered = db
    .selectFrom('offer_commissioners as oc')
    .innerJoin('offers as o', 'o.id', 'oc.offer_id')
    .select('oc.organisation_id')
    .where('o.status', 'in', COUNTED_OFFER_STATUSES);
  const rows = await db
    .selectFrom('organisations as c')
    .leftJoin('organisations as parent', (join) => join.onRef('parent.id', '=', 'c.parent_id').on('parent.kind', '=', 'commissioner'))
    .leftJoin('postcodes as p', 'p.postcode', 'c.postcode')
    .select(['c.id', 'c.ods_code', 'c.name', 'parent.ods_code as icb_ods_code', 'parent.name as icb_name'])
    .select([
      sql<number | null>`coalesce(c.latitude, p.latitude)`.as('latitude'),
      sql<number | null>`coalesce(c.longitude, p.longitude)`.as('longitude'),
    ])
    .where((eb) => eb.or([eb.and([eb('c.ods_type', '=', 'sub-icb'), eb('c.close_date', 'is', null)]), eb('c.id', 'in', covered)]))
    .orderBy('c.name')
    .orderBy('c.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    odsCode: row.ods_code,
    name: row.name,
    icb: row.icb_name ? { odsCode: row.icb_ods_code, name: row.icb_name } : null,
    latitude: row.latitude === null ? null : Number(row.latitude),
    longitude: row.longitude === null ? null : Number(row.longitude),
  }));
}

/** Every service on the national list, then each local service with a counted offer, marked local (docs/decisions/0028-local-service-offers.md). */
export async function mapServices(db: Kysely<Database>): Promise<MapService[]> {
  const national = await db
    .selectFrom('services')
    .select(['code', 'name', 'public_name as publicName'])
    .where('local_proposal_id', 'is', null)
    .orderBy('name')
    .execute();
  const local = await db
    .selectFrom('services as s')
    .select(['s.code', 's.name', 's.public_name as publicName'])
    .where('s.local_proposal_id', 'is not', null)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('offers as o')
          .select(sql`1`.as('one'))
          .whereRef('o.service_id', '=', 's.id')
          .where('o.status', 'in', COUNTED_OFFER_STATUSES),
      ),
    )
    .orderBy('s.name')
    .execute();
  return [
    ...national.map((service) => ({ code: service.code, name: service.name, publicName: service.publicName ?? service.name })),
    ...local.map((service) => ({
      code: service.code,
      name: `${service.name} (local)`,
      publicName: `${service.publicName ?? service.name} (local)`,
    })),
  ];
}

/** Every open GP practice with a location (its own, else its postcode's), with the sub-ICB it belongs to and that sub-ICB's parent. */
export async function practiceLocations(db: Kysely<Database>): Promise<PracticeLocation[]> {
  const rows = await db
    .selectFrom('organisations as g')
    .innerJoin('organisations as s', 's.id', 'g.parent_id')
    .leftJoin('postcodes as p', 'p.postcode', 'g.postcode')
    .select(['s.id as sub_icb_id', 's.parent_id as icb_id'])
    .select([
      sql<number | null>`coalesce(g.latitude, p.latitude)`.as('latitude'),
      sql<number | null>`coalesce(g.longitude, p.longitude)`.as('longitude'),
    ])
    .where('g.kind', '=', 'gp-practice')
    .where('g.close_date', 'is', null)
    .execute();
  return rows
    .filter((row) => row.latitude !== null && row.longitude !== null)
    .map((row) => ({ subIcbId: row.sub_icb_id, icbId: row.icb_id, latitude: Number(row.latitude), longitude: Number(row.longitude) }));
}
