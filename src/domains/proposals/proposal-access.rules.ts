/** Who may see and act on a locally proposed service: its proposing commissioner, and the reviewers of the region it was submitted to. */
import { DomainError } from '../../lib/errors.ts';
import type { Principal } from '../identity/principal.ts';

interface ProposalScope {
  status: string;
  proposer: { id: string };
  region: { id: string };
}

/** The acting principal, or a refusal when nobody has signed in or sent a key. */
export function requirePrincipal(principal: Principal | null): Principal {
  if (!principal) throw new DomainError('unauthenticated', 'Sign in or send an API key to use local service proposals');
  return principal;
}

/** True when the principal may see the proposal: its own commissioner always, its region's reviewers once it is submitted. */
export function mayViewProposal(principal: Principal, proposal: ProposalScope): boolean {
  if (principal.role === 'commissioner') return proposal.proposer.id === principal.organisationId;
  if (principal.role === 'regional-reviewer') return proposal.region.id === principal.organisationId && proposal.status !== 'draft';
  return false;
}

/** True when the principal is the proposing commissioner, who alone drafts, edits and submits. */
export function mayDraftProposal(principal: Principal, proposal: ProposalScope): boolean {
  return principal.role === 'commissioner' && proposal.proposer.id === principal.organisationId;
}

/** True when the principal reviews for the region the proposal was submitted to. */
export function mayReviewProposal(principal: Principal, proposal: ProposalScope): boolean {
  return principal.role === 'regional-reviewer' && proposal.region.id === principal.organisationId && proposal.status !== 'draft';
}

/** True when the principal may open the proposal as an offer: its own commissioner, once the region has approved it (docs/decisions/0028-local-service-offers.md). */
export function mayOpenAsOffer(principal: Principal, proposal: ProposalScope): boolean {
  return mayDraftProposal(principal, proposal) && proposal.status === 'approved';
}

/** The same answer for "does not exist" and "not yours", so nobody learns of another organisation's proposals. */
export function proposalNotFound(): DomainError {
  return new DomainError('not-found', 'There is no such proposal');
}
