import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../../src/lib/errors.ts';
import { type PaymentSchedule, priceLine, priceOn, totalPence } from '../../../src/domains/payments/pricing.rules.ts';
import { aLine } from '../../support/payment-facts.ts';

/** Back and neck pain prices for 2026/27 (a price for every currency) and 2027/28 (a session price and a hearing pathway price). */
const schedules: PaymentSchedule[] = [
  {
    effectiveFrom: '2026-04-01',
    prices: [
      { complexityBand: 'standard', pricePence: 4_500 },
      { complexityBand: 'complex', pricePence: 6_000 },
    ],
  },
  {
    effectiveFrom: '2027-04-01',
    prices: [
      { currencyCode: 'A08A1', complexityBand: 'standard', pricePence: 4_720 },
      { currencyCode: 'A08A1', complexityBand: 'complex', pricePence: 6_250 },
      { currencyCode: 'AS05', complexityBand: 'standard', pricePence: 11_382 },
      { complexityBand: 'standard', pricePence: 1 },
    ],
  },
];

describe('pricing activity lines', () => {
  it('prices lines dated 31 March and 1 April either side of a new schedule at each year’s price', () => {
    expect(priceLine(aLine({ activityDate: '2027-03-31' }), schedules)).toBe(4_500);
    expect(priceLine(aLine({ activityDate: '2027-04-01' }), schedules)).toBe(4_720);
  });

  it('prices by complexity band', () => {
    expect(priceLine(aLine({ complexityBand: 'complex', activityDate: '2027-03-31' }), schedules)).toBe(6_000);
    expect(priceLine(aLine({ complexityBand: 'complex', activityDate: '2027-04-01' }), schedules)).toBe(6_250);
  });

  it('prefers a price for the line’s currency to a price for every currency, and uses the latter when it is all there is', () => {
    expect(priceOn(schedules, { currencyCode: 'AS05', complexityBand: 'standard', activityDate: '2027-05-01' })).toBe(11_382);
    expect(priceOn(schedules, { currencyCode: 'AS11', complexityBand: 'standard', activityDate: '2027-05-01' })).toBe(1);
    expect(priceOn(schedules, { currencyCode: 'AS11', complexityBand: 'standard', activityDate: '2026-05-01' })).toBe(4_500);
  });

  it('does not depend on the order the schedules are listed in', () => {
    expect(priceLine(aLine({ activityDate: '2027-04-01' }), [...schedules].reverse())).toBe(4_720);
  });

  it('prices a reversal as the negative of its original, at the original’s date and band', () => {
    const original = aLine({ lineId: 'L1', activityDate: '2027-03-31', complexityBand: 'complex' });
    const reversal = aLine({ lineId: 'R1', kind: 'reversal', reversesLineId: 'L1', activityDate: '2027-04-20' });
    expect(priceLine(reversal, schedules, original)).toBe(-6_000);
  });

  it('refuses to price a reversal without the line it reverses', () => {
    const reversal = aLine({ lineId: 'R1', kind: 'reversal', reversesLineId: 'L1' });
    expect(() => priceLine(reversal, schedules)).toThrow(/reverses/);
    expect(() => priceLine(reversal, schedules, aLine({ lineId: 'L2' }))).toThrow(/reverses/);
  });

  it('says so when no schedule is in force on the date, or it has no price for the band', () => {
    const outcome = (run: () => number) => {
      try {
        run();
      } catch (error) {
        return isDomainError(error) ? error.code : 'other';
      }
      return 'priced';
    };
    expect(outcome(() => priceLine(aLine({ activityDate: '2026-03-31' }), schedules))).toBe('not-found');
    expect(outcome(() => priceLine(aLine({ complexityBand: 'unheard of' }), schedules))).toBe('not-found');
  });
});

describe('exact totals in integer pence', () => {
  it('adds whole pence exactly', () => {
    expect(totalPence([4_720, 4_720, -4_720, 11_382])).toBe(16_102);
    expect(totalPence([])).toBe(0);
  });

  it('throws on an amount that is not whole pence', () => {
    expect(() => totalPence([4_720, 47.2])).toThrow(/whole pence/);
    expect(() => totalPence([Number.NaN])).toThrow(/whole pence/);
  });

  it('throws when a total would leave the range integers are exact in', () => {
    expect(() => totalPence([Number.MAX_SAFE_INTEGER, 1])).toThrow(/too large/);
    expect(() => totalPence([-Number.MAX_SAFE_INTEGER, -1])).toThrow(/too large/);
  });

  it('equals the exact (BigInt) sum for any safe amounts, whatever their order', () => {
    const amounts = fc.array(fc.integer({ min: -10_000_000, max: 10_000_000 }), { maxLength: 200 });
    fc.assert(
      fc.property(amounts, (list) => {
        const exact = list.reduce((sum, pence) => sum + BigInt(pence), 0n);
        expect(BigInt(totalPence(list))).toBe(exact);
        expect(totalPence([...list].reverse())).toBe(totalPence(list));
      }),
    );
  });

  it('nets a line and its reversal to zero', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('standard', 'complex'),
        fc.constantFrom('2026-07-01', '2027-03-31', '2027-04-01', '2028-01-31'),
        (band, date) => {
          const original = aLine({ complexityBand: band, activityDate: date });
          const reversal = aLine({ lineId: 'R1', kind: 'reversal', reversesLineId: original.lineId });
          expect(totalPence([priceLine(original, schedules), priceLine(reversal, schedules, original)])).toBe(0);
        },
      ),
    );
  });
});
