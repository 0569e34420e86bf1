/** The application lifecycle (PRODUCT.md §3.3): draft → submitted ⇄ clarification → qualified or not qualified; withdrawn by the provider before a decision. */
import { DomainError } from '../../lib/errors.ts';

export const APPLICATION_STATUSES = ['draft', 'submitted', 'clarification', 'qualified', 'not-qualified', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  draft: 'Draft',
  submitted: 'Submitted',
  clarification: 'Clarification requested',
  qualified: 'Qualified',
  'not-qualified': 'Not qualified',
  withdrawn: 'Withdrawn',
};

/** The only grounds on which a commissioner may refuse a provider (domain brief §1); "incomplete" covers a submission that cannot be judged. */
export const REFUSAL_GROUNDS = ['rejects-price', 'rejects-local-standards', 'fails-quality-standards', 'incomplete'] as const;
export type RefusalGround = (typeof REFUSAL_GROUNDS)[number];

export const REFUSAL_GROUND_LABELS: Record<RefusalGround, string> = {
  'rejects-price': 'Rejects the price',
  'rejects-local-standards': 'Rejects local standards, pathways or referral thresholds',
  'fails-quality-standards': 'Fails quality standards',
  incomplete: 'Incomplete application',
};

/** Allowed moves; qualified, not qualified and withdrawn are final (a refused provider reapplies with a new application). */
const NEXT: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  draft: ['submitted', 'withdrawn'],
  submitted: ['clarification', 'qualified', 'not-qualified', 'withdrawn'],
  clarification: ['submitted', 'qualified', 'not-qualified', 'withdrawn'],
  qualified: [],
  'not-qualified': [],
  withdrawn: [],
};

/** Applications still being worked on: at most one per provider and offer. */
export const ACTIVE_STATUSES: readonly ApplicationStatus[] = ['draft', 'submitted', 'clarification'];

/** Applications waiting for an assessor. */
export const IN_ASSESSMENT_STATUSES: readonly ApplicationStatus[] = ['submitted', 'clarification'];

export function isApplicationStatus(value: unknown): value is ApplicationStatus {
  return typeof value === 'string' && (APPLICATION_STATUSES as readonly string[]).includes(value);
}

export function isRefusalGround(value: unknown): value is RefusalGround {
  return typeof value === 'string' && (REFUSAL_GROUNDS as readonly string[]).includes(value);
}

export function nextApplicationStatuses(status: ApplicationStatus): readonly ApplicationStatus[] {
  return NEXT[status];
}

/** Refuses a move the lifecycle does not allow, with a coded error that changes nothing. */
export function assertApplicationTransition(from: ApplicationStatus, to: ApplicationStatus): void {
  if (NEXT[from].includes(to)) return;
  throw new DomainError('invalid-transition', `An application that is ${APPLICATION_STATUS_LABELS[from].toLowerCase()} cannot become ${APPLICATION_STATUS_LABELS[to].toLowerCase()}`, { from, to });
}
