/** A live listing as an ORUK service: one provider's AQP service under one commissioner's offer, with its ages, areas, sites and catalogue term. */
import type { OrukListing, OrukSite } from './open-referral.repo.ts';
import { fullLocationOf, locationIdOf, locationOf, schedulesOf } from './location.oruk.ts';
import { type OrganisationKey, partUuid, serviceAtLocationUuid, serviceUuid } from './oruk-ids.rules.ts';
import { emailAddress, organizationIdentifiersOf, organizationOf, providerPageUrl } from './organization.oruk.ts';
import { attributeOf, type OrukTaxonomyTerm } from './taxonomy.oruk.ts';

/** What the feed says of a listing beyond its own row: the protocol's ages and eligibility, and the areas its offer covers. */
export interface ListingTerms {
  ageMin?: number;
  ageMax?: number;
  /** Who the offer is for, in plain words; null without a protocol. */
  eligibility: string | null;
  /** The covered commissioners' areas, in patients' words. */
  areas: string[];
}

export const NHS_FEES = 'Free: NHS-funded care, with no charge to the patient.';

/** The service's id. */
export function serviceIdOf(listing: { offerReference: string; provider: OrganisationKey }): string {
  return serviceUuid({ offerReference: listing.offerReference, provider: listing.provider });
}

function descriptionOf(listing: OrukListing, terms: ListingTerms): string {
  const areas = terms.areas.length ? ` for patients of the NHS in ${terms.areas.join(', ')}` : '';
  const who = terms.eligibility ? ` ${terms.eligibility}` : '';
  return `${listing.serviceName} from ${listing.provider.name}, funded by the NHS through Any Qualified Provider${areas} (${listing.offerTitle}, ${listing.offerReference}).${who}`;
}

/** The one-to-one fields of a service with its organization, as /services lists it. Qualification is its assurance: assured since the contract started. */
export function serviceOf(listing: OrukListing, terms: ListingTerms, baseUrl: string) {
  const email = emailAddress(listing.provider.email);
  return {
    id: serviceIdOf(listing),
    organization_id: organizationOf(listing.provider, baseUrl).id,
    name: listing.serviceName,
    description: descriptionOf(listing, terms),
    url: providerPageUrl(listing.provider, baseUrl),
    ...(email ? { email } : {}),
    status: 'active' as const,
    fees: NHS_FEES,
    ...(terms.ageMin !== undefined ? { minimum_age: terms.ageMin } : {}),
    ...(terms.ageMax !== undefined ? { maximum_age: terms.ageMax } : {}),
    ...(listing.contractStart ? { assured_date: listing.contractStart } : {}),
    last_modified: listing.updatedAt.toISOString(),
    organization: organizationOf(listing.provider, baseUrl),
  };
}

/** The id of a service at a site. */
export function serviceAtLocationIdOf(
  listing: { offerReference: string; provider: OrganisationKey },
  site: Pick<OrukSite, 'siteCode' | 'name' | 'provider'>,
): string {
  return serviceAtLocationUuid(serviceIdOf(listing), locationIdOf(site));
}

/** A service at a site as /service_at_locations lists it: the location's and the service's one-to-one fields. */
export function serviceAtLocationOf(listing: OrukListing, site: OrukSite, terms: ListingTerms, baseUrl: string) {
  const service = serviceOf(listing, terms, baseUrl);
  const location = locationOf(site);
  return { id: serviceAtLocationUuid(service.id, location.id), service_id: service.id, location_id: location.id, location, service };
}

/** A fully nested service (/services/{id}): its areas, sites with addresses, opening hours, funding, catalogue term and organization identifiers. */
export function fullServiceOf(
  listing: OrukListing,
  sites: readonly OrukSite[],
  terms: ListingTerms,
  term: OrukTaxonomyTerm,
  baseUrl: string,
) {
  const service = serviceOf(listing, terms, baseUrl);
  const atLocations = sites.map((site) => {
    const location = fullLocationOf(site);
    return { site, id: serviceAtLocationUuid(service.id, location.id), service_id: service.id, location_id: location.id, location };
  });
  return {
    ...service,
    organization: { ...service.organization, organization_identifiers: organizationIdentifiersOf(listing.provider) },
    service_areas: terms.areas.map((area) => ({
      id: partUuid(service.id, `area:${area}`),
      service_id: service.id,
      name: area,
      service_area: `Patients registered with a GP, or living, in ${area}`,
    })),
    service_at_locations: atLocations.map(({ site: _site, ...entry }) => entry),
    schedules: atLocations.flatMap(({ site, id }) => schedulesOf(site.openingTimes, service.id, id)),
    funding: [{ id: partUuid(service.id, 'funding'), service_id: service.id, source: 'NHS: commissioned through Any Qualified Provider' }],
    attributes: [attributeOf(service.id, 'service', term)],
  };
}
