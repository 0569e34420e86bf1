/** What a budget plan is given as, from a form, a CSV row or the API, and its checks (issue #14 item 7; decision 0048). */
import type { FieldError } from '../../lib/errors.ts';
import { monthlyPhasingErrors, poundsToPence } from './budget-phasing.rules.ts';
import { isFinancialYear } from './financial-year.rules.ts';

/** The largest plan we accept (£10 billion), to catch an amount typed in pence as pounds. */
export const MAX_PLAN_PENCE = 1_000_000_000_000;

/** A plan as the service takes it: money in pence; no monthly amounts means even phasing. */
export interface PlanInput {
  serviceCode: string;
  financialYear: string;
  amountPence: number;
  monthlyPence?: number[];
}

/** The short month names used for the monthly fields and CSV columns, April first. */
export const MONTH_KEYS = ['apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec', 'jan', 'feb', 'mar'] as const;

/** A plan typed in pounds: the year's amount and, optionally, all twelve monthly amounts. */
export interface PlanText {
  serviceCode: string;
  financialYear: string;
  amount: string;
  monthly: string[];
}

/** Field errors of a plan's own values (the service is checked against the catalogue by the service). */
export function planInputErrors(input: PlanInput): FieldError[] {
  const errors: FieldError[] = [];
  if (!input.serviceCode.trim()) errors.push({ field: 'serviceCode', message: 'Choose the service the budget is for' });
  if (!isFinancialYear(input.financialYear))
    errors.push({ field: 'financialYear', message: 'Enter the financial year as April’s year and the next, like 2026-27' });
  if (!Number.isSafeInteger(input.amountPence) || input.amountPence <= 0 || input.amountPence > MAX_PLAN_PENCE)
    errors.push({ field: 'amount', message: 'Enter the year’s budget in pounds, more than £0 and at most £10,000,000,000' });
  else if (input.monthlyPence) errors.push(...monthlyPhasingErrors(input.monthlyPence, input.amountPence));
  return errors;
}

/** A plan typed in pounds as pence, or the fields that are not amounts of money; monthly amounts all blank mean even phasing. */
export function planFromText(text: PlanText): { input: PlanInput } | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  const amountPence = poundsToPence(text.amount);
  if (amountPence === undefined) errors.push({ field: 'amount', message: 'Enter the year’s budget in pounds, like 250000 or 250,000.00' });
  const given = text.monthly.filter((value) => value.trim() !== '');
  let monthlyPence: number[] | undefined;
  if (given.length) {
    monthlyPence = text.monthly.map((value) => poundsToPence(value) ?? Number.NaN);
    MONTH_KEYS.forEach((key, index) => {
      if (Number.isNaN(monthlyPence![index]))
        errors.push({ field: `month-${key}`, message: `Enter the amount for ${key} in pounds, or leave every month blank` });
    });
  }
  const input: PlanInput = {
    serviceCode: text.serviceCode.trim(),
    financialYear: text.financialYear.trim(),
    amountPence: amountPence ?? 1,
  };
  if (errors.length) return { errors: [...planInputErrors(input).filter((error) => error.field !== 'amount'), ...errors] };
  if (monthlyPence) input.monthlyPence = monthlyPence;
  const invalid = planInputErrors(input);
  return invalid.length ? { errors: invalid } : { input };
}
