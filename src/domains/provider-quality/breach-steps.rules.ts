/**
 * When a breach may take its next step (issue #15 item 6, decision 0056): escalation needs a ground — the response overdue,
 * or a milestone of the plan missed — and closing a breach under a plan needs every milestone met; milestone outcomes are
 * recorded on a real date. Pure rules; the services refuse what these refuse, in these words.
 */
import {
  BREACH_LIFECYCLE,
  type BreachPeriods,
  type BreachStatus,
  type Milestone,
  missedMilestones,
  responseOverdue,
} from './breach.rules.ts';

/** What the rules need of a breach to judge its next step. */
export interface BreachFacts {
  status: BreachStatus;
  noticeOn: string | null;
  respondedOn: string | null;
  periods: BreachPeriods | null;
  /** The milestones of the plan in force (none before a plan), with the day one was recorded missed. */
  milestones: readonly (Milestone & { missedOn: string | null })[];
}

/** Why the commissioner may not escalate today, or null when it may: GC9 escalates an unanswered notice or a plan not kept. */
export function escalationRefusal(breach: BreachFacts, today: string): string | null {
  if (breach.status === 'notice-issued') {
    if (breach.periods && breach.noticeOn && responseOverdue(breach.noticeOn, breach.respondedOn, today, breach.periods)) return null;
    return 'The provider still has time to respond to the notice: you can escalate once the response is overdue';
  }
  if (breach.status === 'responded') return null;
  if (breach.status === 'remedial-plan')
    return missedMilestones(breach.milestones, today).length
      ? null
      : 'No milestone of the remedial action plan has been missed: you can escalate once one is';
  return null;
}

/** Why the breach may not be closed today, or null: a breach under a plan closes once every milestone was met on time. */
export function closeRefusal(breach: BreachFacts): string | null {
  if (breach.status !== 'remedial-plan') return null;
  const open = breach.milestones.filter((milestone) => milestone.metOn === null || milestone.metOn > milestone.dueOn);
  return open.length ? `Every milestone must be met before the breach is closed: ${open.length} is not met yet` : null;
}

export type MilestoneOutcome = 'met' | 'missed';

/** Field errors for recording a milestone met on a day (from the plan's agreement to today) or missed (only after its date). */
export function milestoneOutcomeErrors(
  milestone: Milestone & { missedOn: string | null },
  outcome: string,
  on: string,
  context: { agreedOn: string; today: string },
): { field: string; message: string }[] {
  if (outcome !== 'met' && outcome !== 'missed') return [{ field: 'outcome', message: 'Choose whether the milestone was met or missed' }];
  if (outcome === 'missed')
    return milestone.dueOn < context.today
      ? []
      : [{ field: 'outcome', message: `The milestone is not due until ${milestone.dueOn}: it can be recorded missed after that date` }];
  if (on > context.today) return [{ field: 'metOn', message: 'The date the milestone was met must be today or in the past' }];
  if (on < context.agreedOn)
    return [{ field: 'metOn', message: `The date the milestone was met must be on or after the plan was agreed, ${context.agreedOn}` }];
  return [];
}

/** A milestone already met or recorded missed keeps its outcome: a record of what happened, not a draft. */
export function milestoneAlreadyRecorded(milestone: { metOn: string | null; missedOn: string | null }): boolean {
  return milestone.metOn !== null || milestone.missedOn !== null;
}

/** The statuses in which the breach is still open: the rest are finished (one open breach per offer, provider and KPI). */
export const OPEN_BREACH_STATUSES: readonly BreachStatus[] = ['open', 'notice-issued', 'responded', 'remedial-plan', 'escalated'];

/** True while the breach is still being worked. */
export function isOpenBreach(status: BreachStatus): boolean {
  return OPEN_BREACH_STATUSES.includes(status);
}

/** The steps a breach can be moved by, named as the API and the forms name them. */
export type BreachStep = 'notice' | 'response' | 'plan' | 'milestone' | 'close' | 'withdraw' | 'escalate' | 'suspend';

const STEP_MOVES: Record<BreachStep, { side: 'commissioner' | 'provider'; to: BreachStatus }> = {
  notice: { side: 'commissioner', to: 'notice-issued' },
  response: { side: 'provider', to: 'responded' },
  plan: { side: 'commissioner', to: 'remedial-plan' },
  milestone: { side: 'commissioner', to: 'remedial-plan' },
  close: { side: 'commissioner', to: 'closed' },
  withdraw: { side: 'commissioner', to: 'withdrawn' },
  escalate: { side: 'commissioner', to: 'escalated' },
  suspend: { side: 'commissioner', to: 'suspended' },
};

/** Who takes a step and the status it leads to (a milestone's outcome keeps the plan in force). */
export function stepMove(step: BreachStep): { side: 'commissioner' | 'provider'; to: BreachStatus } {
  return STEP_MOVES[step];
}

/** The steps one side may take today, for the forms its page shows and the API's `nextSteps`: the lifecycle allows them and their ground holds. */
export function nextBreachSteps(breach: BreachFacts, side: 'commissioner' | 'provider' | null, today: string): BreachStep[] {
  const steps = Object.keys(STEP_MOVES) as BreachStep[];
  return steps.filter((step) => {
    const move = STEP_MOVES[step];
    if (move.side !== side) return false;
    if (step === 'milestone')
      return breach.status === 'remedial-plan' && breach.milestones.some((milestone) => !milestoneAlreadyRecorded(milestone));
    if (!BREACH_LIFECYCLE.canMove(breach.status, move.to)) return false;
    if (step === 'escalate') return escalationRefusal(breach, today) === null;
    if (step === 'close') return closeRefusal(breach) === null;
    return true;
  });
}
