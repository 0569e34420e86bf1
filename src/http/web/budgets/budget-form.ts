/** The budget plan form (new and change): reading pounds typed by the user and showing errors next to the field. */
import type { FastifyReply } from 'fastify';
import { MONTH_KEYS, type PlanInput, planFromText } from '../../../domains/budgets/budget-input.rules.ts';
import { MONTH_NAMES } from '../../../domains/budgets/financial-year.rules.ts';
import type { FieldError } from '../../../lib/errors.ts';
import { field, type FormErrors, renderForm } from '../form.ts';

export interface PlanFormModel {
  action: string;
  fixed?: { serviceName: string; financialYear: string };
  services?: { code: string; name: string }[];
  values: Record<string, string>;
}

/** The twelve monthly inputs, April first, with their names and labels. */
export const MONTH_FIELDS = MONTH_KEYS.map((key, index) => ({ name: `month-${key}`, label: MONTH_NAMES[index]! }));

/** The typed values, to show again with the errors. */
export function formValues(body: unknown): Record<string, string> {
  const names = ['serviceCode', 'financialYear', 'amount', ...MONTH_FIELDS.map((month) => month.name)];
  return Object.fromEntries(names.map((name) => [name, field(body, name)]));
}

/** A plan from the form, or its errors; a sum that does not add up is shown beside April, the first monthly box. */
export function planFromForm(values: Record<string, string>): { input: PlanInput } | { errors: FieldError[] } {
  const read = planFromText({
    serviceCode: values.serviceCode ?? '',
    financialYear: values.financialYear ?? '',
    amount: values.amount ?? '',
    monthly: MONTH_FIELDS.map((month) => values[month.name] ?? ''),
  });
  return 'errors' in read ? { errors: renamed(read.errors) } : read;
}

/** Field errors as the form names its fields: the monthly sum goes beside April. */
export function renamed(errors: FieldError[]): FieldError[] {
  return errors.map((error) => (error.field === 'monthly' ? { ...error, field: 'month-apr' } : error));
}

/** Renders the plan form; the monthly boxes are open when any was filled in or has an error. */
export function renderPlanForm(reply: FastifyReply, title: string, model: PlanFormModel, errors?: FormErrors): FastifyReply {
  const monthlyOpen = MONTH_FIELDS.some((month) => model.values[month.name]?.trim() || errors?.fieldErrors[month.name]);
  return renderForm(reply, 'pages/budgets/form.njk', title, { ...model, title, monthFields: MONTH_FIELDS, monthlyOpen }, errors);
}
