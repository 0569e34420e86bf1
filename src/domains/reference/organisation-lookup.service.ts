/** One organisation by ODS code with its chain of parents (practice → sub-ICB → ICB → region), for the API and admin pages. */
import { DomainError } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';

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

const MAX_DEPTH = 5;

export async function organisationByOdsCode(deps: Deps, odsCode: string): Promise<OrganisationDetail> {
  const code = odsCode.trim().toUpperCase();
  const row = await deps.db.selectFrom('organisations').selectAll().where('ods_code', '=', code).executeTakeFirst();
  if (!row) throw new DomainError('organisation-unknown', `There is no organisation with the ODS code ${code}.`, { odsCode: code });
  const parents: OrganisationRef[] = [];
  let parentId = row.parent_id;
  while (parentId && parents.length < MAX_DEPTH) {
    const parent = await deps.db.selectFrom('organisations').select(['ods_code', 'name', 'ods_type', 'parent_id']).where('id', '=', parentId).executeTakeFirst();
    if (!parent) break;
    parents.push({ odsCode: parent.ods_code, name: parent.name, odsType: parent.ods_type });
    parentId = parent.parent_id;
  }
  return {
    id: row.id, odsCode: row.ods_code, name: row.name, kind: row.kind, odsType: row.ods_type, address: row.address, postcode: row.postcode,
    latitude: row.latitude, longitude: row.longitude, geoPrecision: row.geo_precision, openDate: row.open_date, closeDate: row.close_date,
    status: row.status, regionCode: row.region_code, parents,
  };
}
