/** Organisations as the ODS reference data describes them: one by code with its address, place and dates, and its parents one step at a time. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export interface OrganisationRef {
  odsCode: string | null;
  name: string;
  odsType: string | null;
}

export interface OrganisationDetail {
  id: string;
  odsCode: string | null;
  name: string;
  kind: string;
  odsType: string | null;
  address: string | null;
  postcode: string | null;
  latitude: number | null;
  longitude: number | null;
  geoPrecision: string | null;
  openDate: string | null;
  closeDate: string | null;
  status: string | null;
  regionCode: string | null;
  /** Nearest parent first. */
  parents: OrganisationRef[];
}

/** One organisation by its (upper-case) ODS code, without its parents, and the id of its direct parent. */
export async function findReferenceOrganisation(
  db: Kysely<Database>,
  odsCode: string,
): Promise<{ organisation: Omit<OrganisationDetail, 'parents'>; parentId: string | null } | undefined> {
  const row = await db.selectFrom('organisations').selectAll().where('ods_code', '=', odsCode).executeTakeFirst();
  if (!row) return undefined;
  const organisation = {
    id: row.id,
    odsCode: row.ods_code,
    name: row.name,
    kind: row.kind,
    odsType: row.ods_type,
    address: row.address,
    postcode: row.postcode,
    latitude: row.latitude,
    longitude: row.longitude,
    geoPrecision: row.geo_precision,
    openDate: row.open_date,
    closeDate: row.close_date,
    status: row.status,
    regionCode: row.region_code,
  };
  return { organisation, parentId: row.parent_id };
}

/** One parent organisation by id, and the id of its own parent, for walking up the chain. */
export async function findParentOrganisation(
  db: Kysely<Database>,
  id: string,
): Promise<{ parent: OrganisationRef; parentId: string | null } | undefined> {
  const row = await db
    .selectFrom('organisations')
    .select(['ods_code', 'name', 'ods_type', 'parent_id'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row && { parent: { odsCode: row.ods_code, name: row.name, odsType: row.ods_type }, parentId: row.parent_id };
}
