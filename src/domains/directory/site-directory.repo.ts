/** Reads of provider sites for the FHIR directory: by id, or all matching a site code, an organisation or a box around a point. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export interface DirectorySiteRecord {
  id: string;
  name: string;
  siteCode: string | null;
  address: string | null;
  postcode: string;
  latitude: number;
  longitude: number;
  phone: string | null;
  closedOn: string | null;
  organisation: { id: string; name: string };
}

export interface SiteCriteria {
  siteCode?: string;
  organisationId?: string;
  /** Only sites inside this latitude/longitude box (the caller then measures the true distance). */
  box?: { south: number; north: number; west: number; east: number };
  ids?: readonly string[];
}

function sitesQuery(db: Kysely<Database>, criteria: SiteCriteria) {
  let query = db
    .selectFrom('sites as s')
    .innerJoin('organisations as o', 'o.id', 's.organisation_id')
    .select(['s.id', 's.name', 's.site_code', 's.address', 's.postcode', 's.latitude', 's.longitude', 's.phone', 's.closed_on'])
    .select(['o.id as organisation_id', 'o.name as organisation_name']);
  if (criteria.siteCode !== undefined) query = query.where('s.site_code', '=', criteria.siteCode.toUpperCase());
  if (criteria.organisationId !== undefined) query = query.where('s.organisation_id', '=', criteria.organisationId);
  if (criteria.ids !== undefined) query = query.where('s.id', 'in', [...criteria.ids]);
  if (criteria.box) {
    const { south, north, west, east } = criteria.box;
    query = query.where('s.latitude', '>=', south).where('s.latitude', '<=', north).where('s.longitude', '>=', west).where('s.longitude', '<=', east);
  }
  return query;
}

/** Sites matching every criterion given, by name; a site's record says when it closed. */
export async function findDirectorySites(db: Kysely<Database>, criteria: SiteCriteria): Promise<DirectorySiteRecord[]> {
  if (criteria.ids?.length === 0) return [];
  const rows = await sitesQuery(db, criteria).orderBy('s.name').orderBy('s.id').execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    siteCode: row.site_code,
    address: row.address,
    postcode: row.postcode,
    latitude: row.latitude,
    longitude: row.longitude,
    phone: row.phone,
    closedOn: row.closed_on,
    organisation: { id: row.organisation_id, name: row.organisation_name },
  }));
}
