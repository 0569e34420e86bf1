import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { newAlerts, percentOfPlan, standingOf, thresholdsCrossed } from '../../../src/domains/budgets/budget-alert.rules.ts';
import { forecastYear, type MonthActual } from '../../../src/domains/budgets/budget-forecast.rules.ts';
import { monthlyPhasingErrors, poundsToPence, spreadEvenly } from '../../../src/domains/budgets/budget-phasing.rules.ts';
import { planFromText } from '../../../src/domains/budgets/budget-input.rules.ts';
import { committedOnOffer, expectedUnits, SESSIONS_EXPECTED_WITHOUT_CAP } from '../../../src/domains/budgets/committed-spend.rules.ts';
import { financialYearOf, isFinancialYear, monthBefore, monthsOf } from '../../../src/domains/budgets/financial-year.rules.ts';

const paid = (pence: number): MonthActual => ({ approvedPence: pence, notApprovedPence: 0 });
const EVEN = spreadEvenly(1_200_000, 12);

describe('the financial year, April to March', () => {
  it('puts 31 March in the year before and 1 April in the year it names', () => {
    expect(financialYearOf('2027-03-31')).toBe('2026-27');
    expect(financialYearOf('2027-04-01')).toBe('2027-28');
    expect(financialYearOf('1999-12-01')).toBe('1999-00');
  });

  it('lists its months from April to the next March', () => {
    expect(monthsOf('2026-27')).toEqual([
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
      '2027-03',
    ]);
    expect(monthBefore('2027-01', 1)).toBe('2026-12');
    expect(monthBefore('2026-04', 3)).toBe('2026-01');
  });

  it('accepts "2026-27" and refuses years that do not follow on', () => {
    expect(isFinancialYear('2026-27')).toBe(true);
    expect(isFinancialYear('2099-00')).toBe(true);
    expect(['2026-28', '2026-2027', '26-27', '2026/27'].map(isFinancialYear)).toEqual([false, false, false, false]);
  });
});

describe('phasing a plan over its months', () => {
  it('spreads evenly to the penny, the pennies left over going to the last months', () => {
    expect(spreadEvenly(1000, 12)).toEqual([83, 83, 83, 83, 83, 83, 83, 83, 84, 84, 84, 84]);
    expect(spreadEvenly(1_200_000, 12)).toEqual(Array(12).fill(100_000));
  });

  it('always adds up exactly and never differs by more than a penny between months', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 1, max: 12 }), (total, parts) => {
        const spread = spreadEvenly(total, parts);
        expect(spread.reduce((sum, pence) => sum + pence, 0)).toBe(total);
        expect(Math.max(...spread) - Math.min(...spread)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('refuses monthly amounts that do not add up to the plan, saying by how much', () => {
    expect(monthlyPhasingErrors(EVEN, 1_200_000)).toEqual([]);
    expect(monthlyPhasingErrors([...EVEN.slice(0, 11), 99_999], 1_200_000)[0]?.message).toBe(
      'The monthly amounts add up to £11,999.99, not the plan’s £12,000.00',
    );
    expect(monthlyPhasingErrors(EVEN.slice(1), 1_200_000)[0]?.message).toContain('Give 12 monthly amounts');
  });

  it('reads pounds as people type them, and nothing else', () => {
    expect(['1250', '£1,250.5', '1250.50', ' 0.01 '].map(poundsToPence)).toEqual([125_000, 125_050, 125_050, 1]);
    expect(['', '12.345', '-5', '1e5', 'ten'].map(poundsToPence)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it('takes all twelve months or none, naming the month that is not money', () => {
    const months = Array(12).fill('1000');
    expect(planFromText({ serviceCode: 'x', financialYear: '2026-27', amount: '12000', monthly: months })).toMatchObject({
      input: { amountPence: 1_200_000, monthlyPence: Array(12).fill(100_000) },
    });
    const bad = planFromText({
      serviceCode: 'x',
      financialYear: '2026-27',
      amount: '12000',
      monthly: ['1000', 'lots', ...Array(10).fill('')],
    });
    expect(bad).toMatchObject({ errors: expect.arrayContaining([{ field: 'month-may', message: expect.stringContaining('may') }]) });
  });
});

describe('the forecast to year end', () => {
  const base = { financialYear: '2026-27', committedPence: 0, monthlyPlanPence: EVEN };

  it('adds actuals to date, committed spend and the last 3 complete months’ average for each month to come', () => {
    const actuals = new Map([
      ['2026-04', paid(90_000)],
      ['2026-05', paid(100_000)],
      ['2026-06', { approvedPence: 80_000, notApprovedPence: 30_000 }],
    ]);
    const forecast = forecastYear({ ...base, today: '2026-07-15', actuals, committedPence: 50_000 });
    expect(forecast.actualToDatePence).toBe(300_000);
    expect(forecast.runRateMonths).toEqual(['2026-04', '2026-05', '2026-06']);
    expect(forecast.runRatePence).toBe(100_000);
    expect(forecast.monthsRemaining).toBe(9);
    expect(forecast.forecastPence).toBe(300_000 + 50_000 + 9 * 100_000);
    expect(forecast.months[2]).toMatchObject({ cumulativeActualPence: 300_000, cumulativeForecastPence: 300_000 });
    expect(forecast.months[3]?.cumulativeActualPence).toBeNull();
    expect(forecast.months[11]?.cumulativeForecastPence).toBe(forecast.forecastPence);
  });

  it('takes the run rate in April from January to March of the year before', () => {
    const actuals = new Map([
      ['2026-01', paid(30_000)],
      ['2026-03', paid(60_000)],
    ]);
    const forecast = forecastYear({ ...base, today: '2026-04-02', actuals });
    expect(forecast.runRatePence).toBe(30_000);
    expect(forecast.forecastPence).toBe(12 * 30_000);
  });

  it('counts committed spend only in the year under way, and nothing to come once the year has ended', () => {
    const actuals = new Map([['2026-12', paid(10_000)]]);
    expect(forecastYear({ ...base, today: '2027-01-10', financialYear: '2027-28', actuals, committedPence: 5_000 }).forecastPence).toBe(
      12 * 3_333,
    );
    const ended = forecastYear({ ...base, today: '2027-05-01', actuals, committedPence: 5_000 });
    expect(ended).toMatchObject({ monthsRemaining: 0, committedCountedPence: 0, forecastPence: 10_000 });
  });
});

describe('alert thresholds', () => {
  it('are crossed on reaching the percentage exactly, in whole pence', () => {
    expect(thresholdsCrossed(89_999, 100_000, [100, 90])).toEqual([]);
    expect(thresholdsCrossed(90_000, 100_000, [100, 90])).toEqual([90]);
    expect(thresholdsCrossed(100_000, 100_000, [90, 100])).toEqual([90, 100]);
  });

  it('alert only on thresholds never alerted before for the plan', () => {
    expect(newAlerts([90, 100], [90])).toEqual([100]);
    expect(newAlerts([90], [90, 100])).toEqual([]);
  });

  it('say how the plan stands in words: on track, near plan, over plan', () => {
    expect(standingOf(50, 100, [90, 100])).toBe('on-track');
    expect(standingOf(95, 100, [90, 100])).toBe('near-plan');
    expect(standingOf(100, 100, [90, 100])).toBe('over-plan');
    expect(percentOfPlan(93_456, 100_000)).toBe(93.5);
  });
});

describe('committed spend on referrals still in treatment', () => {
  const pack = (currencies: object[]) => ({
    currency: { unit: 'session', description: 'x' },
    currencies,
    complexityBands: [{ code: 'STANDARD' }],
  });
  const session = {
    code: 'A08A1',
    name: 'Session',
    unit: 'session',
    oncePerReferral: false,
    dnaPayable: false,
    sessionCap: 8,
    description: 'x',
  };
  const pathway = { code: 'AS05', name: 'Pathway', unit: 'pathway', oncePerReferral: true, dnaPayable: false, description: 'x' };

  it('expects the session cap of a per-session currency, an assumed course without a cap, and one pathway or episode', () => {
    expect(expectedUnits({ unit: 'session', sessionCap: 8 })).toBe(8);
    expect(expectedUnits({ unit: 'session' })).toBe(SESSIONS_EXPECTED_WITHOUT_CAP);
    expect(expectedUnits({ unit: 'pathway' })).toBe(1);
    expect(expectedUnits({ unit: 'episode', sessionCap: 6 })).toBe(1);
  });

  it('is referrals × expected units × today’s price, less what was paid on them, never less than nothing per referral', () => {
    const committed = committedOnOffer({
      offerId: 'o',
      offerTitle: 'Back pain',
      packContent: pack([session]),
      referrals: 3,
      paidPence: [7_000, 50_000],
      prices: [
        { currencyCode: 'A08A1', complexityBand: 'COMPLEX', pricePence: 9_000 },
        { currencyCode: 'A08A1', complexityBand: 'STANDARD', pricePence: 3_500 },
      ],
    });
    expect(committed).toMatchObject({ expectedUnits: 8, unitPricePence: 3_500, grossPence: 3 * 8 * 3_500, paidPence: 7_000 + 28_000 });
    expect(committed.committedPence).toBe(84_000 - 35_000);
  });

  it('counts nothing for an offer with no price in force, and one pathway for hearing', () => {
    expect(
      committedOnOffer({ offerId: 'o', offerTitle: 't', packContent: pack([pathway]), referrals: 2, paidPence: [], prices: [] }),
    ).toMatchObject({
      unitPricePence: null,
      committedPence: 0,
    });
  });
});
