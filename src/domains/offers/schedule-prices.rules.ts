/** What a price schedule must price (issue #14 item 1; decision 0042): each band of the pack's first currency, each band of any other currency it prices, and nothing else. */
import type { FieldError } from '../../lib/errors.ts';

/** The highest price we accept per unit (£100,000), to catch a price typed in pence as pounds. */
export const MAX_PRICE_PENCE = 10_000_000;

export interface BandPrice {
  /** The pack currency priced; absent in schedules written before currencies, meaning the pack's first currency. */
  currencyCode?: string;
  complexityBand: string;
  pricePence: number;
}

/** An offer's own word on paying a did-not-attend for one currency, overriding the pack's default. */
export interface DnaTerm {
  currencyCode: string;
  payable: boolean;
}

/** What a schedule is checked against: the pack's bands and currencies (the first currency first). */
export interface PricingTerms {
  bands: string[];
  currencies?: { code: string; name: string }[];
}

/** The form field of one price: the first currency keeps the band-only name older forms and clients use. */
export function priceField(currencyCode: string, band: string, firstCurrencyCode: string): string {
  return currencyCode === firstCurrencyCode ? `price-${band}` : `price-${currencyCode}-${band}`;
}

/** The currency a price is for, reading a price without one as the pack's first currency. */
export function currencyOfPrice(price: BandPrice, terms: PricingTerms): string {
  return price.currencyCode ?? terms.currencies?.[0]?.code ?? '';
}

function unknownCurrency(code: string, terms: PricingTerms): string {
  const codes = (terms.currencies ?? []).map((currency) => currency.code).join(', ');
  return `${code} is not a currency of this offer’s implementation pack (${codes})`;
}

function bandErrors(prices: BandPrice[], band: string, field: string, what: string): FieldError[] {
  const priced = prices.filter((price) => price.complexityBand === band);
  if (priced.length === 0) return [{ field, message: `Enter the ${what} for the ${band} band` }];
  if (priced.length > 1) return [{ field, message: `Enter one ${what} for the ${band} band` }];
  const pence = priced[0]!.pricePence;
  if (!Number.isInteger(pence) || pence <= 0) return [{ field, message: `The ${what} for the ${band} band must be more than £0` }];
  if (pence > MAX_PRICE_PENCE) return [{ field, message: `The ${what} for the ${band} band must be £100,000 or less` }];
  return [];
}

/** Each band of a currency priced once: always for the first currency, and for another only once it has any price. */
function currencyErrors(prices: BandPrice[], code: string, name: string, terms: PricingTerms, first: string): FieldError[] {
  const own = prices.filter((price) => currencyOfPrice(price, terms) === code);
  if (code !== first && own.length === 0) return [];
  const what = code === first ? 'price' : `${name.toLowerCase()} price`;
  return terms.bands.flatMap((band) => bandErrors(own, band, priceField(code, band, first), what));
}

function strayErrors(prices: BandPrice[], terms: PricingTerms, first: string): FieldError[] {
  const codes = (terms.currencies ?? [{ code: first }]).map((currency) => currency.code);
  return prices.flatMap((price) => {
    const code = currencyOfPrice(price, terms);
    const field = priceField(code, price.complexityBand, first);
    if (!codes.includes(code)) return [{ field, message: unknownCurrency(code, terms) }];
    if (!terms.bands.includes(price.complexityBand))
      return [
        {
          field,
          message: `${price.complexityBand} is not a complexity band of this offer’s implementation pack (${terms.bands.join(', ')})`,
        },
      ];
    return [];
  });
}

/** Field errors for the schedule's prices: every required currency and band once, positive, and none the pack lacks. */
export function priceFieldErrors(prices: BandPrice[], terms: PricingTerms): FieldError[] {
  const currencies = terms.currencies?.length ? terms.currencies : [{ code: '', name: '' }];
  const first = currencies[0]!.code;
  return [
    ...currencies.flatMap(({ code, name }) => currencyErrors(prices, code, name, terms, first)),
    ...strayErrors(prices, terms, first),
  ];
}

/** Field errors for the schedule's DNA terms: one per currency, for currencies the pack pays. */
export function dnaTermFieldErrors(terms: DnaTerm[], pricing: PricingTerms): FieldError[] {
  const seen = new Set<string>();
  return terms.flatMap((term) => {
    const currency = pricing.currencies?.find((candidate) => candidate.code === term.currencyCode);
    const field = `dna-${term.currencyCode}`;
    if (!currency) return [{ field, message: unknownCurrency(term.currencyCode, pricing) }];
    if (seen.has(term.currencyCode)) return [{ field, message: `Say once whether a missed ${currency.name.toLowerCase()} is paid` }];
    seen.add(term.currencyCode);
    return [];
  });
}
