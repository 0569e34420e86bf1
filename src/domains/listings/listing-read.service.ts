/** Who may read which listings: the public sees live ones on public offers; a provider its own; a commissioner those on offers it leads. */
import type { Deps } from '../deps.ts';
import { DomainError } from '../../lib/errors.ts';
import type { Principal } from '../identity/principal.ts';
import { visibleOffer } from '../offers/offer-access.ts';
import { type ListingChange, listingHistoryOf, listListings, type ListingView } from './listing-view.repo.ts';
import type { ListingStatus } from './listing-lifecycle.rules.ts';

/** Live providers of an offer with their delivering sites and coordinates: suspended ones are gone at once. */
export async function liveProvidersOf({ db }: Deps, principal: Principal | null, offerId: string): Promise<ListingView[]> {
  const offer = await visibleOffer(db, principal, offerId);
  return listListings(db, { offerId: offer.id, statuses: ['live'] });
}

/** The listings a principal is responsible for: its own as a provider, or those on offers its organisation leads. */
export async function listingsFor(
  { db }: Deps,
  principal: Principal,
  filter: { statuses?: readonly ListingStatus[]; offerId?: string } = {},
): Promise<ListingView[]> {
  if (principal.role === 'provider-admin' || principal.role === 'provider-clinician')
    return listListings(db, { ...filter, providerOrganisationId: principal.organisationId });
  if (principal.role === 'commissioner' || principal.role === 'assessor')
    return listListings(db, { ...filter, leadOrganisationId: principal.organisationId });
  throw new DomainError('forbidden', 'Listings are seen by providers and by the commissioners that lead the offers');
}

/** One listing with its history, for the provider listed or a commissioner of the leading organisation. */
export async function listingWithHistory(
  { db }: Deps,
  principal: Principal,
  id: string,
): Promise<{ listing: ListingView; history: ListingChange[] }> {
  const [listing] = /^[0-9a-f-]{36}$/i.test(id) ? await listListings(db, { id }) : [];
  const mine =
    listing && (listing.provider.id === principal.organisationId || listing.offer.leadOrganisationId === principal.organisationId);
  if (!listing || !mine) throw new DomainError('not-found', 'There is no such listing');
  return { listing, history: await listingHistoryOf(db, id) };
}

/** An offer as the principal may see it (the public only published ones), for the listing API's offer routes. */
export async function offerSeenBy({ db }: Deps, principal: Principal | null, id: string) {
  return visibleOffer(db, principal, id);
}
