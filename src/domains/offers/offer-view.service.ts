/** Reads an offer with everything a reader needs: its protocol versions, price schedules and status history. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Principal } from '../identity/principal.ts';
import { listOffers, type OfferFilter, type OfferRecord } from './offer.repo.ts';
import { visibleOffer } from './offer-access.ts';
import { PUBLIC_STATUSES } from './offer-status.rules.ts';
import { currentProtocolsOf, type ProtocolVersion, priceSchedulesOf, priceSchedulesOfMany, protocolVersionsOf, type StatusChange, statusHistoryOf } from './offer-terms.repo.ts';
import type { PriceSchedule } from './price-schedule.rules.ts';

export interface OfferInFull {
  offer: OfferRecord;
  protocols: ProtocolVersion[];
  schedules: PriceSchedule[];
  history: StatusChange[];
}

/** One offer in full, as this principal may see it. */
export async function offerInFull(db: Kysely<Database>, principal: Principal | null, id: string): Promise<OfferInFull> {
  const offer = await visibleOffer(db, principal, id);
  const [protocols, schedules, history] = await Promise.all([protocolVersionsOf(db, id), priceSchedulesOf(db, id), statusHistoryOf(db, id)]);
  return { offer, protocols, schedules, history };
}

/** Offers matching a filter that this principal may see (public ones, plus its own organisation's drafts and withdrawn offers), each with its current protocol only. */
export async function visibleOffers(db: Kysely<Database>, principal: Principal | null, filter: Omit<OfferFilter, 'visibleTo'>): Promise<OfferInFull[]> {
  const organisationId = principal?.role === 'commissioner' ? principal.organisationId : null;
  const offers = await listOffers(db, { ...filter, visibleTo: { statuses: PUBLIC_STATUSES, organisationId } });
  const ids = offers.map((offer) => offer.id);
  const [protocols, schedules] = await Promise.all([currentProtocolsOf(db, ids), priceSchedulesOfMany(db, ids)]);
  return offers.map((offer) => ({ offer, protocols: protocols.has(offer.id) ? [protocols.get(offer.id)!] : [], schedules: schedules.get(offer.id) ?? [], history: [] }));
}
