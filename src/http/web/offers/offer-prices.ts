/** The prices page: a price per currency and complexity band from an effective date, and which currencies pay a DNA; a published offer's prices change at most once a financial year. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { type OfferRecord, priceSchedulesOfOffer } from '../../../domains/offers/offer-view.service.ts';
import { setPriceSchedule } from '../../../domains/offers/offer-terms.service.ts';
import { type BandPrice, nextFinancialYearStart } from '../../../domains/offers/price-schedule.rules.ts';
import type { FieldError } from '../../../lib/errors.ts';
import { formatPence } from '../../../lib/money.ts';
import { datePartsFromIso, datePartsOf, isoDateFromParts } from '../date-input.ts';
import { attempt, field, type FormErrors, rejected, renderForm } from '../form.ts';
import { get, post, registerPages } from '../page-routes.ts';
import { COMMISSIONER, offerForEditing } from './offer-page.ts';
import { type CurrencyFields, currencyFields, scheduleRows } from './offer-prices.presenter.ts';
import { fieldList } from './protocol-form.ts';

/** Pounds and pence as typed ("450", "£450.00", "1,250.5") in whole pence; undefined when it is not an amount. */
export function penceFromPounds(text: string): number | undefined {
  const cleaned = text.trim().replace(/^£/, '').replaceAll(',', '');
  if (!/^\d{1,7}(\.\d{1,2})?$/.test(cleaned)) return undefined;
  const [pounds, pence = ''] = cleaned.split('.');
  return Number(pounds) * 100 + Number(pence.padEnd(2, '0'));
}

interface PriceValues {
  parts: ReturnType<typeof datePartsOf>;
  prices: Record<string, string>;
  /** The currencies ticked as paying a DNA; absent until the form is first sent. */
  dna?: string[];
}

/** The prices form with the pack's currencies, bands and tariff, and the schedules already set. */
async function viewOfferPrices(deps: Deps, reply: FastifyReply, offer: OfferRecord, values: PriceValues, errors?: FormErrors) {
  const schedules = await priceSchedulesOfOffer(deps, offer.id);
  const latest = schedules.at(-1);
  const currencies = currencyFields(offer, latest);
  return renderForm(
    reply,
    'pages/offers/prices.njk',
    'Prices',
    {
      offer,
      values: { ...values, dna: values.dna ?? currencies.filter((currency) => currency.dnaPayable).map((currency) => currency.code) },
      currencies,
      currency: offer.pack.content.currency.unit,
      tariff: offer.pack.content.tariff,
      tariffPrice: offer.pack.content.tariff.pricePence === undefined ? undefined : formatPence(offer.pack.content.tariff.pricePence),
      schedules: scheduleRows(offer, schedules),
      nextChangeFrom: offer.status !== 'draft' && latest ? nextFinancialYearStart(latest.effectiveFrom) : undefined,
    },
    errors,
  );
}

/** The prices typed for one currency: all required for the first currency; for another, all or none (none: not paid separately). */
function readCurrencyPrices(currency: CurrencyFields, typed: Record<string, string>, errors: FieldError[]): BandPrice[] {
  if (!currency.first && currency.inputs.every((input) => !typed[input.field]!.trim())) return [];
  return currency.inputs.map((input) => {
    const text = typed[input.field]!;
    const pence = penceFromPounds(text);
    if (!text.trim()) errors.push({ field: input.field, message: `Enter the ${input.what} for the ${input.band} band` });
    else if (pence === undefined)
      errors.push({ field: input.field, message: `Enter the ${input.what} for the ${input.band} band in pounds and pence, like 450.00` });
    return { currencyCode: currency.code, complexityBand: input.band, pricePence: pence ?? 0 };
  });
}

/** The typed date, a price per currency and band, and the DNA ticks, with what cannot be read as a date or an amount. */
function readPrices(body: unknown, offer: OfferRecord) {
  const parts = datePartsOf(body, 'effectiveFrom');
  const currencies = currencyFields(offer);
  const fields = currencies.flatMap((currency) => currency.inputs.map((input) => input.field));
  const typed = Object.fromEntries(fields.map((name) => [name, field(body, name)]));
  const ticked = fieldList(body, 'dnaPayable');
  const errors: FieldError[] = [];
  const date = isoDateFromParts(parts, 'effectiveFrom', 'The date the prices take effect');
  if (date.error) errors.push(date.error);
  else if (!date.value) errors.push({ field: 'effectiveFrom', message: 'Enter the date the prices take effect' });
  const prices = currencies.flatMap((currency) => readCurrencyPrices(currency, typed, errors));
  const dnaPayable = currencies
    .filter((currency) => ticked.includes(currency.code) !== currency.dnaPayable)
    .map((currency) => ({ currencyCode: currency.code, payable: ticked.includes(currency.code) }));
  return { values: { parts, prices: typed, dna: ticked }, effectiveFrom: date.value, prices, dnaPayable, errors };
}

/** Saves the price schedule, or shows the form again with its errors. */
async function submitOfferPrices(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const offer = await offerForEditing(deps, request);
  const { values, effectiveFrom, prices, dnaPayable, errors } = readPrices(request.body, offer);
  const outcome = errors.length
    ? rejected(errors)
    : await attempt(() => setPriceSchedule(deps, request.actionContext(), offer.id, { effectiveFrom: effectiveFrom!, prices, dnaPayable }));
  if (!outcome.ok) return viewOfferPrices(deps, reply, offer, values, outcome.errors);
  request.session.flash = `Prices from ${effectiveFrom} have been saved.`;
  return reply.redirect(`/offers/${offer.id}`, 303);
}

export function registerOfferPricesPage(app: FastifyInstance, deps: Deps): void {
  registerPages(app, [
    get(
      '/offers/:id/prices',
      async (request, reply) => {
        const offer = await offerForEditing(deps, request);
        return viewOfferPrices(deps, reply, offer, {
          parts: datePartsFromIso(offer.status === 'draft' ? offer.contractStart : null),
          prices: {},
        });
      },
      COMMISSIONER,
    ),
    post('/offers/:id/prices', (request, reply) => submitOfferPrices(deps, request, reply), COMMISSIONER),
  ]);
}
