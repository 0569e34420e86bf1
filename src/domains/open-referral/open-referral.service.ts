/** The Open Referral UK feed (HSDS-UK-3.0, issue #16): AQP's live listings as services, read-only open data for directories. */
import { DomainError } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import { directoryCacheFor } from '../directory/directory-cache.ts';
import { servicesInDirectory } from '../directory/directory.service.ts';
import { liveListingKeys } from './open-referral-keys.repo.ts';
import { countLiveListings, type LiveFilter, liveListingSites, liveListings, type OrukListing } from './open-referral.repo.ts';
import { termsOfListings } from './listing-terms.ts';
import { catalogueTaxonomyUuid, taxonomyTermUuid } from './oruk-ids.rules.ts';
import { type OrukPage, orukPage } from './oruk-page.rules.ts';
import type { OrukQuery } from './oruk-query.rules.ts';
import { fullServiceOf, serviceIdOf, serviceOf } from './service.oruk.ts';
import { taxonomyTermOf } from './taxonomy.oruk.ts';

/** The feed's `GET /` answer: the version the ORUK validator reads to pick the 3.0 rules (it falls back to 1.0 without it). */
export function orukAbout(baseUrl: string) {
  return {
    version: 'HSDS-UK-3.0',
    profile: 'https://openreferraluk.org/',
    openapi_url: 'https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/openapi.json',
    aqp_feed: `${baseUrl}/openreferral`,
  };
}

/** The catalogue services a taxonomy filter names; undefined when the query has none, empty when it names nothing of ours. */
export async function serviceCodesFor(deps: Deps, query: Pick<OrukQuery, 'taxonomyId' | 'taxonomyTermId'>): Promise<string[] | undefined> {
  if (!query.taxonomyId && !query.taxonomyTermId) return undefined;
  if (query.taxonomyId && query.taxonomyId !== catalogueTaxonomyUuid()) return [];
  const codes = (await servicesInDirectory(deps)).map((service) => service.code);
  return codes.filter((code) => !query.taxonomyTermId || taxonomyTermUuid(code) === query.taxonomyTermId);
}

/** The live-listing filter a services or service_at_locations query asks for. */
export async function liveFilterFor(deps: Deps, query: OrukQuery): Promise<LiveFilter> {
  const serviceCodes = await serviceCodesFor(deps, query);
  return { today: deps.clock.today(), ...(serviceCodes ? { serviceCodes } : {}), ...(query.search ? { search: query.search } : {}) };
}

/** Services with their one-to-one fields, by service name then provider. */
export async function orukServices(deps: Deps, query: OrukQuery, baseUrl: string): Promise<OrukPage<ReturnType<typeof serviceOf>>> {
  const filter = await liveFilterFor(deps, query);
  const [total, listings] = await Promise.all([
    countLiveListings(deps.db, filter),
    liveListings(deps.db, filter, { limit: query.perPage, offset: (query.page - 1) * query.perPage }),
  ]);
  const terms = await termsOfListings(deps, listings);
  return orukPage(
    listings.map((listing) => serviceOf(listing, terms.get(listing.listingId)!, baseUrl)),
    total,
    query.page,
    query.perPage,
  );
}

/** The live listing an ORUK service id names, or a 404 (a suspended or withdrawn listing is not in the feed at all). */
/** Each live service's feed id with its listing, worked out once per node and day and again when listings change (decision 0068). */
function listingIdsByServiceId(deps: Deps): Promise<Map<string, string>> {
  const today = deps.clock.today();
  return directoryCacheFor<Map<string, string>>(deps.db).answer(`oruk-service-ids|${today}`, async () => ({
    answer: new Map((await liveListingKeys(deps.db, today)).map((key) => [serviceIdOf(key), key.listingId])),
    versions: new Map(),
  }));
}

export async function listingForServiceId(deps: Deps, id: string): Promise<OrukListing> {
  const listingId = (await listingIdsByServiceId(deps)).get(id.toLowerCase());
  const [listing] = listingId ? await liveListings(deps.db, { today: deps.clock.today(), listingIds: [listingId] }) : [];
  if (!listing) throw new DomainError('not-found', `There is no live service with id ${id} in this feed`);
  return listing;
}

/** A fully nested service: areas, sites with addresses and opening hours, funding, catalogue term and the organization's identifiers. */
export async function orukService(deps: Deps, id: string, baseUrl: string) {
  const listing = await listingForServiceId(deps, id);
  const [sites, terms, services] = await Promise.all([
    liveListingSites(deps.db, { today: deps.clock.today(), listingIds: [listing.listingId] }),
    termsOfListings(deps, [listing]),
    servicesInDirectory(deps),
  ]);
  const service = services.find((candidate) => candidate.code === listing.serviceCode)!;
  return fullServiceOf(listing, sites, terms.get(listing.listingId)!, taxonomyTermOf(service, baseUrl), baseUrl);
}
