/** After qualification (PRODUCT.md §3.3): the provider accepts the contract with a start date, goes live on it, and the commissioner suspends or terminates (reinstating weighs compliance: compliance/suspension-lift.service.ts). */
import { DomainError, validationFailed } from '../../lib/errors.ts';
import { isIsoDate } from '../../lib/iso-date.ts';
import type { Deps } from '../deps.ts';
import type { ActionContext } from '../identity/principal.ts';
import { findOffer } from '../offers/offer.repo.ts';
import { actingUserId } from '../offers/offer-access.ts';
import { assertLeadCommissioner, assertProviderAdmin, listingToChange } from './listing-access.ts';
import { moveListing, noticeToProvider } from './listing-change.ts';
import { mayGoLive } from './listing-lifecycle.rules.ts';
import { recordContractAcceptance } from './listing.repo.ts';

/** The provider accepts the NHS Standard Contract for the offer from a start date inside the offer's contract term; on that date its sites go live. */
export async function acceptContract(
  deps: Deps,
  context: ActionContext,
  id: string,
  input: { contractStart: string },
): Promise<{ status: string }> {
  return deps.db.transaction().execute(async (trx) => {
    const listing = await listingToChange(trx, id);
    assertProviderAdmin(context, listing);
    if (listing.status !== 'qualified')
      throw new DomainError('invalid-transition', `The contract has already been accepted; the listing is ${listing.status}`);
    const offer = (await findOffer(trx, listing.offerId))!;
    const start = input.contractStart.trim();
    if (!isIsoDate(start))
      throw validationFailed([{ field: 'contractStart', message: 'Enter the date the contract starts, like 1 4 2027' }]);
    if (start < deps.clock.today())
      throw validationFailed([{ field: 'contractStart', message: 'The contract cannot start in the past: enter today or a later date' }]);
    if (offer.contractStart && start < offer.contractStart)
      throw validationFailed([
        { field: 'contractStart', message: `The offer’s contracts start on ${offer.contractStart} at the earliest` },
      ]);
    if (offer.contractEnd && start >= offer.contractEnd)
      throw validationFailed([
        { field: 'contractStart', message: `The offer’s contracts end on ${offer.contractEnd}: choose an earlier start date` },
      ]);
    const now = deps.clock.now();
    await recordContractAcceptance(trx, id, { start, end: offer.contractEnd, at: now, userId: actingUserId(context) });
    await moveListing(trx, context, listing, 'contracted', `NHS Standard Contract accepted, starting ${start}`, now, {
      contractStart: start,
    });
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
    const listing = await listingToChange(trx, id);
    if (context.principal) await assertLeadCommissioner(trx, context, listing);
    if (listing.status !== 'contracted')
      throw new DomainError('invalid-transition', `Only a contracted listing can go live; this one is ${listing.status}`);
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
    const listing = await listingToChange(trx, id);
    const offer = await assertLeadCommissioner(trx, context, listing);
    const at = deps.clock.now();
    await moveListing(trx, context, listing, 'suspended', reason.trim(), at);
    await noticeToProvider(trx, listing, offer, 'suspended', reason.trim(), at);
  });
}

/** The commissioner ends a listing for good; the provider may re-qualify through a new application. */
export async function terminateListing(deps: Deps, context: ActionContext, id: string, reason: string): Promise<void> {
  if (!reason.trim()) throw validationFailed([{ field: 'reason', message: 'Say why the listing is terminated' }]);
  await deps.db.transaction().execute(async (trx) => {
    const listing = await listingToChange(trx, id);
    const offer = await assertLeadCommissioner(trx, context, listing);
    const at = deps.clock.now();
    await moveListing(trx, context, listing, 'terminated', reason.trim(), at);
    await noticeToProvider(trx, listing, offer, 'terminated', reason.trim(), at);
  });
}
