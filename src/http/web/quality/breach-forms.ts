/** Each breach step's form: how its fields are read, how the service's field names map to the page's, and what the flash says when done. */
import { escalateBreach, suspendForBreach } from '../../../domains/provider-quality/breach-escalation.service.ts';
import { closeBreach, issueNotice, respondToNotice, withdrawBreach } from '../../../domains/provider-quality/breach-notice.service.ts';
import { agreePlan, recordMilestone } from '../../../domains/provider-quality/breach-plan.service.ts';
import type { BreachView } from '../../../domains/provider-quality/breach-read.service.ts';
import type { BreachStepService } from '../../../domains/provider-quality/breach-step.ts';
import type { BreachStep } from '../../../domains/provider-quality/breach-steps.rules.ts';
import { datePartsOf, isoDateFromParts } from '../date-input.ts';
import { field } from '../form.ts';

/** How many milestone rows the plan form offers (empty rows are left out). */
export const MILESTONE_ROWS = [0, 1, 2];

export interface BreachForm {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each form reads its own input for its own service
  run: BreachStepService<any>;
  input: (body: unknown) => Record<string, unknown>;
  /** The page's id for a service field ('' names the form's first field, where a refusal is shown). */
  fieldOf: (serviceField: string, body: unknown) => string;
  done: (breach: BreachView) => string;
}

/** The milestones typed into the plan form's rows, leaving out rows left empty. */
function plannedMilestones(body: unknown) {
  return MILESTONE_ROWS.flatMap((index) => {
    const description = field(body, `plan-milestones.${index}.description`);
    const parts = datePartsOf(body, `plan-milestones.${index}.dueOn`);
    if (!description.trim() && !parts.day && !parts.month && !parts.year) return [];
    return [{ description, dueOn: isoDateFromParts(parts, 'dueOn', 'The date').value ?? '' }];
  });
}

const reasonForm = (run: BreachStepService<{ reason: string }>, step: string, done: (breach: BreachView) => string): BreachForm => ({
  run,
  input: (body) => ({ reason: field(body, 'reason') }),
  fieldOf: () => `${step}-reason`,
  done,
});

/** The forms by step. */
export const BREACH_FORMS: Record<BreachStep, BreachForm> = {
  notice: {
    run: issueNotice,
    input: (body) => ({ text: field(body, 'text') }),
    fieldOf: () => 'notice-text',
    done: (breach) => `Contract performance notice issued. ${breach.provider.name} has been told to respond by ${breach.respondBy}.`,
  },
  response: {
    run: respondToNotice,
    input: (body) => ({ text: field(body, 'text') }),
    fieldOf: () => 'response-text',
    done: (breach) => `Response sent. ${breach.commissioner.name} will meet you to agree a remedial action plan.`,
  },
  plan: {
    run: agreePlan,
    input: (body) => ({ milestones: plannedMilestones(body) }),
    fieldOf: (serviceField) => (serviceField.startsWith('milestones.') ? `plan-${serviceField}` : 'plan-milestones'),
    done: (breach) => `Remedial action plan recorded. ${breach.provider.name} has been told its milestones.`,
  },
  milestone: {
    run: recordMilestone,
    input: (body) => ({ number: Number(field(body, 'number')), outcome: field(body, 'outcome') }),
    fieldOf: (_serviceField, body) => `milestone-${field(body, 'number')}-outcome`,
    done: () => 'Milestone recorded. The provider has been told.',
  },
  close: reasonForm(closeBreach, 'close', () => 'Breach closed. The provider has been told.'),
  withdraw: reasonForm(withdrawBreach, 'withdraw', () => 'Notice withdrawn. The provider has been told.'),
  escalate: reasonForm(escalateBreach, 'escalate', () => 'Breach escalated. The provider has been told.'),
  suspend: reasonForm(suspendForBreach, 'suspend', (breach) => `Listing suspended. ${breach.provider.name} has been told.`),
};
