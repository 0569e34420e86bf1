/** Reinstating a suspended listing (PRODUCT.md §3.3), refused while a cause the offer's compliance rule suspends for remains. */
import { DomainError } from '../../lib/errors.ts';
import type { Executor } from '../../db/executor.ts';
import type { Deps } from '../deps.ts';
import type { ActionContext } from '../identity/principal.ts';
import { assertLeadCommissioner, listingToChange } from '../listings/listing-access.ts';
import { moveListing, noticeToProvider } from '../listings/listing-change.ts';
import { mayGoLive } from '../listings/listing-lifecycle.rules.ts';
import type { ListingRecord } from '../listings/listing.repo.ts';
import { currentEvidenceOf, rulesOf } from './compliance.repo.ts';
import { evidenceFindings, suspendingFindings } from './compliance.rules.ts';

/** The problems, as sentences, that would suspend this listing again today. */
async function blockingComplianceIssues(db: Executor, listing: ListingRecord, today: string): Promise<string[]> {
  const evidence = (await currentEvidenceOf(db, [listing.providerOrganisationId])).get(listing.providerOrganisationId) ?? [];
  const rule = (await rulesOf(db, [listing.offerId])).get(listing.offerId)!;
  return suspendingFindings(evidenceFindings(evidence, today), rule, today).map((finding) => finding.detail);
}

/** Lifts a suspension: live again if the contract has started, else back to contracted; refused while a cause the offer's rule suspends for remains. */
export async function liftSuspension(deps: Deps, context: ActionContext, id: string, reason: string): Promise<{ status: string }> {
  return deps.db.transaction().execute(async (trx) => {
    const listing = await listingToChange(trx, id);
    const offer = await assertLeadCommissioner(trx, context, listing);
    if (listing.status !== 'suspended')
      throw new DomainError('invalid-transition', `Only a suspended listing can be reinstated; this one is ${listing.status}`);
    const issues = await blockingComplianceIssues(trx, listing, deps.clock.today());
    if (issues.length) throw new DomainError('invalid-transition', `The suspension cannot be lifted yet: ${issues.join('; ')}`, { issues });
    const to = mayGoLive('suspended', listing.contractStart, deps.clock.today()) ? 'live' : 'contracted';
    const at = deps.clock.now();
    await moveListing(trx, context, listing, to, reason.trim() || 'Suspension lifted', at);
    await noticeToProvider(trx, listing, offer, 'reinstated', reason.trim() || 'the commissioner gave none', at);
    return { status: to };
  });
}
