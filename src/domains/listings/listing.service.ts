/** After qualification (PRODUCT.md §3.3): the provider accepts the contract with a start date, goes live on it, and the commissioner suspends, reinstates or terminates. */
import { DomainError, validationFailed } from '../../lib/errors.ts';
import { isIsoDate } from '../../lib/iso-date.ts';
import type { Deps } from '../deps.ts';
import type { ActionContext } from '../identity/principal.ts';
import { findOffer, type OfferRecord } from '../offers/offer.repo.ts';
import { insertOutboxMessage } from '../providers/provider-outbox.repo.ts';
import { actingUserId } from '../offers/offer-access.ts';
import { blockingComplianceIssues } from './listing-compliance.repo.ts';
import { mayGoLive } from './listing-lifecycle.rules.ts';
import { findListing, type ListingRecord, recordContractAcceptance } from './listing.repo.ts';
import { moveListing } from './listing-change.ts';
import { listingNotice, type ListingNoticeAction } from './listing-notice.rules.ts';

async function listingFor(trx: Parameters<typeof findListing>[0], id: string): Promise<ListingRecord> {
  const listing = await findListing(trx, id, { forUpdate: true });
  if (!listing) throw new DomainError('not-found', 'There is no such listing');
  return listing;
}

function assertProviderAdmin(context: ActionContext, listing: ListingRecord): void {
  if (context.principal?.role !== 'provider-admin' || context.principal.organisationId !== listing.providerOrganisationId) throw new DomainError('not-found', 'There is no such listing');
}

async function assertLeadCommissioner(trx: Parameters<typeof findListing>[0], context: ActionContext, listing: ListingRecord): Promise<OfferRecord> {
  const offer = await findOffer(trx, listing.offerId);
  if (!offer || context.principal?.role !== 'commissioner' || context.principal.organisationId !== offer.lead.id) throw new DomainError('forbidden', 'Only commissioners of the organisation that leads the offer can change its listings');
  return offer;
}

/** Tells the provider, in the same transaction as the change, what the commissioner did and why. */
async function noticeToProvider(trx: Parameters<typeof findListing>[0], listing: ListingRecord, offer: OfferRecord, action: ListingNoticeAction, reason: string, at: Date): Promise<void> {
  const notice = listingNotice(action, { offerReference: offer.reference, offerTitle: offer.title, commissionerName: offer.lead.name, reason });
  await insertOutboxMessage(trx, { organisationId: listing.providerOrganisationId, ...notice, entityType: 'listing', entityId: listing.id }, at);
}

/** The provider accepts the NHS Standard Contract for the offer from a start date inside the offer's contract term; on that date its sites go live. */
export async function acceptContract(deps: Deps, context: ActionContext, id: string, input: { contractStart: string }): Promise<{ status: string }> {
  return deps.db.transaction().execute(async (trx) => {
    const listing = await listingFor(trx, id);
    assertProviderAdmin(context, listing);
    if (listing.status !== 'qualified') throw new DomainError('invalid-transition', `The contract has already been accepted; the listing is ${listing.status}`);
    const offer = (await findOffer(trx, listing.offerId))!;
    const start = input.contractStart.trim();
    if (!isIsoDate(start)) throw validationFailed([{ field: 'contractStart', message: 'Enter the date the contract starts, like 1 4 2027' }]);
    if (start < deps.clock.today()) throw validationFailed([{ field: 'contractStart', message: 'The contract cannot start in the past: enter today or a later date' }]);
    if (offer.contractStart && start < offer.contractStart) throw validationFailed([{ field: 'contractStart', message: `The offer’s contracts start on ${offer.contractStart} at the earliest` }]);
    if (offer.contractEnd && start >= offer.contractEnd) throw validationFailed([{ field: 'contractStart', message: `The offer’s contracts end on ${offer.contractEnd}: choose an earlier start date` }]);
    const now = deps.clock.now();
    await recordContractAcceptance(trx, id, { start, end: offer.contractEnd, at: now, userId: actingUserId(context) });
    await moveListing(trx, context, listing, 'contracted', `NHS Standard Contract accepted, starting ${start}`, now, { contractStart: start });
    if (mayGoLive('contracted', start, deps.clock.today())) {
      await moveListing(trx, context, { ...listing, status: 'contracted' }, 'live', 'The contract starts today', now);
      return { status: 'live' };
    }
    return { status: 'contracted' };
  });
}

/** Puts a contracted listing live; refused before the contract start date. Scheduled runs do this each day. */
export async function goLive(deps: Deps, context: ActionContext, id: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const listing = await listingFor(trx, id);
    if (context.principal) await assertLeadCommissioner(trx, context, listing);
    if (listing.status !== 'contracted') throw new DomainError('invalid-transition', `Only a contracted listing can go live; this one is ${listing.status}`);
    if (!mayGoLive(listing.status, listing.contractStart, deps.clock.today())) {
      throw new DomainError('invalid-transition', `The listing cannot go live before its contract starts on ${listing.contractStart}`);
    }
    await moveListing(trx, context, listing, 'live', 'The contract start date has arrived', deps.clock.now());
  });
}

/** The commissioner suspends a listing: the provider disappears from directory and choice lists at once. */
export async function suspendListing(deps: Deps, context: ActionContext, id: string, reason: string): Promise<void> {
  if (!reason.trim()) throw validationFailed([{ field: 'reason', message: 'Say why the listing is suspended: the provider will see it' }]);
  await deps.db.transaction().execute(async (trx) => {
    const listing = await listingFor(trx, id);
    const offer = await assertLeadCommissioner(trx, context, listing);
    const at = deps.clock.now();
    await moveListing(trx, context, listing, 'suspended', reason.trim(), at);
    await noticeToProvider(trx, listing, offer, 'suspended', reason.trim(), at);
  });
}

/** Lifts a suspension: live again if the contract has started, else back to contracted; refused while a cause the offer's rule suspends for remains. */
export async function liftSuspension(deps: Deps, context: ActionContext, id: string, reason: string): Promise<{ status: string }> {
  return deps.db.transaction().execute(async (trx) => {
    const listing = await listingFor(trx, id);
    const offer = await assertLeadCommissioner(trx, context, listing);
    if (listing.status !== 'suspended') throw new DomainError('invalid-transition', `Only a suspended listing can be reinstated; this one is ${listing.status}`);
    const issues = await blockingComplianceIssues(trx, listing, deps.clock.today());
    if (issues.length) throw new DomainError('invalid-transition', `The suspension cannot be lifted yet: ${issues.join('; ')}`, { issues });
    const to = mayGoLive('suspended', listing.contractStart, deps.clock.today()) ? 'live' : 'contracted';
    const at = deps.clock.now();
    await moveListing(trx, context, listing, to, reason.trim() || 'Suspension lifted', at);
    await noticeToProvider(trx, listing, offer, 'reinstated', reason.trim() || 'the commissioner gave none', at);
    return { status: to };
  });
}

/** The commissioner ends a listing for good; the provider may re-qualify through a new application. */
export async function terminateListing(deps: Deps, context: ActionContext, id: string, reason: string): Promise<void> {
  if (!reason.trim()) throw validationFailed([{ field: 'reason', message: 'Say why the listing is terminated' }]);
  await deps.db.transaction().execute(async (trx) => {
    const listing = await listingFor(trx, id);
    const offer = await assertLeadCommissioner(trx, context, listing);
    const at = deps.clock.now();
    await moveListing(trx, context, listing, 'terminated', reason.trim(), at);
    await noticeToProvider(trx, listing, offer, 'terminated', reason.trim(), at);
  });
}
