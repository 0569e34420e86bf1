/** One place that moves a listing along its lifecycle: checks the move, writes the status, the history row and the audit row together. */
import type { Executor } from '../../db/executor.ts';
import { recordAudit } from '../identity/audit.repo.ts';
import type { ActionContext } from '../identity/principal.ts';
import { actingApiKeyId, actingUserId } from '../offers/offer-access.ts';
import { assertListingTransition, type ListingStatus } from './listing-lifecycle.rules.ts';
import { insertListingHistory, type ListingRecord, setListingStatus } from './listing.repo.ts';

/** Moves a locked listing to a new status, recording who (or which scheduled run), when and why. */
export async function moveListing(trx: Executor, context: ActionContext, listing: ListingRecord, to: ListingStatus, reason: string, at: Date, extra: Record<string, unknown> = {}): Promise<void> {
  assertListingTransition(listing.status, to);
  await setListingStatus(trx, listing.id, to, at);
  await insertListingHistory(trx, { listingId: listing.id, fromStatus: listing.status, toStatus: to, reason, at, actor: { userId: actingUserId(context), apiKeyId: actingApiKeyId(context) } });
  await recordAudit(trx, context, { action: `listing.${to}`, entityType: 'listing', entityId: listing.id, details: { from: listing.status, reason, ...extra } });
}
