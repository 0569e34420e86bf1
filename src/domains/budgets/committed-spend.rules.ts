/**
 * Committed spend (issue #14 item 7; decision 0048): what the referrals accepted and still in treatment will cost if
 * each runs its expected course at today's price, less what has already been paid on them.
 */
import { currenciesOf } from '../catalogue/pack-currencies.rules.ts';
import type { PayableCurrency } from '../catalogue/payable-currency.schema.ts';

/**
 * Sessions expected of a referral paid per session with no cap (talking therapies). No pack says how many a course has,
 * so this is our assumption (UNCONFIRMED): about the number NHS Talking Therapies reports for a finished course.
 */
export const SESSIONS_EXPECTED_WITHOUT_CAP = 6;

/** Units one referral is expected to use of its pack's main currency: the cap of a per-session currency, else one pathway, episode, test or item. */
export function expectedUnits(currency: Pick<PayableCurrency, 'unit' | 'sessionCap'>): number {
  if (currency.unit === 'session') return currency.sessionCap ?? SESSIONS_EXPECTED_WITHOUT_CAP;
  return 1;
}

export interface OpenReferralsFacts {
  offerId: string;
  offerTitle: string;
  packContent: unknown;
  referrals: number;
  paidPence: readonly number[];
  prices: readonly { currencyCode: string; complexityBand: string; pricePence: number }[];
}

export interface CommittedOnOffer {
  offerId: string;
  offerTitle: string;
  referrals: number;
  currencyName: string;
  expectedUnits: number;
  /** Today's price of one unit in the pack's first band; null when the offer has no price in force. */
  unitPricePence: number | null;
  grossPence: number;
  paidPence: number;
  committedPence: number;
}

type PackWithCurrencies = Parameters<typeof currenciesOf>[0] & { complexityBands?: { code: string }[] };

/** The committed spend on one offer: referrals × expected units × today's price, less what was paid on them (never more than a referral's own expected cost). */
export function committedOnOffer(facts: OpenReferralsFacts): CommittedOnOffer {
  const pack = facts.packContent as PackWithCurrencies;
  const main = currenciesOf(pack)[0]!;
  const band = pack.complexityBands?.[0]?.code;
  const ofCurrency = facts.prices.filter((price) => price.currencyCode === main.code);
  const price = ofCurrency.find((candidate) => candidate.complexityBand === band) ?? ofCurrency[0];
  const units = expectedUnits(main);
  const perReferral = price ? units * price.pricePence : 0;
  const paidPence = facts.paidPence.reduce((sum, paid) => sum + Math.min(Math.max(paid, 0), perReferral), 0);
  const grossPence = facts.referrals * perReferral;
  return {
    offerId: facts.offerId,
    offerTitle: facts.offerTitle,
    referrals: facts.referrals,
    currencyName: main.name,
    expectedUnits: units,
    unitPricePence: price?.pricePence ?? null,
    grossPence,
    paidPence,
    committedPence: grossPence - paidPence,
  };
}
