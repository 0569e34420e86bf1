/** Queries over the sites an application names: the provider's open sites to choose from, and the ones chosen. */
import type { Executor } from '../../db/executor.ts';

export interface ApplicationSite {
  id: string;
  name: string;
  siteCode: string | null;
  address: string | null;
  postcode: string;
}

/** The provider's sites still open on a date, by name: the choices for an application. */
export async function openSitesOfProvider(db: Executor, providerOrganisationId: string, today: string): Promise<ApplicationSite[]> {
  const rows = await db
    .selectFrom('sites')
    .select(['id', 'name', 'site_code', 'address', 'postcode'])
    .where('organisation_id', '=', providerOrganisationId)
    .where((eb) => eb.or([eb('closed_on', 'is', null), eb('closed_on', '>', today)]))
    .orderBy('name')
    .execute();
  return rows.map((row) => ({ id: row.id, name: row.name, siteCode: row.site_code, address: row.address, postcode: row.postcode }));
}

/** The sites an application names, by name. */
export async function sitesOfApplication(db: Executor, applicationId: string): Promise<ApplicationSite[]> {
  const rows = await db
    .selectFrom('application_sites as a')
    .innerJoin('sites as s', 's.id', 'a.site_id')
    .select(['s.id', 's.name', 's.site_code', 's.address', 's.postcode'])
    .where('a.application_id', '=', applicationId)
    .orderBy('s.name')
    .execute();
  return rows.map((row) => ({ id: row.id, name: row.name, siteCode: row.site_code, address: row.address, postcode: row.postcode }));
}

/** Makes the application name exactly these sites, dropping any it named before; the caller has checked they are the provider's open sites. */
export async function replaceApplicationSites(db: Executor, applicationId: string, siteIds: readonly string[]): Promise<void> {
  await db.deleteFrom('application_sites').where('application_id', '=', applicationId).execute();
  if (siteIds.length)
    await db
      .insertInto('application_sites')
      .values(siteIds.map((siteId) => ({ application_id: applicationId, site_id: siteId })))
      .execute();
}
