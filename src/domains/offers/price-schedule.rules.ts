/** Price schedules (PRODUCT.md §3.2): a price per complexity band with an effective date, reviewed at most once a financial year. */
import { type FieldError, DomainError, validationFailed } from '../../lib/errors.ts';
import { isIsoDate } from '../../lib/iso-date.ts';

export interface BandPrice {
  complexityBand: string;
  pricePence: number;
}

export interface PriceSchedule {
  effectiveFrom: string;
  prices: BandPrice[];
}

/** The highest price we accept per unit (£100,000), to catch a price typed in pence as pounds. */
export const MAX_PRICE_PENCE = 10_000_000;

/** The NHS financial year (1 April to 31 March) a date falls in, named by the year it starts: 2027-03-31 → 2026. */
export function financialYearOf(isoDate: string): number {
  const year = Number(isoDate.slice(0, 4));
  return isoDate.slice(5) >= '04-01' ? year : year - 1;
}

/** How people write a financial year: 2026 → "2026/27". */
export function financialYearLabel(startYear: number): string {
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/** The first day of the financial year after the one a date falls in. */
export function nextFinancialYearStart(isoDate: string): string {
  return `${financialYearOf(isoDate) + 1}-04-01`;
}

/** Field errors for a proposed schedule's own content: a real date and one positive price for each of the pack's bands. */
export function scheduleFieldErrors(schedule: PriceSchedule, bands: string[]): FieldError[] {
  const errors: FieldError[] = [];
  if (!isIsoDate(schedule.effectiveFrom))
    errors.push({ field: 'effectiveFrom', message: 'Enter the date the prices take effect, like 1 4 2027' });
  for (const band of bands) {
    const priced = schedule.prices.filter((price) => price.complexityBand === band);
    if (priced.length === 0) errors.push({ field: `price-${band}`, message: `Enter the price for the ${band} band` });
    else if (priced.length > 1) errors.push({ field: `price-${band}`, message: `Enter one price for the ${band} band` });
    else if (!Number.isInteger(priced[0]!.pricePence) || priced[0]!.pricePence <= 0)
      errors.push({ field: `price-${band}`, message: `The price for the ${band} band must be more than £0` });
    else if (priced[0]!.pricePence > MAX_PRICE_PENCE)
      errors.push({ field: `price-${band}`, message: `The price for the ${band} band must be £100,000 or less` });
  }
  for (const price of schedule.prices) {
    if (!bands.includes(price.complexityBand))
      errors.push({
        field: `price-${price.complexityBand}`,
        message: `${price.complexityBand} is not a complexity band of this offer’s implementation pack (${bands.join(', ')})`,
      });
  }
  return errors;
}

/**
 * Whether a new schedule may be added. A draft offer's single schedule may be replaced freely; once an offer is
 * published its prices are fixed for the year: a new schedule must start in a later financial year than the
 * latest one, and never before today, so prices already paid are never rewritten.
 */
export function scheduleChangeRefusal(
  existing: PriceSchedule[],
  proposed: PriceSchedule,
  context: { status: string; today: string },
): FieldError | undefined {
  if (context.status === 'draft' || existing.length === 0) return undefined;
  const latest = existing
    .map((schedule) => schedule.effectiveFrom)
    .sort()
    .at(-1)!;
  if (proposed.effectiveFrom < context.today) {
    return { field: 'effectiveFrom', message: 'Prices of a published offer cannot be backdated: enter today’s date or a later one' };
  }
  if (financialYearOf(proposed.effectiveFrom) <= financialYearOf(latest)) {
    const year = financialYearLabel(financialYearOf(latest));
    return {
      field: 'effectiveFrom',
      message: `Prices change at most once a financial year: the current prices took effect on ${latest} (${year}); a new schedule can take effect from ${nextFinancialYearStart(latest)}`,
    };
  }
  return undefined;
}

/** Validates a proposed schedule against its content and the yearly rule; raises every field error at once. */
export function checkNewSchedule(
  existing: PriceSchedule[],
  proposed: PriceSchedule,
  context: { status: string; today: string; bands: string[] },
): void {
  if (context.status === 'withdrawn' || context.status === 'closed')
    throw new DomainError('invalid-transition', `A ${context.status} offer’s prices cannot change`);
  const errors = scheduleFieldErrors(proposed, context.bands);
  if (errors.length) throw validationFailed(errors, 'The price schedule is not valid');
  const refusal = scheduleChangeRefusal(existing, proposed, context);
  if (refusal) throw validationFailed([refusal], refusal.message);
}

/** The schedule in force on a date: the latest that took effect on or before it, if any. */
export function scheduleOn(schedules: PriceSchedule[], isoDate: string): PriceSchedule | undefined {
  return schedules
    .filter((schedule) => schedule.effectiveFrom <= isoDate)
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))
    .at(-1);
}
