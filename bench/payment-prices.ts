/** Price schedules for the payment-run benchmark: every offer prices each currency and band of its pack from April; some change schedule inside the month. */
import { currenciesOf } from '../src/domains/catalogue/pack-currencies.rules.ts';
import type { Deps } from '../src/domains/deps.ts';
import { complexityBandsOf } from '../src/domains/payments/activity-facts.rules.ts';
import { between, insertInBatches, type Random } from './bulk.ts';

/** The yearly schedule every offer has. */
export const YEAR_START = '2026-04-01';
/** About one offer in seven changes schedule on this day, inside the benchmark's month. */
export const MID_MONTH = '2026-11-16';
const CHANGING = 1 / 7;
/** About one changing offer in ten forgets a price in its new schedule, so a few lines are unpriced. */
const FORGETS_ONE = 1 / 10;

export interface PriceFacts {
  offers: number;
  priceRows: number;
  changingOffers: number;
  forgottenPrices: number;
}

type PricedUnit = { currency: string; band: string; pence: number };

/** Each currency of the pack in each band, from 20 to 300 pounds, a complex band costing a fifth more than the one before. */
function yearlyPrices(random: Random, content: unknown): PricedUnit[] {
  const currencies = currenciesOf(content as Parameters<typeof currenciesOf>[0]);
  const bands = complexityBandsOf(content);
  return currencies.flatMap((currency) => {
    const base = between(random, 20, 300) * 100;
    return bands.map((band, i) => ({ currency: currency.code, band, pence: Math.round(base * 1.2 ** i) }));
  });
}

/** Inserts the schedules; returns what the report says about them. */
export async function insertPriceSchedules(deps: Deps, random: Random): Promise<PriceFacts> {
  const offers = await deps.db
    .selectFrom('offers as o')
    .innerJoin('implementation_packs as p', 'p.id', 'o.pack_id')
    .select(['o.id', 'p.content'])
    .orderBy('o.id')
    .execute();
  const rows: Record<string, unknown>[] = [];
  let changingOffers = 0;
  let forgottenPrices = 0;
  for (const offer of offers) {
    const units = yearlyPrices(random, offer.content);
    const row = (from: string, unit: PricedUnit, pence: number) => ({
      offer_id: offer.id,
      effective_from: from,
      currency_code: unit.currency,
      complexity_band: unit.band,
      price_pence: pence,
    });
    rows.push(...units.map((unit) => row(YEAR_START, unit, unit.pence)));
    if (random() >= CHANGING) continue;
    changingOffers += 1;
    const forgotten = random() < FORGETS_ONE ? units.length - 1 : -1;
    if (forgotten >= 0) forgottenPrices += 1;
    rows.push(...units.filter((_, i) => i !== forgotten).map((unit) => row(MID_MONTH, unit, Math.round(unit.pence * 1.04))));
  }
  await insertInBatches(deps.db, 'offer_prices', rows);
  return { offers: offers.length, priceRows: rows.length, changingOffers, forgottenPrices };
}
