/** Pure rules of regional assessment (PRODUCT.md §3.2): the stated criteria, the allowed transitions and what a proposal must say. */
import { DomainError, type FieldError } from '../../lib/errors.ts';
import { statusMachine } from '../../lib/status-machine.ts';

/** The states of a locally proposed service: drafted by a commissioner, submitted to its region, then decided. */
export const PROPOSAL_STATUSES = ['draft', 'submitted', 'approved', 'rejected'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** A draft is submitted once; the region then approves or rejects it, and either decision is final. */
const PROPOSAL_LIFECYCLE = statusMachine<ProposalStatus>(PROPOSAL_STATUSES, {
  labels: {
    draft: 'Draft',
    submitted: 'Awaiting assessment',
    approved: 'Approved',
    rejected: 'Rejected',
  },
  moves: {
    draft: ['submitted'],
    submitted: ['approved', 'rejected'],
    approved: [],
    rejected: [],
  },
  refusal: ({ from, to }) => `A proposal that is ${from} cannot become ${to}`,
});

export const STATUS_LABELS = PROPOSAL_LIFECYCLE.labels;

export interface Criterion {
  code: string;
  title: string;
  description: string;
}

/** The criteria a region assesses a locally proposed service against, modelled on what made the national AQP services suitable. */
export const ASSESSMENT_CRITERIA: readonly Criterion[] = [
  {
    code: 'patient-benefit',
    title: 'Patient benefit and demand for choice',
    description: 'Patients would benefit from a choice of provider, and there is evidence they want it.',
  },
  {
    code: 'outcome-specification',
    title: 'An outcome-based specification is possible',
    description: 'The service can be described in a clear specification with measurable outcomes that any provider could deliver.',
  },
  {
    code: 'currency-and-price',
    title: 'A currency and price can be set',
    description: 'There is a unit of activity to pay for (pathway, episode, session or test) and a fair price for it can be set.',
  },
  {
    code: 'provider-market',
    title: 'A market of capable providers exists',
    description: 'More than one provider could qualify to deliver the service to the standard required.',
  },
  {
    code: 'referral-pathways',
    title: 'It fits local referral pathways',
    description: 'The service can sit within local referral protocols without destabilising other services.',
  },
  {
    code: 'affordability',
    title: 'It is affordable',
    description: 'The commissioner can afford the activity that choice may attract, with thresholds to manage demand.',
  },
];

export function isCriterion(code: string): boolean {
  return ASSESSMENT_CRITERIA.some((criterion) => criterion.code === code);
}

type Action = 'edit' | 'submit' | 'assess' | 'decide';

/** The move each action makes or works towards: editing and submitting lead to submission, assessing and deciding to a decision; a state that cannot make the move refuses the action. */
const LEADS_TO: Record<Action, ProposalStatus> = { edit: 'submitted', submit: 'submitted', assess: 'approved', decide: 'approved' };

const REFUSALS: Record<Action, string> = {
  edit: 'This proposal has been submitted to the region, so it can no longer be changed',
  submit: 'Only a draft proposal can be submitted',
  assess: 'Only a submitted proposal that has not been decided can be assessed',
  decide: 'Only a submitted proposal that has not been decided can be decided',
};

/** Refuses an action the proposal's current state does not allow, with the `invalid-transition` code. */
export function assertActionAllowed(status: string, action: Action): void {
  if (!PROPOSAL_LIFECYCLE.is(status) || !PROPOSAL_LIFECYCLE.canMove(status, LEADS_TO[action]))
    throw new DomainError('invalid-transition', REFUSALS[action], { status, action });
}

export interface ProposalFields {
  name: string;
  description: string;
  rationale: string;
}

/** Trims the text a commissioner typed. */
export function cleanProposal(input: Partial<ProposalFields>): ProposalFields {
  return {
    name: (input.name ?? '').trim().replace(/\s+/g, ' '),
    description: (input.description ?? '').trim(),
    rationale: (input.rationale ?? '').trim(),
  };
}

/** Field errors for a proposal, in the order the form shows the fields. */
export function proposalFieldErrors(fields: ProposalFields): FieldError[] {
  const errors: FieldError[] = [];
  if (!fields.name) errors.push({ field: 'name', message: 'Enter the name of the service you propose' });
  else if (fields.name.length > 200) errors.push({ field: 'name', message: 'Service name must be 200 characters or fewer' });
  if (!fields.description) errors.push({ field: 'description', message: 'Describe the service' });
  else if (fields.description.length > 4000)
    errors.push({ field: 'description', message: 'Description must be 4,000 characters or fewer' });
  if (!fields.rationale) errors.push({ field: 'rationale', message: 'Give the evidence of local need for the service' });
  else if (fields.rationale.length > 8000)
    errors.push({ field: 'rationale', message: 'Evidence of local need must be 8,000 characters or fewer' });
  return errors;
}

/** A service name compared without case, spacing or punctuation, so "Phlebotomy." matches "phlebotomy". */
export function comparableServiceName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export interface AssessmentInput {
  criterion: string;
  met: boolean | null;
  note: string;
}

/** Field errors for a set of criterion assessments: a known criterion, met or not met, and a note each. */
export function assessmentFieldErrors(assessments: AssessmentInput[]): FieldError[] {
  const errors: FieldError[] = [];
  if (assessments.length === 0) errors.push({ field: 'assessments', message: 'Assess at least one criterion' });
  const seen = new Set<string>();
  for (const item of assessments) {
    const title = ASSESSMENT_CRITERIA.find((criterion) => criterion.code === item.criterion)?.title;
    if (!title) errors.push({ field: 'assessments', message: `There is no criterion called ${item.criterion}` });
    else if (seen.has(item.criterion)) errors.push({ field: `${item.criterion}-met`, message: `${title} is assessed twice` });
    seen.add(item.criterion);
    if (!title) continue;
    if (item.met === null) errors.push({ field: `${item.criterion}-met`, message: `Select whether “${title}” is met` });
    if (!item.note.trim()) errors.push({ field: `${item.criterion}-note`, message: `Give a note for “${title}”` });
    else if (item.note.length > 4000)
      errors.push({ field: `${item.criterion}-note`, message: `The note for “${title}” must be 4,000 characters or fewer` });
  }
  return errors;
}

/** The criteria still to assess before a decision can be made. */
export function unassessedCriteria(assessedCodes: readonly string[]): Criterion[] {
  return ASSESSMENT_CRITERIA.filter((criterion) => !assessedCodes.includes(criterion.code));
}

export const DECISIONS = ['approved', 'rejected'] as const;
export type Decision = (typeof DECISIONS)[number];

/** Field errors for a decision: an outcome and the reasons the commissioner will read. */
export function decisionFieldErrors(outcome: string, reasons: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!(DECISIONS as readonly string[]).includes(outcome)) errors.push({ field: 'outcome', message: 'Select approved or rejected' });
  if (!reasons.trim()) errors.push({ field: 'reasons', message: 'Give the reasons for the decision' });
  else if (reasons.length > 8000) errors.push({ field: 'reasons', message: 'Reasons must be 8,000 characters or fewer' });
  return errors;
}
