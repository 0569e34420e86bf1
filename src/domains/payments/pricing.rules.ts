/** Pricing activity lines (issue #14 item 4, PRODUCT.md §3.6): the schedule in force on the activity date, by currency and band, in integer pence. */
import { DomainError } from '../../lib/errors.ts';
import type { ActivityLine } from './activity-line.rules.ts';

/** One price; without a currency code it applies to every currency (today's single-currency schedules). */
export interface SchedulePrice {
  currencyCode?: string;
  complexityBand: string;
  pricePence: number;
}

export interface PaymentSchedule {
  effectiveFrom: string;
  prices: SchedulePrice[];
}

/** What a price depends on. */
export interface PriceKey {
  currencyCode: string;
  complexityBand: string;
  activityDate: string;
}

/** The price on a date: the latest schedule that took effect on or before it, its price for the currency, else its price for every currency. */
export function priceOn(schedules: readonly PaymentSchedule[], key: PriceKey): number {
  const schedule = schedules
    .filter((candidate) => candidate.effectiveFrom <= key.activityDate)
    .reduce<PaymentSchedule | undefined>(
      (latest, candidate) => (!latest || candidate.effectiveFrom > latest.effectiveFrom ? candidate : latest),
      undefined,
    );
  if (!schedule) throw new DomainError('not-found', `No price schedule was in force on ${key.activityDate}`);
  const inBand = schedule.prices.filter((price) => price.complexityBand === key.complexityBand);
  const price =
    inBand.find((candidate) => candidate.currencyCode === key.currencyCode) ?? inBand.find((candidate) => !candidate.currencyCode);
  if (!price)
    throw new DomainError(
      'not-found',
      `The schedule from ${schedule.effectiveFrom} has no price for ${key.currencyCode} in the ${key.complexityBand} band`,
    );
  return price.pricePence;
}

/** The amount an accepted line is worth: its own price, or for a reversal the negative of the line it reverses (priced at that line's date and band). */
export function priceLine(line: ActivityLine, schedules: readonly PaymentSchedule[], original?: ActivityLine): number {
  if (line.kind === 'original') return priceOn(schedules, line);
  if (!original || original.lineId !== line.reversesLineId || original.kind !== 'original')
    throw new DomainError('not-found', `Line ${line.lineId} reverses line ${line.reversesLineId ?? '(none)'}, which was not given`);
  return -priceOn(schedules, original);
}

/** The exact sum of amounts in pence: refuses fractions of a penny and totals beyond the range where integers are exact, rather than round. */
export function totalPence(amounts: readonly number[]): number {
  let total = 0;
  for (const pence of amounts) {
    if (!Number.isInteger(pence)) throw new DomainError('validation-failed', `Amounts must be whole pence: ${pence} is not`);
    if (!Number.isSafeInteger(pence)) throw new DomainError('validation-failed', 'The amount is too large to add up exactly');
    total += pence;
    if (!Number.isSafeInteger(total)) throw new DomainError('validation-failed', 'The total is too large to add up exactly');
  }
  return total;
}
