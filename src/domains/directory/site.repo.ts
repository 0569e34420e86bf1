/** Provider sites: where care is given, placed at a real postcode. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Executor } from '../../db/executor.ts';
import type { IndexedSite } from './site-index.ts';

export interface NewSite {
  organisationId: string;
  name: string;
  siteCode?: string | null;
  address?: string | null;
  postcode: string;
  latitude: number;
  longitude: number;
}

/** Adds a site, or updates the organisation's site of the same name (so seeding twice changes nothing). */
export async function upsertSite(db: Executor, site: NewSite): Promise<string> {
  const values = {
    organisation_id: site.organisationId,
    name: site.name,
    site_code: site.siteCode ?? null,
    address: site.address ?? null,
    postcode: site.postcode,
    latitude: site.latitude,
    longitude: site.longitude,
  };
  const row = await db
    .insertInto('sites')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['organisation_id', 'name']).doUpdateSet({
        site_code: values.site_code,
        address: values.address,
        postcode: values.postcode,
        latitude: values.latitude,
        longitude: values.longitude,
      }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Every open site with its coordinates, for building the spatial index. */
export async function openSitesForIndex(db: Kysely<Database>): Promise<IndexedSite[]> {
  const rows = await db
    .selectFrom('sites')
    .select(['id', 'organisation_id', 'latitude', 'longitude'])
    .where('closed_on', 'is', null)
    .execute();
  return rows.map((row) => ({ siteId: row.id, organisationId: row.organisation_id, latitude: row.latitude, longitude: row.longitude }));
}

export interface SiteView {
  id: string;
  name: string;
  postcode: string;
  latitude: number;
  longitude: number;
  organisationName: string;
}

/** An organisation's open sites, by name, with their coordinates and its name, for the platform administrator's organisation page. */
export async function sitesOf(db: Kysely<Database>, organisationId: string): Promise<SiteView[]> {
  const rows = await db
    .selectFrom('sites as s')
    .innerJoin('organisations as o', 'o.id', 's.organisation_id')
    .select(['s.id', 's.name', 's.postcode', 's.latitude', 's.longitude', 'o.name as organisation_name'])
    .where('s.organisation_id', '=', organisationId)
    .where('s.closed_on', 'is', null)
    .orderBy('s.name')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    postcode: row.postcode,
    latitude: row.latitude,
    longitude: row.longitude,
    organisationName: row.organisation_name,
  }));
}
