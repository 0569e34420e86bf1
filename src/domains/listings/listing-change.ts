/** One place that moves a listing along its lifecycle: checks the move, writes the status, the history row and the audit row together; and tells the provider why. */
import type { Executor } from '../../db/executor.ts';
import { recordAudit } from '../identity/audit.repo.ts';
import type { ActionContext } from '../identity/principal.ts';
import { actingApiKeyId, actingUserId } from '../offers/offer-access.ts';
import type { OfferRecord } from '../offers/offer.repo.ts';
import { insertOutboxMessage } from '../providers/provider-outbox.repo.ts';
import { assertListingTransition, type ListingStatus } from './listing-lifecycle.rules.ts';
import { listingNotice, type ListingNoticeAction } from './listing-notice.rules.ts';
import { insertListingHistory, type ListingRecord, setListingStatus } from './listing.repo.ts';

/** Moves a locked listing to a new status, recording who (or which scheduled run), when and why. */
export async function moveListing(
  trx: Executor,
  context: ActionContext,
  listing: ListingRecord,
  to: ListingStatus,
  reason: string,
  at: Date,
  extra: Record<string, unknown> = {},
): Promise<void> {
  assertListingTransition(listing.status, to);
  await setListingStatus(trx, listing.id, to, at);
  await insertListingHistory(trx, {
    listingId: listing.id,
    fromStatus: listing.status,
    toStatus: to,
    reason,
    at,
    actor: { userId: actingUserId(context), apiKeyId: actingApiKeyId(context) },
  });
  await recordAudit(trx, context, {
    action: `listing.${to}`,
    entityType: 'listing',
    entityId: listing.id,
    details: { from: listing.status, reason, ...extra },
  });
}

/** Tells the provider, in the same transaction as the change, what the commissioner did and why. */
export async function noticeToProvider(
  trx: Executor,
  listing: ListingRecord,
  offer: OfferRecord,
  action: ListingNoticeAction,
  reason: string,
  at: Date,
): Promise<void> {
  const notice = listingNotice(action, {
    offerReference: offer.reference,
    offerTitle: offer.title,
    commissionerName: offer.lead.name,
    reason,
  });
  await insertOutboxMessage(
    trx,
    { organisationId: listing.providerOrganisationId, ...notice, entityType: 'listing', entityId: listing.id },
    at,
  );
}
