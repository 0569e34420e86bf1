/** Who may change a listing: its provider's administrator accepts the contract; commissioners of the organisation leading its offer do the rest. */
import { DomainError } from '../../lib/errors.ts';
import type { Executor } from '../../db/executor.ts';
import type { ActionContext } from '../identity/principal.ts';
import { findOffer, type OfferRecord } from '../offers/offer.repo.ts';
import { findListing, type ListingRecord } from './listing.repo.ts';

/** The listing, locked for the change about to be made; refused as not found when there is none. */
export async function listingToChange(trx: Executor, id: string): Promise<ListingRecord> {
  const listing = await findListing(trx, id, { forUpdate: true });
  if (!listing) throw new DomainError('not-found', 'There is no such listing');
  return listing;
}

/** Only the provider's own administrator acts for the provider; to anyone else the listing does not exist. */
export function assertProviderAdmin(context: ActionContext, listing: ListingRecord): void {
  if (context.principal?.role !== 'provider-admin' || context.principal.organisationId !== listing.providerOrganisationId)
    throw new DomainError('not-found', 'There is no such listing');
}

/** The listing's offer, once the acting commissioner is shown to belong to the organisation that leads it. */
export async function assertLeadCommissioner(trx: Executor, context: ActionContext, listing: ListingRecord): Promise<OfferRecord> {
  const offer = await findOffer(trx, listing.offerId);
  if (!offer || context.principal?.role !== 'commissioner' || context.principal.organisationId !== offer.lead.id)
    throw new DomainError('forbidden', 'Only commissioners of the organisation that leads the offer can change its listings');
  return offer;
}
