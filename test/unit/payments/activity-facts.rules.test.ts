import { describe, expect, it } from 'vitest';
import { ADULT_HEARING_V3, BACK_AND_NECK_PAIN_V3 } from '../../../src/domains/catalogue/national-packs-v3/currencies.pack.ts';
import { ADULT_HEARING_V2 } from '../../../src/domains/catalogue/national-packs-v2/hearing-and-msk.pack.ts';
import { currencyTermsOf, livePeriodsOf, platformCurrencyFor } from '../../../src/domains/payments/activity-facts.rules.ts';

describe('the facts activity lines are checked against, from stored rows', () => {
  it('counts a listing live from each move to live until the day it left, that day included', () => {
    const history = [
      { toStatus: 'qualified', on: '2026-03-01' },
      { toStatus: 'live', on: '2026-04-01' },
      { toStatus: 'suspended', on: '2026-06-10' },
      { toStatus: 'live', on: '2026-07-01' },
    ];
    expect(livePeriodsOf(history, { status: 'live', contractStart: '2026-04-01' })).toEqual([
      { from: '2026-04-01', to: '2026-06-10' },
      { from: '2026-07-01', to: null },
    ]);
  });

  it('counts a live listing with no recorded move to live from its contract start, and a listing never live as never live', () => {
    expect(livePeriodsOf([], { status: 'live', contractStart: '2027-01-30' })).toEqual([{ from: '2027-01-30', to: null }]);
    expect(livePeriodsOf([{ toStatus: 'qualified', on: '2027-01-01' }], { status: 'qualified', contractStart: null })).toEqual([]);
  });

  it('pays a hearing pathway at discharge and writes no line for its visits; pays back and neck pain per session', () => {
    expect(platformCurrencyFor(ADULT_HEARING_V3.content, 'contact')).toBeUndefined();
    expect(platformCurrencyFor(ADULT_HEARING_V3.content, 'discharge')).toBe('assessment-and-fitting');
    expect(platformCurrencyFor(BACK_AND_NECK_PAIN_V3.content, 'contact')).toBe('session');
    expect(platformCurrencyFor(BACK_AND_NECK_PAIN_V3.content, 'discharge')).toBeUndefined();
  });

  it('reads an older pack’s single currency as the one it implies', () => {
    expect(platformCurrencyFor(ADULT_HEARING_V2.content, 'discharge')).toBe('pathway');
  });

  it('takes the offer’s word on paying DNAs from the schedule in force, else the pack’s default', () => {
    const schedules = [{ effectiveFrom: '2026-04-01', prices: [], dnaPayable: [{ currencyCode: 'session', payable: true }] }];
    expect(currencyTermsOf(BACK_AND_NECK_PAIN_V3.content, schedules, '2027-01-01')).toEqual([
      { code: 'session', oncePerReferral: false, dnaPayable: true, sessionCap: 8 },
    ]);
    expect(currencyTermsOf(BACK_AND_NECK_PAIN_V3.content, [], '2027-01-01')[0]!.dnaPayable).toBe(false);
  });
});
