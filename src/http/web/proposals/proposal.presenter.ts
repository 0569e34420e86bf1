/** View-models of local service proposals: status tags, the criteria with their assessments, and the actions each role may take. */
import type { Principal } from '../../../domains/identity/principal.ts';
import { mayDraftProposal, mayOpenAsOffer, mayReviewProposal } from '../../../domains/proposals/proposal-access.rules.ts';
import type { ProposalWithAssessments } from '../../../domains/proposals/proposal-queries.service.ts';
import type { ProposalRecord } from '../../../domains/proposals/proposals.repo.ts';
import { formatDate } from '../format.ts';
import type { ListColumns } from '../list-table.ts';
import { ASSESSMENT_CRITERIA, type ProposalStatus, STATUS_LABELS, unassessedCriteria } from '../../../domains/proposals/proposals.rules.ts';

const TAG_COLOURS: Record<ProposalStatus, string> = {
  draft: 'nhsuk-tag--grey',
  submitted: 'nhsuk-tag--blue',
  approved: 'nhsuk-tag--green',
  rejected: 'nhsuk-tag--red',
};

/** The status as an NHS tag: words first, colour as a second cue. */
export function statusTag(status: string): { text: string; classes: string } {
  const known = status as ProposalStatus;
  return { text: STATUS_LABELS[known] ?? status, classes: TAG_COLOURS[known] ?? 'nhsuk-tag--grey' };
}

const serviceColumn = {
  heading: 'Service',
  cell: (proposal: ProposalRecord) => ({ text: proposal.name, href: `/proposals/${proposal.id}` }),
};
const statusColumn = {
  heading: 'Status',
  cell: (proposal: ProposalRecord) => {
    const tag = statusTag(proposal.status);
    return { text: tag.text, tag: tag.classes };
  },
};

/** A commissioner's proposals as the page and its CSV both show them (decision 0067). */
export const PROPOSAL_LIST_COLUMNS: ListColumns<ProposalRecord> = [
  serviceColumn,
  statusColumn,
  { heading: 'Region', cell: (proposal) => proposal.region.name },
  { heading: 'Last changed', cell: (proposal) => formatDate(proposal.updatedAt) },
];

/** A region's review queue as the page and its CSV both show it. */
export const PROPOSAL_QUEUE_COLUMNS: ListColumns<ProposalRecord> = [
  serviceColumn,
  { heading: 'Proposed by', cell: (proposal) => proposal.proposer.name },
  statusColumn,
  { heading: 'Submitted', cell: (proposal) => formatDate(proposal.submittedAt) },
];

/** Each criterion with its assessment so far, for the detail and assess pages. */
export function criteriaView(proposal: ProposalWithAssessments) {
  return ASSESSMENT_CRITERIA.map((criterion) => {
    const assessment = proposal.assessments.find((item) => item.criterion === criterion.code);
    return {
      ...criterion,
      assessed: Boolean(assessment),
      met: assessment?.met,
      result: assessment ? (assessment.met ? 'Met' : 'Not met') : 'Not assessed yet',
      note: assessment?.note ?? '',
    };
  });
}

/** The whole detail page's model, with the actions open to this principal in this state. */
export function proposalDetailView(proposal: ProposalWithAssessments, principal: Principal) {
  const drafting = mayDraftProposal(principal, proposal) && proposal.status === 'draft';
  const reviewing = mayReviewProposal(principal, proposal) && proposal.status === 'submitted';
  const unassessed = unassessedCriteria(proposal.assessments.map((item) => item.criterion));
  return {
    proposal,
    statusTag: statusTag(proposal.status),
    criteria: criteriaView(proposal),
    unassessedCount: unassessed.length,
    decided: proposal.status === 'approved' || proposal.status === 'rejected',
    mayEdit: drafting,
    maySubmit: drafting,
    mayAssess: reviewing,
    mayDecide: reviewing && unassessed.length === 0,
    mayOpenAsOffer: mayOpenAsOffer(principal, proposal),
    backHref: principal.role === 'regional-reviewer' ? '/proposals/review' : '/proposals',
  };
}
