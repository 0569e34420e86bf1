/**
 * Escalation and suspension (issue #15 item 6; brief §B3, GC9; decision 0056): the commissioner escalates an unanswered notice,
 * a response that led to no plan, or a plan with a missed milestone; an escalated breach ends in a revised plan or in the
 * suspension of the provider's listing on the offer — the listing's own suspension, with its notice to the provider.
 */
import { DomainError } from '../../lib/errors.ts';
import { assertLeadCommissioner, listingToChange } from '../listings/listing-access.ts';
import { moveListing, noticeToProvider } from '../listings/listing-change.ts';
import { factsOf } from './breach-facts.ts';
import { BREACH_STEP_MESSAGES, figureInWords } from './breach-messages.rules.ts';
import { inTransaction, lockedForStep, requiredText, writeStep } from './breach-step.ts';
import { escalationRefusal } from './breach-steps.rules.ts';
import { currentListingIdOf } from './breach.repo.ts';

/** The commissioner escalates the breach, once there is a ground for it (the response overdue, or a milestone missed). */
export const escalateBreach = inTransaction<{ reason: string }>(async (trx, deps, context, id, input) => {
  const breach = await lockedForStep(trx, context, id, 'escalate', input.version);
  const refusal = escalationRefusal(await factsOf(trx, breach), deps.clock.today());
  if (refusal) throw new DomainError('invalid-transition', refusal);
  const reason = requiredText('reason', input.reason, 'Say why the breach is escalated: the provider will see it');
  await writeStep(trx, deps, context, breach, {
    action: 'escalate',
    to: 'escalated',
    detail: reason,
    message: { to: 'provider', content: BREACH_STEP_MESSAGES.escalate(breach, { reason }) },
  });
});

/** The commissioner suspends the provider's listing on the offer for the escalated breach; the provider is told by the listing's notice. */
export const suspendForBreach = inTransaction<{ reason: string }>(async (trx, deps, context, id, input) => {
  const breach = await lockedForStep(trx, context, id, 'suspend', input.version);
  const reason = requiredText('reason', input.reason, 'Say why the listing is suspended: the provider will see it');
  const listingId = await currentListingIdOf(trx, breach.offer.id, breach.provider.id);
  if (!listingId)
    throw new DomainError('invalid-transition', 'The provider no longer holds a listing on this offer: there is nothing to suspend');
  const listing = await listingToChange(trx, listingId);
  const offer = await assertLeadCommissioner(trx, context, listing);
  const at = deps.clock.now();
  const why = `KPI breach ${breach.reference} (${breach.kpi.name}: ${figureInWords(breach.kpi)}): ${reason}`;
  if (listing.status !== 'suspended') {
    await moveListing(trx, context, listing, 'suspended', why, at, { breachId: breach.id });
    await noticeToProvider(trx, listing, offer, 'suspended', why, at);
  }
  await writeStep(trx, deps, context, breach, {
    action: 'suspend',
    to: 'suspended',
    change: { suspendedListingId: listing.id, finishedOn: deps.clock.today() },
    detail: reason,
    details: { listingId: listing.id, listingAlreadySuspended: listing.status === 'suspended' },
    ...(listing.status === 'suspended' ? { message: { to: 'provider', content: BREACH_STEP_MESSAGES.suspend(breach, { reason }) } } : {}),
  });
});
