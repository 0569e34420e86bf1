/** Queries behind a provider choosing its sites per listing (issue #12 item 11): its open sites, which deliver the listing, and the links between them. */
import type { Executor } from '../../db/executor.ts';

export interface SiteChoice {
  id: string;
  name: string;
  postcode: string;
}

/** The provider's open sites, by name. */
export async function openSitesOf(db: Executor, providerOrganisationId: string): Promise<SiteChoice[]> {
  return db
    .selectFrom('sites')
    .select(['id', 'name', 'postcode'])
    .where('organisation_id', '=', providerOrganisationId)
    .where('closed_on', 'is', null)
    .orderBy('name')
    .execute();
}

/** The ids of the open sites delivering a listing (a closed site still linked delivers nothing). */
export async function openSiteIdsOfListing(db: Executor, listingId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('listing_sites as ls')
    .innerJoin('sites as s', 's.id', 'ls.site_id')
    .select('s.id')
    .where('ls.listing_id', '=', listingId)
    .where('s.closed_on', 'is', null)
    .execute();
  return rows.map((row) => row.id);
}

/** True when the site is linked to the listing, open or not. */
export async function isLinked(db: Executor, listingId: string, siteId: string): Promise<boolean> {
  return Boolean(
    await db
      .selectFrom('listing_sites')
      .select('site_id')
      .where('listing_id', '=', listingId)
      .where('site_id', '=', siteId)
      .executeTakeFirst(),
  );
}

/** Makes a site deliver a listing; linking it twice changes nothing. */
export async function linkSite(db: Executor, listingId: string, siteId: string): Promise<void> {
  await db
    .insertInto('listing_sites')
    .values({ listing_id: listingId, site_id: siteId })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Stops a site delivering a listing; the caller keeps at least one open site delivering it. */
export async function unlinkSite(db: Executor, listingId: string, siteId: string): Promise<void> {
  await db.deleteFrom('listing_sites').where('listing_id', '=', listingId).where('site_id', '=', siteId).execute();
}

/** A site's name and postcode, whoever owns it. */
export async function siteNamed(db: Executor, siteId: string): Promise<SiteChoice | undefined> {
  return db.selectFrom('sites').select(['id', 'name', 'postcode']).where('id', '=', siteId).executeTakeFirst();
}

/** An organisation's name, for notices. */
export async function organisationNameOf(db: Executor, organisationId: string): Promise<string> {
  return (await db.selectFrom('organisations').select('name').where('id', '=', organisationId).executeTakeFirstOrThrow()).name;
}

/** A listing's status and contract end as delivered from one open site, read under a share lock so a suspension cannot slip in between; undefined when the listing no longer delivers from that site. */
export async function listingAtOpenSiteForShare(
  db: Executor,
  listingId: string,
  siteId: string,
): Promise<{ status: string; contractEnd: string | null } | undefined> {
  const row = await db
    .selectFrom('listings as l')
    .innerJoin('listing_sites as ls', 'ls.listing_id', 'l.id')
    .innerJoin('sites as s', 's.id', 'ls.site_id')
    .select(['l.status', 'l.contract_end'])
    .where('l.id', '=', listingId)
    .where('s.id', '=', siteId)
    .where('s.closed_on', 'is', null)
    .forShare('l')
    .executeTakeFirst();
  return row && { status: row.status, contractEnd: row.contract_end };
}
