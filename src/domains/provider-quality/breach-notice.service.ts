/**
 * The contract performance notice and what ends a breach early (issue #15 item 6; brief §B3, GC9; decision 0056): the commissioner
 * issues the notice with a respond-by date in working days, the provider responds, and the commissioner closes or withdraws it.
 */
import { DomainError } from '../../lib/errors.ts';
import { workingDayAfter } from '../../lib/working-days.ts';
import { BREACH_STEP_MESSAGES } from './breach-messages.rules.ts';
import { factsOf } from './breach-facts.ts';
import { inTransaction, lockedForStep, requiredText, writeStep } from './breach-step.ts';
import { closeRefusal } from './breach-steps.rules.ts';
import { DEFAULT_BREACH_PERIODS } from './breach.rules.ts';

/** The commissioner issues a contract performance notice: the provider must respond within the configured working days. */
export const issueNotice = inTransaction<{ text: string }>(async (trx, deps, context, id, input) => {
  const breach = await lockedForStep(trx, context, id, 'notice', input.version);
  const text = requiredText('text', input.text, 'Write the notice: what fell short and what you expect of the provider');
  const today = deps.clock.today();
  const periods = deps.breachPeriods ?? DEFAULT_BREACH_PERIODS;
  const respondBy = workingDayAfter(today, periods.respondWithinWorkingDays);
  await writeStep(trx, deps, context, breach, {
    action: 'notice',
    to: 'notice-issued',
    change: { periods, noticeText: text, noticeOn: today, respondBy },
    detail: text,
    details: { respondBy },
    message: { to: 'provider', content: BREACH_STEP_MESSAGES.notice(breach, { text, respondBy }) },
  });
});

/** The provider responds to the notice (its explanation and the actions it proposes); the parties then meet to agree a plan. */
export const respondToNotice = inTransaction<{ text: string }>(async (trx, deps, context, id, input) => {
  const breach = await lockedForStep(trx, context, id, 'response', input.version);
  const text = requiredText('text', input.text, 'Write your response: why the KPI fell short and the actions you propose');
  const today = deps.clock.today();
  const meetBy = workingDayAfter(today, (breach.periods ?? DEFAULT_BREACH_PERIODS).meetWithinWorkingDays);
  await writeStep(trx, deps, context, breach, {
    action: 'response',
    to: 'responded',
    change: { responseText: text, respondedOn: today, meetBy },
    detail: text,
    details: { late: !!breach.respondBy && today > breach.respondBy, meetBy },
    message: { to: 'commissioner', content: BREACH_STEP_MESSAGES.response(breach, { meetBy }) },
  });
});

/** The commissioner closes the breach: no action needed before a notice, or every milestone of the plan met. */
export const closeBreach = inTransaction<{ reason: string }>(async (trx, deps, context, id, input) => {
  const breach = await lockedForStep(trx, context, id, 'close', input.version);
  const refusal = closeRefusal(await factsOf(trx, breach));
  if (refusal) throw new DomainError('invalid-transition', refusal);
  const reason = requiredText('reason', input.reason, 'Say why the breach is closed: the provider will see it');
  await writeStep(trx, deps, context, breach, {
    action: 'close',
    to: 'closed',
    change: { finishedOn: deps.clock.today() },
    detail: reason,
    message: { to: 'provider', content: BREACH_STEP_MESSAGES.close(breach, { reason }) },
  });
});

/** The commissioner withdraws the notice (issued in error, or the provider's response explains the figure). */
export const withdrawBreach = inTransaction<{ reason: string }>(async (trx, deps, context, id, input) => {
  const breach = await lockedForStep(trx, context, id, 'withdraw', input.version);
  const reason = requiredText('reason', input.reason, 'Say why the notice is withdrawn: the provider will see it');
  await writeStep(trx, deps, context, breach, {
    action: 'withdraw',
    to: 'withdrawn',
    change: { finishedOn: deps.clock.today() },
    detail: reason,
    message: { to: 'provider', content: BREACH_STEP_MESSAGES.withdraw(breach, { reason }) },
  });
});
