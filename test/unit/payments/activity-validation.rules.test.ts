import { describe, expect, it } from 'vitest';
import type { ActivityLine } from '../../../src/domains/payments/activity-line.rules.ts';
import { REASON_PRECEDENCE, validateLines, type LineDecision } from '../../../src/domains/payments/activity-validation.rules.ts';
import {
  aLine,
  aReferral,
  backPainSessions,
  COMMISSIONER,
  hearingPathway,
  REFERRAL,
  someFacts,
  weeklySessions,
} from '../../support/payment-facts.ts';

const reasonsOf = (decisions: LineDecision[]) =>
  decisions.map((decision) => (decision.outcome === 'accepted' ? 'accepted' : decision.reason));
const reasonOf = (line: ActivityLine, facts = someFacts()) => reasonsOf(validateLines([line], facts))[0];

describe('validating a batch of activity lines (issue #14 must-holds)', () => {
  it('pays back and neck pain sessions 1 to 8 and refuses a 9th as over the session cap', () => {
    expect(reasonsOf(validateLines(weeklySessions(9), someFacts()))).toEqual([...Array(8).fill('accepted'), 'over-session-cap']);
  });

  it('counts sessions accepted in earlier batches against the cap', () => {
    const earlier = weeklySessions(8);
    const ninth = aLine({ lineId: 'S9', activityDate: '2027-06-01' });
    expect(reasonOf(ninth, someFacts({ acceptedLines: earlier }))).toBe('over-session-cap');
  });

  it('refuses a DNA where the offer says DNAs are not paid', () => {
    expect(reasonOf(aLine({ attendance: '3' }))).toBe('dna-not-payable');
    expect(reasonOf(aLine({ attendance: '7' }))).toBe('dna-not-payable');
  });

  it('pays a DNA where the offer says DNAs are paid', () => {
    const facts = someFacts({
      referrals: { [REFERRAL]: aReferral({ offer: { ...aReferral().offer, currencies: [backPainSessions({ dnaPayable: true })] } }) },
    });
    expect(reasonOf(aLine({ attendance: '3' }), facts)).toBe('accepted');
  });

  it('refuses activity on a referral the provider returned as outside the criteria, with that reason', () => {
    const returned = aReferral({ status: 'returned', acceptedOn: null, outsideCriteria: true });
    expect(reasonOf(aLine(), someFacts({ referrals: { [REFERRAL]: returned } }))).toBe('outside-criteria');
  });

  it('accepts a line with the currency terms it is paid under', () => {
    const [decision] = validateLines([aLine()], someFacts());
    expect(decision).toEqual({ outcome: 'accepted', line: aLine(), currency: backPainSessions() });
  });
});

describe('a coded reason for every line not paid', () => {
  const withReferral = (overrides: Parameters<typeof aReferral>[0]) => someFacts({ referrals: { [REFERRAL]: aReferral(overrides) } });

  it.each<[string, ActivityLine, ReturnType<typeof someFacts>]>([
    ['invalid-line', aLine({ activityDate: '2027-13-01' }), someFacts()],
    ['unknown-referral', aLine({ referralReference: '999999999999' }), someFacts()],
    ['referral-not-accepted', aLine(), withReferral({ status: 'sent', acceptedOn: null })],
    ['referral-not-accepted', aLine(), withReferral({ providerId: 'another-provider' })],
    ['currency-not-on-offer', aLine({ currencyCode: 'RD01A' }), someFacts()],
    ['unknown-complexity-band', aLine({ complexityBand: 'very complex' }), someFacts()],
    ['in-the-future', aLine({ activityDate: '2027-07-01' }), someFacts()],
    ['before-acceptance', aLine({ activityDate: '2027-02-28' }), someFacts()],
    ['after-discharge', aLine({ activityDate: '2027-05-02' }), withReferral({ status: 'discharged', dischargedOn: '2027-05-01' })],
    ['after-contract-end', aLine({ activityDate: '2027-05-02' }), withReferral({ contractEndsOn: '2027-05-01' })],
    [
      'listing-not-live',
      aLine({ activityDate: '2027-05-02' }),
      withReferral({ listingLivePeriods: [{ from: '2026-04-01', to: '2027-04-30' }] }),
    ],
    [
      'not-responsible-commissioner',
      aLine({ activityDate: '2027-05-02' }),
      withReferral({
        responsibleCommissioners: [
          { commissionerCode: COMMISSIONER, from: '2020-01-01', to: '2027-04-30' },
          { commissionerCode: '99A', from: '2027-05-01', to: null },
        ],
      }),
    ],
    ['appointment-not-held', aLine({ attendance: '2' }), someFacts()],
    ['appointment-not-held', aLine({ attendance: '4' }), someFacts()],
    ['appointment-not-held', aLine({ attendance: '0' }), someFacts()],
    ['dna-not-payable', aLine({ attendance: '3' }), someFacts()],
    ['outside-criteria', aLine(), withReferral({ outsideCriteria: true })],
    [
      'already-paid',
      aLine({ lineId: 'H2', currencyCode: 'AS05', activityDate: '2027-05-03' }),
      someFacts({ acceptedLines: [aLine({ lineId: 'H1', currencyCode: 'AS05' })] }),
    ],
    ['duplicate', aLine({ lineId: 'L1' }), someFacts({ acceptedLines: [aLine({ lineId: 'L1', activityDate: '2027-04-12' })] })],
    ['duplicate', aLine({ lineId: 'L2' }), someFacts({ acceptedLines: [aLine({ lineId: 'L1' })] })],
    ['reversal-not-matching', aLine({ lineId: 'R1', kind: 'reversal', reversesLineId: 'L9' }), someFacts()],
  ])('refuses with %s', (reason, line, facts) => {
    expect(reasonOf(line, facts)).toBe(reason);
  });

  it('pays the session on the day of acceptance and on the day of discharge', () => {
    const facts = withReferral({ status: 'discharged', acceptedOn: '2027-04-05', dischargedOn: '2027-04-12' });
    expect(reasonsOf(validateLines([aLine({ lineId: 'A' }), aLine({ lineId: 'B', activityDate: '2027-04-12' })], facts))).toEqual([
      'accepted',
      'accepted',
    ]);
  });

  it('pays a line dated today but not tomorrow', () => {
    expect(reasonOf(aLine({ activityDate: '2027-06-30' }))).toBe('accepted');
    expect(reasonOf(aLine({ activityDate: '2027-07-01' }))).toBe('in-the-future');
  });

  it('pays a once-only currency once per referral, in the same batch as well as across batches', () => {
    const lines = [
      aLine({ lineId: 'H1', currencyCode: 'AS05' }),
      aLine({ lineId: 'H2', currencyCode: 'AS05', activityDate: '2027-04-20' }),
    ];
    expect(reasonsOf(validateLines(lines, someFacts()))).toEqual(['accepted', 'already-paid']);
  });

  it('treats the same line id in one batch as a duplicate of the first, once the first is accepted', () => {
    const lines = [aLine({ lineId: 'L1' }), aLine({ lineId: 'L1', activityDate: '2027-04-12' })];
    expect(reasonsOf(validateLines(lines, someFacts()))).toEqual(['accepted', 'duplicate']);
  });

  it('lets a refused line be sent again under its own id once put right', () => {
    const lines = [aLine({ lineId: 'L1', complexityBand: 'typo' }), aLine({ lineId: 'L1' })];
    expect(reasonsOf(validateLines(lines, someFacts()))).toEqual(['unknown-complexity-band', 'accepted']);
  });

  it('keeps the cap per referral and per currency', () => {
    const other = '000000070002';
    const facts = someFacts({ referrals: { [REFERRAL]: aReferral(), [other]: aReferral() }, acceptedLines: weeklySessions(8) });
    expect(reasonOf(aLine({ lineId: 'X1', referralReference: other }), facts)).toBe('accepted');
    expect(reasonOf(aLine({ lineId: 'X2', currencyCode: 'AS05', activityDate: '2027-06-02' }), facts)).toBe('accepted');
  });
});

describe('reversals', () => {
  const reversal = (reverses: string, overrides: Partial<ActivityLine> = {}) =>
    aLine({ lineId: `R-${reverses}`, kind: 'reversal', reversesLineId: reverses, ...overrides });

  it('accepts the reversal of an accepted line, with the original’s currency terms', () => {
    const [decision] = validateLines([reversal('L1')], someFacts({ acceptedLines: [aLine({ lineId: 'L1' })] }));
    expect(decision).toMatchObject({ outcome: 'accepted', currency: backPainSessions() });
  });

  it('refuses a second reversal of the same line and a reversal of another referral’s line', () => {
    const facts = someFacts({ acceptedLines: [aLine({ lineId: 'L1' })] });
    expect(reasonsOf(validateLines([reversal('L1'), reversal('L1', { lineId: 'R2' })], facts))).toEqual([
      'accepted',
      'reversal-not-matching',
    ]);
    expect(reasonOf(reversal('L1', { referralReference: '000000070002' }), facts)).toBe('reversal-not-matching');
  });

  it('frees a session under the cap and a once-only payment when the line is reversed', () => {
    const facts = someFacts({ acceptedLines: [...weeklySessions(8), aLine({ lineId: 'H1', currencyCode: 'AS05' })] });
    const lines = [
      reversal('S8'),
      aLine({ lineId: 'S8b', activityDate: '2027-06-01' }),
      reversal('H1'),
      aLine({ lineId: 'H1b', currencyCode: 'AS05' }),
    ];
    expect(reasonsOf(validateLines(lines, facts))).toEqual(['accepted', 'accepted', 'accepted', 'accepted']);
  });

  it('lets a corrected line take the date of the line it replaces once that is reversed', () => {
    const facts = someFacts({ acceptedLines: [aLine({ lineId: 'L1', complexityBand: 'standard' })] });
    const lines = [reversal('L1'), aLine({ lineId: 'L1-corrected', complexityBand: 'complex' })];
    expect(reasonsOf(validateLines(lines, facts))).toEqual(['accepted', 'accepted']);
  });
});

describe('precedence when several reasons apply', () => {
  it('lists every reason exactly once', () => {
    expect(new Set(REASON_PRECEDENCE).size).toBe(REASON_PRECEDENCE.length);
  });

  it('names the returned-outside-criteria referral before its never having been accepted', () => {
    expect(REASON_PRECEDENCE.indexOf('outside-criteria')).toBeLessThan(REASON_PRECEDENCE.indexOf('referral-not-accepted'));
  });

  it('calls a line sent twice a duplicate rather than over the cap or already paid', () => {
    const facts = someFacts({ acceptedLines: [...weeklySessions(8), aLine({ lineId: 'H1', currencyCode: 'AS05' })] });
    expect(reasonOf(weeklySessions(8)[7]!, facts)).toBe('duplicate');
    expect(reasonOf(aLine({ lineId: 'H1', currencyCode: 'AS05' }), facts)).toBe('duplicate');
  });

  it('gives the first applicable reason in the documented order', () => {
    const everythingWrong = someFacts({
      referrals: {
        [REFERRAL]: aReferral({
          status: 'returned',
          acceptedOn: null,
          outsideCriteria: true,
          contractEndsOn: '2027-01-01',
          listingLivePeriods: [],
          responsibleCommissioners: [],
        }),
      },
    });
    const line = aLine({ currencyCode: 'XX', complexityBand: 'none', attendance: '3', activityDate: '2027-08-01' });
    expect(reasonOf(line, everythingWrong)).toBe('outside-criteria');
    expect(reasonOf(line, withOnly({ outsideCriteria: false }))).toBe('referral-not-accepted');
    expect(reasonOf(line, withOnly({}, { acceptedOn: '2027-03-01', status: 'accepted' }))).toBe('currency-not-on-offer');
    expect(reasonOf({ ...line, currencyCode: 'A08A1' }, withOnly({}, { acceptedOn: '2027-03-01', status: 'accepted' }))).toBe(
      'unknown-complexity-band',
    );
    const readable = { ...line, currencyCode: 'A08A1', complexityBand: 'standard' };
    expect(reasonOf(readable, withOnly({}, { acceptedOn: '2027-03-01', status: 'accepted' }))).toBe('in-the-future');
    const past = { ...readable, activityDate: '2027-05-03' };
    expect(reasonOf(past, withOnly({}, { acceptedOn: '2027-03-01', status: 'accepted' }))).toBe('after-contract-end');
    expect(reasonOf(past, withOnly({ contractEndsOn: null }, { acceptedOn: '2027-03-01', status: 'accepted' }))).toBe('listing-not-live');
  });

  function withOnly(overrides: Parameters<typeof aReferral>[0], accepted: Parameters<typeof aReferral>[0] = {}) {
    return someFacts({
      referrals: {
        [REFERRAL]: aReferral({
          status: 'returned',
          acceptedOn: null,
          outsideCriteria: false,
          contractEndsOn: '2027-01-01',
          listingLivePeriods: [],
          responsibleCommissioners: [],
          ...overrides,
          ...accepted,
        }),
      },
    });
  }

  it('checks the date against acceptance before discharge, and the referral before the contract', () => {
    const facts = someFacts({ referrals: { [REFERRAL]: aReferral({ acceptedOn: '2027-04-10', contractEndsOn: '2027-04-01' }) } });
    expect(reasonOf(aLine({ activityDate: '2027-04-05' }), facts)).toBe('before-acceptance');
  });

  it('refuses a cancelled appointment as not held before asking whether DNAs are paid, and a DNA before the cap', () => {
    expect(REASON_PRECEDENCE.indexOf('appointment-not-held')).toBeLessThan(REASON_PRECEDENCE.indexOf('dna-not-payable'));
    expect(
      reasonOf(aLine({ lineId: 'D', attendance: '3', activityDate: '2027-06-01' }), someFacts({ acceptedLines: weeklySessions(8) })),
    ).toBe('dna-not-payable');
  });

  it('checks once-only payment before the session cap', () => {
    const capped = hearingPathway({ sessionCap: 1 });
    const facts = someFacts({
      referrals: { [REFERRAL]: aReferral({ offer: { ...aReferral().offer, currencies: [capped] } }) },
      acceptedLines: [aLine({ lineId: 'H1', currencyCode: 'AS05' })],
    });
    expect(reasonOf(aLine({ lineId: 'H2', currencyCode: 'AS05', activityDate: '2027-05-01' }), facts)).toBe('already-paid');
  });
});
