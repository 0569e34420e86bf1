/** The prices form's fields: a price input per currency and band, the first currency keeping the band-only names (decision 0042). */
import { currenciesOf } from '../../../domains/catalogue/pack-currencies.rules.ts';
import type { OfferRecord } from '../../../domains/offers/offer-view.service.ts';
import { dnaPayableFor, type PriceSchedule } from '../../../domains/offers/price-schedule.rules.ts';
import { priceField } from '../../../domains/offers/schedule-prices.rules.ts';
import { formatPence } from '../../../lib/money.ts';

export interface PriceInput {
  band: string;
  description: string;
  field: string;
  label: string;
  /** What to call this price in an error: "price" for the first currency, "aftercare visit price" for another. */
  what: string;
}

export interface CurrencyFields {
  code: string;
  name: string;
  first: boolean;
  hint: string;
  dnaPayable: boolean;
  inputs: PriceInput[];
}

function currencyHint(currency: ReturnType<typeof currenciesOf>[number], first: boolean): string {
  const paid = currency.oncePerReferral ? 'Paid once per referral' : `Paid per ${currency.unit}`;
  const cap = currency.sessionCap ? `, up to ${currency.sessionCap} for one referral` : '';
  const code = currency.nationalCostCode ? ` National Cost Collection code ${currency.nationalCostCode}.` : '';
  const optional = first ? '' : ' Leave every band empty if the first price already covers it.';
  return `${paid}${cap}. ${currency.description}${code}${optional}`;
}

/** The currencies of the offer's pack with an input per band, and whether each pays a DNA under the latest schedule. */
export function currencyFields(offer: OfferRecord, latest?: PriceSchedule): CurrencyFields[] {
  const currencies = currenciesOf(offer.pack.content);
  const firstCode = currencies[0]!.code;
  return currencies.map((currency, index) => ({
    code: currency.code,
    name: currency.name,
    first: index === 0,
    hint: currencyHint(currency, index === 0),
    dnaPayable: latest ? dnaPayableFor(latest, currency) : currency.dnaPayable,
    inputs: offer.pack.content.complexityBands.map((band) => ({
      band: band.code,
      description: band.description,
      field: priceField(currency.code, band.code, firstCode),
      label: index === 0 ? `Price for the ${band.code} band` : `${currency.name}, ${band.code} band`,
      what: index === 0 ? 'price' : `${currency.name.toLowerCase()} price`,
    })),
  }));
}

/** The schedules already set, one row per price, naming the currency by its pack name. */
export function scheduleRows(offer: OfferRecord, schedules: PriceSchedule[]) {
  const names = new Map(currenciesOf(offer.pack.content).map((currency) => [currency.code, currency.name]));
  return schedules.map((schedule) => ({
    effectiveFrom: schedule.effectiveFrom,
    prices: schedule.prices.map((price) => ({
      currency: names.get(price.currencyCode ?? '') ?? price.currencyCode,
      band: price.complexityBand,
      price: formatPence(price.pricePence),
    })),
  }));
}

/** A price's band as a table shows it: with the currency's name first when the pack pays more than one currency. */
export function bandLabel(content: Parameters<typeof currenciesOf>[0], price: { currencyCode?: string; complexityBand: string }): string {
  const currencies = currenciesOf(content);
  if (currencies.length < 2) return price.complexityBand;
  const name = currencies.find((currency) => currency.code === price.currencyCode)?.name ?? price.currencyCode;
  return `${name}, ${price.complexityBand}`;
}
