/** Public provider pages (PRODUCT.md §3.4): a qualified provider's live AQP services, each with who commissions it, its sites, wait and quality. */
import { DomainError } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import { findOrganisationByOdsCode } from '../identity/organisation.repo.ts';
import { listListings } from '../listings/listing-view.repo.ts';
import { eligibilityInWords } from '../catalogue/referral-protocol-words.rules.ts';
import { findOffer } from '../offers/offer.repo.ts';
import { currentProtocolsOf } from '../offers/offer-terms.repo.ts';
import { commissionerAreaNames } from '../reference/commissioner-area.service.ts';
import { findProvider } from '../providers/provider-profile.repo.ts';
import { sitesByIds } from '../providers/provider-site.repo.ts';
import { type ListingStanding, standingOf } from '../provider-quality/provider-standing.ts';
import type { IndicativeWait } from '../provider-quality/waits.rules.ts';
import { type DirectorySite, directorySite } from './directory-entry.ts';

export interface DirectoryProviderService {
  listingId: string;
  service: { code: string; name: string };
  offer: { reference: string; title: string };
  /** The commissioners whose patients can be referred to this provider for the service, with the areas they serve in patients' words. */
  commissioners: { odsCode: string | null; name: string; areaName: string }[];
  /** Who the offer is for, in plain words; null when it has no protocol. */
  eligibility: string | null;
  sites: DirectorySite[];
  wait: IndicativeWait;
  firstAppointmentWait: IndicativeWait;
  quality: ListingStanding['quality'];
}

export interface DirectoryProvider {
  id: string;
  odsCode: string | null;
  name: string;
  providerType: string;
  website: string | null;
  phone: string | null;
  description: string;
  services: DirectoryProviderService[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function providerNamed(deps: Deps, code: string) {
  const id = UUID.test(code) ? code : (await findOrganisationByOdsCode(deps.db, code))?.id;
  return id ? findProvider(deps.db, id) : undefined;
}

/** A provider by ODS code or id with every live listing whose contract runs today on a public offer; a provider with none is not in the directory. */
export async function directoryProvider(deps: Deps, code: string): Promise<DirectoryProvider> {
  const provider = await providerNamed(deps, code.trim());
  const listings = provider
    ? await listListings(deps.db, { providerOrganisationId: provider.organisationId, publicOn: deps.clock.today() })
    : [];
  if (!provider || listings.length === 0)
    throw new DomainError('not-found', `There is no provider with live AQP services under ${code.trim().toUpperCase() || 'that code'}`);
  const offerIds = [...new Set(listings.map((listing) => listing.offer.id))];
  const [standings, details, offers, protocols] = await Promise.all([
    standingOf(deps.db, listings, deps.clock.today()),
    sitesByIds(
      deps.db,
      listings.flatMap((listing) => listing.sites.map((site) => site.id)),
    ),
    Promise.all(offerIds.map((id) => findOffer(deps.db, id))),
    currentProtocolsOf(deps.db, offerIds),
  ]);
  const areas = await commissionerAreaNames(
    deps,
    offers.flatMap((offer) => offer!.coverage.map((commissioner) => commissioner.id)),
  );
  const coverage = new Map(
    offers.map((offer) => [
      offer!.id,
      offer!.coverage.map(({ id, odsCode, name }) => ({ odsCode, name, areaName: areas.get(id) ?? name })),
    ]),
  );
  const eligibility = (offerId: string) => (protocols.has(offerId) ? eligibilityInWords(protocols.get(offerId)!.content) : null);
  const services = standings.map(({ listing, wait, firstAppointmentWait, quality }) => ({
    listingId: listing.id,
    service: { code: listing.offer.serviceCode, name: listing.offer.serviceName },
    offer: { reference: listing.offer.reference, title: listing.offer.title },
    commissioners: coverage.get(listing.offer.id) ?? [],
    eligibility: eligibility(listing.offer.id),
    sites: listing.sites.map((site) => directorySite(site, details.get(site.id))),
    wait,
    firstAppointmentWait,
    quality,
  }));
  return {
    id: provider.organisationId,
    odsCode: provider.odsCode,
    name: provider.name,
    providerType: provider.providerType,
    website: provider.website,
    phone: provider.phone,
    description: provider.description,
    services: services.sort(
      (a, b) => a.service.name.localeCompare(b.service.name, 'en-GB') || a.offer.reference.localeCompare(b.offer.reference),
    ),
  };
}
