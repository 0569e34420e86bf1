/** What anyone may know of a live provider on an offer: its indicative wait from accepted referrals and its quality; shared by choice lists and the directory. */
import { addDays } from '../../lib/working-days.ts';
import type { Executor } from '../identity/audit.repo.ts';
import { listListings, type ListingView } from '../listings/listing-view.repo.ts';
import { acceptedReferralDates, type ProviderQuality, providerQuality } from '../referrals/choice-list.repo.ts';
import { type IndicativeWait, indicativeWait, WAIT_WINDOW_DAYS } from '../referrals/choice-list.rules.ts';

/** Said wherever waits and quality are shown: what AQP does not measure yet, rather than a placeholder. */
export const NOT_MEASURED_YET = 'Patient experience and clinical outcomes are not measured on AQP yet.';

export interface ListingStanding {
  listing: ListingView;
  wait: IndicativeWait;
  quality: ProviderQuality & { contractStart: string | null };
}

/** Each listing with its provider's wait on that listing's offer and its quality today (waits are per offer: the commissioner's own referrals). */
export async function standingOf(db: Executor, listings: readonly ListingView[], today: string): Promise<ListingStanding[]> {
  const since = addDays(today, -WAIT_WINDOW_DAYS);
  const offerIds = [...new Set(listings.map((listing) => listing.offer.id))];
  const providersOf = (offerId: string) => listings.filter((listing) => listing.offer.id === offerId).map((listing) => listing.provider.id);
  const [quality, ...waits] = await Promise.all([
    providerQuality(db, [...new Set(listings.map((listing) => listing.provider.id))], today),
    ...offerIds.map((offerId) => acceptedReferralDates(db, offerId, providersOf(offerId), since)),
  ]);
  const waitsByOffer = new Map(offerIds.map((offerId, index) => [offerId, waits[index]!]));
  return listings.map((listing) => ({
    listing,
    wait: indicativeWait(waitsByOffer.get(listing.offer.id)!.get(listing.provider.id) ?? [], today),
    quality: { ...quality.get(listing.provider.id)!, contractStart: listing.contractStart },
  }));
}

/** Every live listing of an offer with its standing. */
export async function liveListingsWithStanding(db: Executor, offerId: string, today: string): Promise<ListingStanding[]> {
  return standingOf(db, await listListings(db, { offerId, statuses: ['live'] }), today);
}
