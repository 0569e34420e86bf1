/** The application lifecycle (PRODUCT.md §3.3): draft → submitted ⇄ clarification → qualified or not qualified; withdrawn by the provider before a decision. */
import { statusMachine } from '../../lib/status-machine.ts';

export const APPLICATION_STATUSES = ['draft', 'submitted', 'clarification', 'qualified', 'not-qualified', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** Allowed moves; qualified, not qualified and withdrawn are final (a refused provider reapplies with a new application). */
const APPLICATION_LIFECYCLE = statusMachine<ApplicationStatus>(APPLICATION_STATUSES, {
  labels: {
    draft: 'Draft',
    submitted: 'Submitted',
    clarification: 'Clarification requested',
    qualified: 'Qualified',
    'not-qualified': 'Not qualified',
    withdrawn: 'Withdrawn',
  },
  moves: {
    draft: ['submitted', 'withdrawn'],
    submitted: ['clarification', 'qualified', 'not-qualified', 'withdrawn'],
    clarification: ['submitted', 'qualified', 'not-qualified', 'withdrawn'],
    qualified: [],
    'not-qualified': [],
    withdrawn: [],
  },
  refusal: ({ from, to }) => `An application that is ${from} cannot become ${to}`,
});

export const APPLICATION_STATUS_LABELS = APPLICATION_LIFECYCLE.labels;

/** The only grounds on which a commissioner may refuse a provider (domain brief §1); "incomplete" covers a submission that cannot be judged. */
export const REFUSAL_GROUNDS = ['rejects-price', 'rejects-local-standards', 'fails-quality-standards', 'incomplete'] as const;
export type RefusalGround = (typeof REFUSAL_GROUNDS)[number];

export const REFUSAL_GROUND_LABELS: Record<RefusalGround, string> = {
  'rejects-price': 'Rejects the price',
  'rejects-local-standards': 'Rejects local standards, pathways or referral thresholds',
  'fails-quality-standards': 'Fails quality standards',
  incomplete: 'Incomplete application',
};

/** Applications still being worked on: at most one per provider and offer. */
export const ACTIVE_STATUSES: readonly ApplicationStatus[] = ['draft', 'submitted', 'clarification'];

/** Applications waiting for an assessor. */
export const IN_ASSESSMENT_STATUSES: readonly ApplicationStatus[] = ['submitted', 'clarification'];

/** True for a value that names an application status. */
export const isApplicationStatus = APPLICATION_LIFECYCLE.is;

export function isRefusalGround(value: unknown): value is RefusalGround {
  return typeof value === 'string' && (REFUSAL_GROUNDS as readonly string[]).includes(value);
}

/** The statuses an application may move to next, such as whether its provider may still withdraw it. */
export const nextApplicationStatuses = APPLICATION_LIFECYCLE.next;

/** Refuses a move the lifecycle does not allow, with a coded error that changes nothing. */
export const assertApplicationTransition = APPLICATION_LIFECYCLE.assertMove;
