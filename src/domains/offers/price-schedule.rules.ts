/** Price schedules (PRODUCT.md §3.2): a price per currency and complexity band with an effective date, reviewed at most once a financial year. */
import { type FieldError, DomainError, validationFailed } from '../../lib/errors.ts';
import { isIsoDate } from '../../lib/iso-date.ts';
import { type BandPrice, type DnaTerm, dnaTermFieldErrors, priceFieldErrors, type PricingTerms } from './schedule-prices.rules.ts';

export { type BandPrice, type DnaTerm, MAX_PRICE_PENCE } from './schedule-prices.rules.ts';

export interface PriceSchedule {
  effectiveFrom: string;
  prices: BandPrice[];
  /** Currencies whose DNAs this offer pays differently from the pack (decision 0042); absent means the pack's defaults. */
  dnaPayable?: DnaTerm[];
}

/** A schedule as stored: every price names its currency. */
export interface StoredSchedule extends PriceSchedule {
  prices: Required<BandPrice>[];
}

/** The schedule with only its own fields, a price without a currency read as the pack's first currency's (decision 0042). */
export function storableSchedule(input: PriceSchedule, firstCurrencyCode: string): StoredSchedule {
  return {
    effectiveFrom: input.effectiveFrom,
    prices: input.prices.map((price) => ({
      currencyCode: price.currencyCode ?? firstCurrencyCode,
      complexityBand: price.complexityBand,
      pricePence: price.pricePence,
    })),
    ...(input.dnaPayable?.length
      ? { dnaPayable: input.dnaPayable.map((term) => ({ currencyCode: term.currencyCode, payable: term.payable })) }
      : {}),
  };
}

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

/** Field errors for a proposed schedule's own content: a real date, a positive price per currency and band, and DNA terms for known currencies. */
export function scheduleFieldErrors(schedule: PriceSchedule, bands: string[], currencies?: PricingTerms['currencies']): FieldError[] {
  const errors: FieldError[] = [];
  if (!isIsoDate(schedule.effectiveFrom))
    errors.push({ field: 'effectiveFrom', message: 'Enter the date the prices take effect, like 1 4 2027' });
  const terms: PricingTerms = { bands, ...(currencies ? { currencies } : {}) };
  return [...errors, ...priceFieldErrors(schedule.prices, terms), ...dnaTermFieldErrors(schedule.dnaPayable ?? [], terms)];
}

/** Whether a DNA of this currency is paid under the schedule: the offer's own word, else the pack's national default. */
export function dnaPayableFor(schedule: Pick<PriceSchedule, 'dnaPayable'>, currency: { code: string; dnaPayable: boolean }): boolean {
  return schedule.dnaPayable?.find((term) => term.currencyCode === currency.code)?.payable ?? currency.dnaPayable;
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
  context: { status: string; today: string } & PricingTerms,
): void {
  if (context.status === 'withdrawn' || context.status === 'closed')
    throw new DomainError('invalid-transition', `A ${context.status} offer’s prices cannot change`);
  const errors = scheduleFieldErrors(proposed, context.bands, context.currencies);
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
