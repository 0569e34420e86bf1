/** How a year's budget is spread over its months (decision 0048): exact in pence, evenly unless the commissioner says otherwise. */
import type { FieldError } from '../../lib/errors.ts';
import { formatPence } from '../../lib/money.ts';

/** An amount split into `parts` whole-penny amounts that add up exactly: the pennies left over go one each to the last parts. */
export function spreadEvenly(totalPence: number, parts: number): number[] {
  if (parts <= 0) return [];
  const base = Math.floor(totalPence / parts);
  const remainder = totalPence - base * parts;
  return Array.from({ length: parts }, (_, index) => base + (index >= parts - remainder ? 1 : 0));
}

/** The running totals of monthly amounts: what should have been spent by the end of each month. */
export function cumulative(amounts: readonly number[]): number[] {
  let total = 0;
  return amounts.map((amount) => (total += amount));
}

/** Field errors for twelve monthly amounts given with a plan: whole pence, none negative, adding up to the year's amount. */
export function monthlyPhasingErrors(monthly: readonly number[], amountPence: number, field = 'monthly'): FieldError[] {
  if (monthly.length !== 12) return [{ field, message: `Give 12 monthly amounts, April to March, or none (${monthly.length} given)` }];
  if (monthly.some((pence) => !Number.isSafeInteger(pence) || pence < 0))
    return [{ field, message: 'Each monthly amount must be zero or more, in pounds and pence' }];
  const total = monthly.reduce((sum, pence) => sum + pence, 0);
  if (total !== amountPence)
    return [{ field, message: `The monthly amounts add up to ${formatPence(total)}, not the plan’s ${formatPence(amountPence)}` }];
  return [];
}

/** Pounds as typed ("1,250", "£1250.5", "1250.50") in whole pence, or undefined when it is not an amount of money. */
export function poundsToPence(text: string): number | undefined {
  const cleaned = text.trim().replace(/^£/, '').replace(/,/g, '');
  const match = /^(\d{1,10})(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) return undefined;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}
