/** Which public offers reach a commissioner's residents: shared by referrals (what a practice can refer to) and the public directory. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { listOffers, type OfferRecord } from './offer.repo.ts';
import { PUBLIC_STATUSES } from './offer-status.rules.ts';

const STATUS_PREFERENCE = ['open', 'published', 'closed'];

/** Public offers whose coverage includes the commissioner, the one to use first for each service first: open before published before closed, then newest. */
export async function publicOffersCovering(db: Kysely<Database>, commissioner: { id: string; odsCode: string }): Promise<OfferRecord[]> {
  const offers = await listOffers(db, { commissionerOdsCode: commissioner.odsCode, statuses: PUBLIC_STATUSES });
  return offers
    .filter((offer) => offer.coverage.some((covered) => covered.id === commissioner.id))
    .sort((a, b) => STATUS_PREFERENCE.indexOf(a.status) - STATUS_PREFERENCE.indexOf(b.status) || b.number - a.number);
}
