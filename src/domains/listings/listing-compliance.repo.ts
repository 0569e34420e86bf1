/** Why a listing may not be reinstated yet: the assurance problems its offer's rule suspends for. */
import { currentEvidenceOf, rulesOf } from '../compliance/compliance.repo.ts';
import { evidenceFindings, suspendingFindings } from '../compliance/compliance.rules.ts';
import type { Executor } from '../../db/executor.ts';
import type { ListingRecord } from './listing.repo.ts';

/** The problems, as sentences, that would suspend this listing again today. */
export async function blockingComplianceIssues(db: Executor, listing: ListingRecord, today: string): Promise<string[]> {
  const evidence = (await currentEvidenceOf(db, [listing.providerOrganisationId])).get(listing.providerOrganisationId) ?? [];
  const rule = (await rulesOf(db, [listing.offerId])).get(listing.offerId)!;
  return suspendingFindings(evidenceFindings(evidence, today), rule, today).map((finding) => finding.detail);
}
