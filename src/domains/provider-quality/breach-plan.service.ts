/**
 * The remedial action plan (issue #15 item 6; brief §B3, GC9; decision 0056): agreed between the parties after the provider's
 * response (the provider proposes its actions in the response), recorded by the commissioner with dated milestones, each
 * milestone then recorded met or missed.
 */
import { DomainError, validationFailed } from '../../lib/errors.ts';
import { isIsoDate } from '../../lib/iso-date.ts';
import { factsOf } from './breach-facts.ts';
import { insertMilestones, recordMilestoneOutcome } from './breach-history.repo.ts';
import { BREACH_STEP_MESSAGES } from './breach-messages.rules.ts';
import { inTransaction, lockedForStep, writeStep } from './breach-step.ts';
import { milestoneAlreadyRecorded, milestoneOutcomeErrors } from './breach-steps.rules.ts';
import { milestoneErrors } from './breach.rules.ts';

/** The most milestones one plan takes. */
export const MAX_MILESTONES = 10;

/** Milestones as given, checked as a plan: described, real dates, after today and in order. */
function checkedMilestones(milestones: readonly { description: string; dueOn: string }[], today: string) {
  if (milestones.length > MAX_MILESTONES)
    throw validationFailed([{ field: 'milestones', message: `A plan has at most ${MAX_MILESTONES} milestones` }]);
  const trimmed = milestones.map((milestone) => ({
    description: milestone.description.trim(),
    dueOn: milestone.dueOn.trim(),
    metOn: null,
  }));
  const badDates = trimmed.flatMap((milestone, index) =>
    isIsoDate(milestone.dueOn)
      ? []
      : [{ field: `milestones.${index}.dueOn`, message: 'Enter the date the milestone is due, like 1 4 2027' }],
  );
  const tooLong = trimmed.flatMap((milestone, index) =>
    milestone.description.length > 1000
      ? [{ field: `milestones.${index}.description`, message: 'Keep it to 1,000 characters or fewer' }]
      : [],
  );
  const errors = [...badDates, ...tooLong];
  if (errors.length) throw validationFailed(errors);
  const ruleErrors = milestoneErrors(trimmed, today);
  if (ruleErrors.length) throw validationFailed(ruleErrors);
  return trimmed;
}

/** The commissioner records the plan agreed with the provider (a revised one after escalation), replacing any plan in force. */
export const agreePlan = inTransaction<{ milestones: { description: string; dueOn: string }[] }>(async (trx, deps, context, id, input) => {
  const breach = await lockedForStep(trx, context, id, 'plan', input.version);
  const today = deps.clock.today();
  const milestones = checkedMilestones(input.milestones, today);
  const { all } = await factsOf(trx, breach);
  const planNumber = breach.planNumber + 1;
  await insertMilestones(trx, breach.id, planNumber, all.length + 1, milestones);
  await writeStep(trx, deps, context, breach, {
    action: 'plan',
    to: 'remedial-plan',
    change: { planNumber, planAgreedOn: today },
    detail: milestones.map((milestone) => `${milestone.description} by ${milestone.dueOn}`).join('; '),
    details: { planNumber, milestones: milestones.length },
    message: { to: 'provider', content: BREACH_STEP_MESSAGES.plan(breach, { milestones }) },
  });
});

/** The commissioner records a milestone of the plan in force as met (on a day) or missed (once its date has passed). */
export const recordMilestone = inTransaction<{ number: number; outcome: string; metOn?: string }>(async (trx, deps, context, id, input) => {
  const breach = await lockedForStep(trx, context, id, 'milestone', input.version);
  const milestone = (await factsOf(trx, breach)).milestones.find((found) => found.number === input.number);
  if (!milestone) throw new DomainError('not-found', 'The remedial action plan in force has no such milestone');
  if (milestoneAlreadyRecorded(milestone))
    throw new DomainError(
      'invalid-transition',
      `This milestone is already recorded as ${milestone.metOn ? `met on ${milestone.metOn}` : 'missed'}`,
    );
  const today = deps.clock.today();
  const on = (input.metOn ?? '').trim() || today;
  if (input.outcome === 'met' && !isIsoDate(on))
    throw validationFailed([{ field: 'metOn', message: 'Enter the date the milestone was met, like 1 4 2027' }]);
  const errors = milestoneOutcomeErrors(milestone, input.outcome, on, { agreedOn: breach.planAgreedOn!, today });
  if (errors.length) throw validationFailed(errors);
  const met = input.outcome === 'met';
  await recordMilestoneOutcome(trx, breach.id, milestone.number, met ? { metOn: on } : { missedOn: today });
  await writeStep(trx, deps, context, breach, {
    action: met ? 'milestone-met' : 'milestone-missed',
    to: 'remedial-plan',
    detail: `${milestone.description} (due ${milestone.dueOn}): ${met ? `met on ${on}` : 'missed'}`,
    details: { milestone: milestone.number, outcome: input.outcome },
    message: {
      to: 'provider',
      content: BREACH_STEP_MESSAGES.milestone(breach, { description: milestone.description, outcome: input.outcome, on }),
    },
  });
});
