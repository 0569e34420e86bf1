/** Reads an offer with everything a reader needs: its protocol versions, price schedules and status history. */
import type { Deps } from '../deps.ts';
import type { Principal } from '../identity/principal.ts';
import { listOffers, type OfferFilter, type OfferRecord } from './offer.repo.ts';
import { visibleOffer } from './offer-access.ts';
import { PUBLIC_STATUSES } from './offer-status.rules.ts';
import {
  currentProtocolsOf,
  type ProtocolVersion,
  priceSchedulesOf,
  priceSchedulesOfMany,
  protocolVersionsOf,
  type StatusChange,
  statusHistoryOf,
} from './offer-terms.repo.ts';
import type { PriceSchedule } from './price-schedule.rules.ts';

export type { OfferRecord } from './offer.repo.ts';

export interface OfferInFull {
  offer: OfferRecord;
  protocols: ProtocolVersion[];
  schedules: PriceSchedule[];
  history: StatusChange[];
}

/** The offer as this principal may see it; drafts of other organisations do not exist for them. */
export async function offerAsSeenBy(deps: Deps, principal: Principal | null, id: string): Promise<OfferRecord> {
  return visibleOffer(deps.db, principal, id);
}

/** One offer in full, as this principal may see it. */
export async function offerInFull(deps: Deps, principal: Principal | null, id: string): Promise<OfferInFull> {
  const offer = await visibleOffer(deps.db, principal, id);
  const [protocols, schedules, history] = await Promise.all([
    protocolVersionsOf(deps.db, id),
    priceSchedulesOf(deps.db, id),
    statusHistoryOf(deps.db, id),
  ]);
  return { offer, protocols, schedules, history };
}

/** Offers matching a filter that this principal may see (public ones, plus its own organisation's drafts and withdrawn offers), each with its current protocol only. */
export async function visibleOffers(
  deps: Deps,
  principal: Principal | null,
  filter: Omit<OfferFilter, 'visibleTo'>,
): Promise<OfferInFull[]> {
  const organisationId = principal?.role === 'commissioner' ? principal.organisationId : null;
  const offers = await listOffers(deps.db, { ...filter, visibleTo: { statuses: PUBLIC_STATUSES, organisationId } });
  const ids = offers.map((offer) => offer.id);
  const [protocols, schedules] = await Promise.all([currentProtocolsOf(deps.db, ids), priceSchedulesOfMany(deps.db, ids)]);
  return offers.map((offer) => ({
    offer,
    protocols: protocols.has(offer.id) ? [protocols.get(offer.id)!] : [],
    schedules: schedules.get(offer.id) ?? [],
    history: [],
  }));
}

/** The offers an organisation leads, drafts included, for its commissioners' list. */
export async function offersLedBy(deps: Deps, organisationId: string): Promise<OfferRecord[]> {
  return listOffers(deps.db, { leadOrganisationId: organisationId });
}

/** The newest version of an offer's referral protocol, if it has one of its own yet. */
export async function latestProtocolOf(deps: Deps, offerId: string): Promise<ProtocolVersion | undefined> {
  const [latest] = await protocolVersionsOf(deps.db, offerId);
  return latest;
}

/** Every price schedule of an offer, oldest first. */
export async function priceSchedulesOfOffer(deps: Deps, offerId: string): Promise<PriceSchedule[]> {
  return priceSchedulesOf(deps.db, offerId);
}
