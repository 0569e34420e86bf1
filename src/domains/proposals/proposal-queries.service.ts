/** What each role sees of local service proposals: a commissioner its own, a regional reviewer its region's submitted ones. */
import type { Deps } from '../deps.ts';
import type { Principal } from '../identity/principal.ts';
import { mayViewProposal, proposalNotFound, requirePrincipal } from './proposal-access.rules.ts';
import { type AssessmentRecord, assessmentsOf, findProposal, listProposals, type ProposalRecord } from './proposals.repo.ts';
import { PROPOSAL_STATUSES } from './proposals.rules.ts';

export interface ProposalWithAssessments extends ProposalRecord {
  assessments: AssessmentRecord[];
}

/** One proposal with its assessments, or not-found for anyone who may not see it. */
export async function getProposal(deps: Deps, principal: Principal | null, id: string): Promise<ProposalWithAssessments> {
  const actor = requirePrincipal(principal);
  const proposal = await findProposal(deps.db, id);
  if (!proposal || !mayViewProposal(actor, proposal)) throw proposalNotFound();
  return { ...proposal, assessments: await assessmentsOf(deps.db, id) };
}

/** A page of the proposals the principal may see, optionally of some statuses only (reviewers never see drafts). */
export async function proposalsFor(
  deps: Deps,
  principal: Principal | null,
  page: { statuses?: readonly string[]; limit: number; offset: number },
) {
  const actor = requirePrincipal(principal);
  const wanted = (page.statuses ?? []).filter((status) => (PROPOSAL_STATUSES as readonly string[]).includes(status));
  if (actor.role === 'commissioner')
    return listProposals(deps.db, { proposerId: actor.organisationId, statuses: wanted, limit: page.limit, offset: page.offset });
  if (actor.role === 'regional-reviewer') {
    const visible = (wanted.length ? wanted : PROPOSAL_STATUSES).filter((status) => status !== 'draft');
    if (visible.length === 0) return { rows: [], total: 0 };
    return listProposals(deps.db, { regionId: actor.organisationId, statuses: visible, limit: page.limit, offset: page.offset });
  }
  return { rows: [], total: 0 };
}
