/**
 * A KPI breach and what the contract does about it (issue #15 item 6; brief §B3, GC9): a Contract Performance Notice,
 * the provider's response, a Remedial Action Plan with dated milestones, then closed when met or escalated to
 * suspension. The sequence and day counts are UNCONFIRMED in the sources, so the days are configuration.
 */
import { statusMachine } from '../../lib/status-machine.ts';
import { workingDaysBetween } from '../../lib/working-days.ts';

export const BREACH_STATUSES = [
  'open',
  'notice-issued',
  'responded',
  'remedial-plan',
  'escalated',
  'suspended',
  'closed',
  'withdrawn',
] as const;
export type BreachStatus = (typeof BREACH_STATUSES)[number];

/** The breach lifecycle: a notice follows a breach; a response or its absence decides what comes next; a plan is met or escalated. */
export const BREACH_LIFECYCLE = statusMachine(BREACH_STATUSES, {
  labels: {
    open: 'Breach found',
    'notice-issued': 'Contract performance notice issued',
    responded: 'Provider responded',
    'remedial-plan': 'Remedial action plan agreed',
    escalated: 'Escalated',
    suspended: 'Listing suspended',
    closed: 'Closed: performance restored',
    withdrawn: 'Notice withdrawn',
  },
  moves: {
    open: ['notice-issued', 'closed'],
    'notice-issued': ['responded', 'escalated', 'withdrawn'],
    responded: ['remedial-plan', 'withdrawn', 'escalated'],
    'remedial-plan': ['closed', 'escalated'],
    escalated: ['remedial-plan', 'suspended'],
    suspended: [],
    closed: [],
    withdrawn: [],
  },
  refusal: ({ from, to, allowed }) =>
    `A breach that is ${from} cannot be moved to ${to}${allowed.length ? `: it can be moved to ${allowed.join(' or ')}` : ': it is finished'}`,
});

/** The contract-management periods in England's working days (Operational Days), stamped with the reading they come from. */
export interface BreachPeriods {
  edition: string;
  /** From the notice, the provider has this many working days to respond; then the breach may be escalated. */
  respondWithinWorkingDays: number;
  /** From the response, the contract management meeting is held within this many working days. */
  meetWithinWorkingDays: number;
}

/** Our reading of GC9 (brief §B3: "a few Operational Days", "~10 Operational Days"), UNCONFIRMED: check against the contract in use. */
export const DEFAULT_BREACH_PERIODS: BreachPeriods = {
  edition: 'NHS Standard Contract GC9 (contract management), reading of brief §B3, unconfirmed',
  respondWithinWorkingDays: 5,
  meetWithinWorkingDays: 10,
};

/** True once the provider's time to respond to a notice has passed without a response: the commissioner may escalate. */
export function responseOverdue(noticeOn: string, respondedOn: string | null, today: string, periods: BreachPeriods): boolean {
  return respondedOn === null && workingDaysBetween(noticeOn, today) > periods.respondWithinWorkingDays;
}

export interface Milestone {
  description: string;
  dueOn: string;
  metOn: string | null;
}

/** The plan's milestones past their date and not met on a day: any one lets the commissioner escalate. */
export function missedMilestones(milestones: readonly Milestone[], today: string): Milestone[] {
  return milestones.filter((milestone) => milestone.dueOn < today && (milestone.metOn === null || milestone.metOn > milestone.dueOn));
}

/** Milestones must be dated in order, after the plan is agreed, with something to do; the errors say which. */
export function milestoneErrors(milestones: readonly Milestone[], agreedOn: string): { field: string; message: string }[] {
  if (milestones.length === 0) return [{ field: 'milestones', message: 'Add at least one milestone with a date' }];
  return milestones.flatMap((milestone, index) => [
    ...(milestone.description.trim() ? [] : [{ field: `milestones.${index}.description`, message: 'Say what will be done by this date' }]),
    ...(milestone.dueOn > agreedOn ? [] : [{ field: `milestones.${index}.dueOn`, message: `Date the milestone after ${agreedOn}` }]),
    ...(index > 0 && milestone.dueOn < milestones[index - 1]!.dueOn
      ? [{ field: `milestones.${index}.dueOn`, message: 'Date each milestone on or after the one before it' }]
      : []),
  ]);
}
