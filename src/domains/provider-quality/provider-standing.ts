/** What anyone may know of a live provider for a commissioner's service: its wait to first appointment, its time to accept and its quality, measured and assured; shared by choice lists and the directory. */
import { addDays } from '../../lib/working-days.ts';
import type { Executor } from '../../db/executor.ts';
import { listListings, type ListingView } from '../listings/listing-view.repo.ts';
import { acceptedReferralDates, firstAttendedDates, type ProviderQuality, providerQuality } from './provider-quality.repo.ts';
import { feedbackAnswersSince, latestKpiResults } from './published-quality.repo.ts';
import {
  FEEDBACK_WINDOW_DAYS,
  KPI_RESULTS_MONTHS,
  type MeasuredQuality,
  publishedFeedback,
  publishedKpis,
  type StoredKpiResult,
} from './published-quality.rules.ts';
import { type IndicativeWait, indicativeWait, WAIT_WINDOW_DAYS, waitToFirstAppointment } from './waits.rules.ts';

export interface ListingStanding {
  listing: ListingView;
  /** Time to accept, for GPs and commissioners. */
  wait: IndicativeWait;
  /** Time to first attended appointment: the wait patients mean. */
  firstAppointmentWait: IndicativeWait;
  quality: ProviderQuality & { contractStart: string | null } & MeasuredQuality;
}

/** A commissioner's service, and the offer a referral to it is made under (its listing wins when a provider is listed on several offers). */
export interface CommissionedService {
  commissionerId: string;
  serviceCode: string;
  preferredOfferId: string;
}

/**
 * Each listing with its provider's wait and its quality today. Waits count the provider's referrals on the listing's own offer,
 * or on any of `waitsAcross` when given (a commissioner's service over a re-procurement: decision 0026).
 */
export async function standingOf(
  db: Executor,
  listings: readonly ListingView[],
  today: string,
  waitsAcross?: readonly string[],
): Promise<ListingStanding[]> {
  const since = addDays(today, -WAIT_WINDOW_DAYS);
  const waitKey = (listing: ListingView) => (waitsAcross ?? [listing.offer.id]).join(',');
  const keys = [...new Set(listings.map(waitKey))];
  const providersFor = (key: string) => [
    ...new Set(listings.filter((listing) => waitKey(listing) === key).map((listing) => listing.provider.id)),
  ];
  const providerIds = [...new Set(listings.map((listing) => listing.provider.id))];
  const [quality, accepted, seen, results, answers] = await Promise.all([
    providerQuality(db, providerIds, today),
    Promise.all(keys.map((key) => acceptedReferralDates(db, key.split(','), providersFor(key), since))),
    Promise.all(keys.map((key) => firstAttendedDates(db, key.split(','), providersFor(key), since))),
    latestKpiResults(db, [...new Set(keys.flatMap((key) => key.split(',')))], providerIds, monthsBefore(today, KPI_RESULTS_MONTHS)),
    feedbackAnswersSince(db, providerIds, addDays(today, -FEEDBACK_WINDOW_DAYS)),
  ]);
  const kpisOf = (listing: ListingView) => {
    const offers = new Set(waitKey(listing).split(','));
    const mine = results.filter((result: StoredKpiResult) => result.providerId === listing.provider.id && offers.has(result.offerId));
    return publishedKpis(mine, listing.offer.id);
  };
  const acceptedByKey = new Map(keys.map((key, index) => [key, accepted[index]!]));
  const seenByKey = new Map(keys.map((key, index) => [key, seen[index]!]));
  return listings.map((listing) => ({
    listing,
    wait: indicativeWait(acceptedByKey.get(waitKey(listing))!.get(listing.provider.id) ?? [], today),
    firstAppointmentWait: waitToFirstAppointment(seenByKey.get(waitKey(listing))!.get(listing.provider.id) ?? [], today),
    quality: {
      ...quality.get(listing.provider.id)!,
      contractStart: listing.contractStart,
      kpis: kpisOf(listing),
      feedback: publishedFeedback(answers.get(listing.provider.id) ?? []),
    },
  }));
}

/** The month (YYYY-MM) some months before today's. */
function monthsBefore(today: string, months: number): string {
  const index = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1 - months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** One listing per provider: the one on the preferred offer, otherwise the one on the newest offer (listings come oldest offer first). */
export function oneListingPerProvider(listings: readonly ListingView[], preferredOfferId: string): ListingView[] {
  const byProvider = new Map<string, ListingView>();
  for (const listing of listings) {
    const held = byProvider.get(listing.provider.id);
    if (!held || held.offer.id !== preferredOfferId) byProvider.set(listing.provider.id, listing);
  }
  return [...byProvider.values()];
}

/**
 * Every provider under contract today for a commissioner's service (live — so started — and not ended), whichever of the commissioner's
 * public offers for the service it was listed on, so a closed offer's providers stay while their contracts run (decision 0026); with the
 * offers whose referrals count towards their waits. Read through `runningListingsWithStanding` (standing-cache.ts), which holds it.
 */
export async function runningListingsOf(
  db: Executor,
  service: CommissionedService,
  today: string,
): Promise<{ listings: ListingView[]; offerIds: string[] }> {
  const listings = await listListings(db, {
    serviceCode: service.serviceCode,
    coveredCommissionerId: service.commissionerId,
    publicOn: today,
  });
  const offerIds = [...new Set([service.preferredOfferId, ...listings.map((listing) => listing.offer.id)])];
  return { listings: oneListingPerProvider(listings, service.preferredOfferId), offerIds };
}
