/** The feed's organizations (providers with a live listing) and its taxonomy (the national service catalogue). */
import { DomainError } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import { servicesInDirectory } from '../directory/directory.service.ts';
import { liveListingKeys } from './open-referral-keys.repo.ts';
import { liveListings } from './open-referral.repo.ts';
import { termsOfListings } from './listing-terms.ts';
import { catalogueTaxonomyUuid, organizationUuid } from './oruk-ids.rules.ts';
import { orukPage, sliceFor } from './oruk-page.rules.ts';
import type { OrukQuery } from './oruk-query.rules.ts';
import { organizationIdentifiersOf, organizationOf } from './organization.oruk.ts';
import { serviceOf } from './service.oruk.ts';
import { catalogueTaxonomy, taxonomyTermOf } from './taxonomy.oruk.ts';

/** The providers with at least one live listing, by name, each once. */
async function liveProviders(deps: Deps) {
  const keys = await liveListingKeys(deps.db, deps.clock.today());
  return [...new Map(keys.map((key) => [key.provider.id, key.provider])).values()];
}

/** Organizations: every provider with a live AQP service, by name. */
export async function orukOrganizations(deps: Deps, query: OrukQuery, baseUrl: string) {
  const providers = await liveProviders(deps);
  const page = sliceFor(providers, query.page, query.perPage);
  const listings = await liveListings(deps.db, { today: deps.clock.today(), providerIds: page.map((provider) => provider.id) });
  const byProvider = new Map(listings.map((listing) => [listing.provider.id, listing.provider]));
  return orukPage(
    page.map((provider) => organizationOf(byProvider.get(provider.id)!, baseUrl)),
    providers.length,
    query.page,
    query.perPage,
  );
}

/** One organization with its identifiers and its live services; 404 for a provider with none. */
export async function orukOrganization(deps: Deps, id: string, baseUrl: string) {
  const provider = (await liveProviders(deps)).find((candidate) => organizationUuid(candidate) === id.toLowerCase());
  const listings = provider ? await liveListings(deps.db, { today: deps.clock.today(), providerIds: [provider.id] }) : [];
  if (listings.length === 0) throw new DomainError('not-found', `There is no organization with id ${id} in this feed`);
  const terms = await termsOfListings(deps, listings);
  return {
    ...organizationOf(listings[0]!.provider, baseUrl),
    organization_identifiers: organizationIdentifiersOf(listings[0]!.provider),
    services: listings.map((listing) => serviceOf(listing, terms.get(listing.listingId)!, baseUrl)),
  };
}

/** The taxonomies: the national service catalogue alone. */
export function orukTaxonomies(query: OrukQuery, baseUrl: string) {
  return orukPage(sliceFor([catalogueTaxonomy(baseUrl)], query.page, query.perPage), 1, query.page, query.perPage);
}

/** The catalogue taxonomy by its id. */
export function orukTaxonomy(id: string, baseUrl: string) {
  if (id.toLowerCase() !== catalogueTaxonomyUuid()) throw new DomainError('not-found', `There is no taxonomy with id ${id} in this feed`);
  return catalogueTaxonomy(baseUrl);
}

async function catalogueTerms(deps: Deps, baseUrl: string) {
  return (await servicesInDirectory(deps)).map((service) => taxonomyTermOf(service, baseUrl));
}

/** Taxonomy terms: every service on the national list and every local service a commissioner offers, by the catalogue's order. */
export async function orukTaxonomyTerms(deps: Deps, query: OrukQuery, baseUrl: string) {
  const terms = query.taxonomyId && query.taxonomyId !== catalogueTaxonomyUuid() ? [] : await catalogueTerms(deps, baseUrl);
  return orukPage(sliceFor(terms, query.page, query.perPage), terms.length, query.page, query.perPage);
}

/** One catalogue service as a term, by its id. */
export async function orukTaxonomyTerm(deps: Deps, id: string, baseUrl: string) {
  const term = (await catalogueTerms(deps, baseUrl)).find((candidate) => candidate.id === id.toLowerCase());
  if (!term) throw new DomainError('not-found', `There is no taxonomy term with id ${id} in this feed`);
  return term;
}
