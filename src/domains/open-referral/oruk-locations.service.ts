/** The feed's service_at_locations: each live listing at each open site, nearest first from a postcode within the area its offers cover. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { DomainError, isDomainError } from '../../lib/errors.ts';
import { distanceKm } from '../../lib/geo.ts';
import type { Deps } from '../deps.ts';
import { assertInEngland, commissionerAt } from '../directory/directory-search.ts';
import { SiteIndexRegistry } from '../directory/site-index.registry.ts';
import { lookupPlace, type Place } from '../reference/postcode.service.ts';
import { liveSiteKeys } from './open-referral-keys.repo.ts';
import { countLiveListingSites, liveListingSites, liveListings, type OrukSite } from './open-referral.repo.ts';
import { termsOfListings } from './listing-terms.ts';
import { fullLocationOf } from './location.oruk.ts';
import { liveFilterFor } from './open-referral.service.ts';
import { type OrukPage, orukPage, sliceFor } from './oruk-page.rules.ts';
import type { OrukQuery } from './oruk-query.rules.ts';
import { serviceAtLocationIdOf, serviceAtLocationOf } from './service.oruk.ts';

/** One nearest-site index per database, shared by every request (it rebuilds itself when sites change). */
const indexes = new WeakMap<Kysely<Database>, SiteIndexRegistry>();

function registryFor(db: Kysely<Database>): SiteIndexRegistry {
  const registry = indexes.get(db) ?? new SiteIndexRegistry(db);
  indexes.set(db, registry);
  return registry;
}

/** The place a postcode or district names; an unknown or closed one is a bad parameter (400), not a missing resource. */
async function placeOf(deps: Deps, postcode: string): Promise<Place> {
  try {
    return await lookupPlace(deps, postcode);
  } catch (error) {
    if (!isDomainError(error) || !['postcode-unknown', 'postcode-terminated', 'validation-failed'].includes(error.code)) throw error;
    throw new DomainError('validation-failed', error.message, { fieldErrors: [{ field: 'postcode', message: error.message }] });
  }
}

/** The AQP commissioner responsible for the place, or null when there is none on AQP (outside England, or no commissioner found). */
async function commissionerIdAt(deps: Deps, place: Place): Promise<string | null> {
  try {
    await assertInEngland(deps, place);
    return (await commissionerAt(deps, place)).id;
  } catch (error) {
    if (isDomainError(error) && ['validation-failed', 'organisation-unknown'].includes(error.code)) return null;
    throw error;
  }
}

/** The sites nearest first (within `proximity` metres when given) from the spatial index; a site opened since the index was built is measured directly. */
async function nearestFirst(deps: Deps, place: Place, sites: OrukSite[], proximity?: number): Promise<OrukSite[]> {
  const index = await registryFor(deps.db).index();
  const wanted = new Set(sites.map((site) => site.id));
  const maxKm = proximity === undefined ? undefined : proximity / 1000;
  const near = index.nearest(place, wanted.size, { ...(maxKm === undefined ? {} : { maxKm }), accept: (site) => wanted.has(site.siteId) });
  const distances = new Map(near.map((site) => [site.siteId, site.distanceKm]));
  for (const site of sites.filter((candidate) => !index.has(candidate.id))) {
    const km = distanceKm(place, site);
    if (maxKm === undefined || km <= maxKm) distances.set(site.id, km);
  }
  return sites.filter((site) => distances.has(site.id)).sort((a, b) => distances.get(a.id)! - distances.get(b.id)!);
}

/** Each site on the page with its live listing as a service, in a few queries for the whole page. */
async function withServices(deps: Deps, sites: OrukSite[], baseUrl: string) {
  const listings = await liveListings(deps.db, {
    today: deps.clock.today(),
    listingIds: [...new Set(sites.map((site) => site.listingId))],
  });
  const terms = await termsOfListings(deps, listings);
  const byId = new Map(listings.map((listing) => [listing.listingId, listing]));
  return sites.map((site) => serviceAtLocationOf(byId.get(site.listingId)!, site, terms.get(site.listingId)!, baseUrl));
}

type Entry = Awaited<ReturnType<typeof withServices>>[number];

/** Services at locations: by provider and site, or nearest first from `postcode` among the services whose area covers it. */
export async function orukServiceAtLocations(deps: Deps, query: OrukQuery, baseUrl: string): Promise<OrukPage<Entry>> {
  const filter = await liveFilterFor(deps, query);
  if (!query.postcode) {
    const window = { limit: query.perPage, offset: (query.page - 1) * query.perPage };
    const [total, sites] = await Promise.all([countLiveListingSites(deps.db, filter), liveListingSites(deps.db, filter, window)]);
    return orukPage(await withServices(deps, sites, baseUrl), total, query.page, query.perPage);
  }
  const place = await placeOf(deps, query.postcode);
  const commissionerId = await commissionerIdAt(deps, place);
  if (!commissionerId) return orukPage([], 0, query.page, query.perPage);
  const covered = await liveListingSites(deps.db, { ...filter, coveredCommissionerId: commissionerId });
  const ordered = await nearestFirst(deps, place, covered, query.proximity);
  return orukPage(
    await withServices(deps, sliceFor(ordered, query.page, query.perPage), baseUrl),
    ordered.length,
    query.page,
    query.perPage,
  );
}

/** One service at a location by its id, with its location (address, accessibility) and service; 404 unless the listing is live and the site open. */
export async function orukServiceAtLocation(deps: Deps, id: string, baseUrl: string): Promise<Entry> {
  const today = deps.clock.today();
  const key = (await liveSiteKeys(deps.db, today)).find(
    (candidate) =>
      serviceAtLocationIdOf(candidate, { siteCode: candidate.siteCode, name: candidate.siteName, provider: candidate.provider }) ===
      id.toLowerCase(),
  );
  const sites = key
    ? (await liveListingSites(deps.db, { today, listingIds: [key.listingId] })).filter((site) => site.id === key.siteId)
    : [];
  if (sites.length === 0) throw new DomainError('not-found', `There is no live service at a location with id ${id} in this feed`);
  const entry = (await withServices(deps, sites, baseUrl))[0]!;
  return { ...entry, location: fullLocationOf(sites[0]!) };
}
