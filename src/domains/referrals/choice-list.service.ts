/** The choice list (PRODUCT.md §3.5): every live provider on the referral's offer with its nearest site, distance, wait and quality, in a fair order, stored as offered. */
import { DomainError } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import { liveListingsWithStanding } from '../directory/provider-standing.ts';
import { type Executor, recordAudit } from '../identity/audit.repo.ts';
import type { ActionContext } from '../identity/principal.ts';
import { findPostcode } from '../reference/postcode.repo.ts';
import { type ChoiceListEntry, insertChoiceList, type StoredChoiceList } from './choice-list.repo.ts';
import { type ChoiceOrder, nearestSite, orderChoiceList, type Point } from './choice-list.rules.ts';
import { REFERRAL_STATUS_LABELS } from './referral-status.rules.ts';
import type { ReferralRecord } from './referral.repo.ts';

/** Every live listing of the offer as an entry at its nearest open site; listings with no open site cannot be chosen and are left out. */
export async function choiceEntries(db: Executor, offerId: string, origin: Point, today: string, order: ChoiceOrder): Promise<ChoiceListEntry[]> {
  const entries: Omit<ChoiceListEntry, 'rank'>[] = [];
  for (const { listing, wait, quality } of await liveListingsWithStanding(db, offerId, today)) {
    const nearest = nearestSite(origin, listing.sites);
    if (!nearest) continue;
    entries.push({
      listingId: listing.id, siteId: nearest.site.id, providerOrganisationId: listing.provider.id, providerName: listing.provider.name, providerOdsCode: listing.provider.odsCode,
      siteName: nearest.site.name, siteAddress: nearest.site.address, sitePostcode: nearest.site.postcode, deliveryMode: nearest.site.deliveryMode,
      distanceKm: nearest.km, distanceMiles: nearest.miles, wait, quality,
    });
  }
  return orderChoiceList(entries, order).map((entry, index) => ({ rank: index + 1, ...entry }));
}

/** Builds the list for a referral awaiting choice from the patient's postcode and stores exactly what is shown, with who it was offered through. */
export async function offerChoiceList(deps: Deps, context: ActionContext, referral: ReferralRecord, order: ChoiceOrder): Promise<StoredChoiceList> {
  if (referral.status !== 'awaiting-choice') {
    throw new DomainError('invalid-transition', `A provider has already been chosen for this referral: ${REFERRAL_STATUS_LABELS[referral.status].toLowerCase()}${referral.chosen ? ` (${referral.chosen.providerName})` : ''}`);
  }
  const origin = await findPostcode(deps.db, referral.patient.postcode);
  if (!origin) throw new DomainError('unavailable', `The patient’s postcode ${referral.patient.postcode} is not in the postcode directory any more, so distances cannot be measured`);
  return deps.db.transaction().execute(async (trx) => {
    const entries = await choiceEntries(trx, referral.offer.id, origin, deps.clock.today(), order);
    const at = deps.clock.now();
    const userId = context.principal?.kind === 'user' ? context.principal.userId : null;
    const id = await insertChoiceList(trx, { referralId: referral.id, orderedBy: order, originPostcode: origin.postcode, entries, at, userId });
    await recordAudit(trx, context, { action: 'referral.choice-list', entityType: 'referral', entityId: referral.id, details: { choiceListId: id, orderedBy: order, entries: entries.length } });
    return { id, offeredAt: at, orderedBy: order, originPostcode: origin.postcode, entries };
  });
}
