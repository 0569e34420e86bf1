/** Test builders for the directory: postcodes in a commissioner's area as the ONS Postcode Directory records them, district centres and a Scottish postcode from shared/data. */
import type { Deps } from '../../src/domains/deps.ts';

/** District centres as in ../shared/data/postcode_districts.csv (Code-Point Open 2025.4.0). */
export const REAL_DISTRICTS: Record<string, { latitude: number; longitude: number; postcode_count: number; country: string }> = {
  HX6: { latitude: 53.69679, longitude: -1.92745, postcode_count: 792, country: 'England' },
  OL14: { latitude: 53.7144, longitude: -2.10109, postcode_count: 788, country: 'England' },
  EH1: { latitude: 55.95078, longitude: -3.19292, postcode_count: 324, country: 'Scotland' },
};

/** Marks the commissioner as a sub-ICB location and records each postcode as in its area, as an ONS Postcode Directory import would. */
export async function inCommissionerArea(deps: Deps, subIcbOdsCode: string, postcodes: string[]): Promise<void> {
  await deps.db.updateTable('organisations').set({ ods_type: 'sub-icb' }).where('ods_code', '=', subIcbOdsCode).execute();
  await deps.db.updateTable('postcodes').set({ sub_icb_code: subIcbOdsCode }).where('postcode', 'in', postcodes).execute();
}

/** Imports the named district centres. */
export async function placeDistricts(deps: Deps, districts: string[] = Object.keys(REAL_DISTRICTS)): Promise<void> {
  await deps.db
    .insertInto('postcode_districts')
    .values(districts.map((district) => ({ district, ...REAL_DISTRICTS[district]! })))
    .onConflict((oc) => oc.column('district').doNothing())
    .execute();
}

/** A real Edinburgh postcode (Code-Point Open 2025.4.0), outside every English commissioner. */
export async function placeScottishPostcode(deps: Deps): Promise<string> {
  await deps.db
    .insertInto('postcodes')
    .values({ postcode: 'EH1 1YZ', latitude: 55.95033, longitude: -3.19302, country_code: 'S92000003' })
    .onConflict((oc) => oc.column('postcode').doNothing())
    .execute();
  return 'EH1 1YZ';
}

/** The districts of the demo sub-ICB locations' offices with their local authorities (postcode_districts.csv), so each is named by its area. */
export async function nameDemoAreas(deps: Deps): Promise<void> {
  const offices = [
    {
      district: 'HX1',
      latitude: 53.72101,
      longitude: -1.87182,
      postcode_count: 901,
      country: 'England',
      local_authority_code: 'E08000033',
      local_authority_name: 'Calderdale',
    },
    {
      district: 'HD1',
      latitude: 53.64685,
      longitude: -1.78902,
      postcode_count: 843,
      country: 'England',
      local_authority_code: 'E08000034',
      local_authority_name: 'Kirklees',
    },
    {
      district: 'WF1',
      latitude: 53.68752,
      longitude: -1.4934,
      postcode_count: 1257,
      country: 'England',
      local_authority_code: 'E08000036',
      local_authority_name: 'Wakefield',
    },
  ];
  await deps.db
    .insertInto('postcode_districts')
    .values(offices)
    .onConflict((oc) => oc.column('district').doNothing())
    .execute();
  await deps.db.updateTable('organisations').set({ ods_type: 'sub-icb' }).where('ods_code', 'in', ['02T', 'X2C4Y', '03R']).execute();
}
