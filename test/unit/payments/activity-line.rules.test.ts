import { describe, expect, it } from 'vitest';
import {
  ATTENDANCE_CODES,
  isDidNotAttend,
  lineShapeProblem,
  REJECTION_REASON_CODES,
  REJECTION_REASONS,
} from '../../../src/domains/payments/activity-line.rules.ts';
import { aLine } from '../../support/payment-facts.ts';

describe('activity lines as submitted', () => {
  it('uses the NHS Data Dictionary attendance codes (ATTENDED OR DID NOT ATTEND)', () => {
    expect(Object.keys(ATTENDANCE_CODES).sort()).toEqual(['0', '2', '3', '4', '5', '6', '7']);
  });

  it('counts "did not attend" and "arrived late and could not be seen" as DNAs, and nothing else', () => {
    expect(Object.keys(ATTENDANCE_CODES).filter((code) => isDidNotAttend(code as keyof typeof ATTENDANCE_CODES))).toEqual(['3', '7']);
  });

  it('finds a well-formed line readable', () => {
    expect(lineShapeProblem(aLine())).toBeUndefined();
  });

  it.each([
    ['a date that does not exist', { activityDate: '2027-02-30' }],
    ['an attendance code outside the list', { attendance: '9' as never }],
    ['an empty line id', { lineId: ' ' }],
    ['a reversal that does not say which line it reverses', { kind: 'reversal' as const }],
    ['an original that names a line to reverse', { reversesLineId: 'L0' }],
  ])('finds a line with %s unreadable', (_case, overrides) => {
    expect(lineShapeProblem(aLine(overrides))).toMatch(/\w/);
  });
});

describe('rejection reasons', () => {
  it('gives every reason a stable kebab-case code, a plain label and who can put it right', () => {
    for (const code of REJECTION_REASON_CODES) {
      expect(code).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(REJECTION_REASONS[code].label.length).toBeGreaterThan(10);
      expect(['provider', 'commissioner', 'referrer', 'nobody']).toContain(REJECTION_REASONS[code].fixedBy);
    }
  });

  it('covers every reason issue #14 names', () => {
    expect(REJECTION_REASON_CODES).toEqual(
      expect.arrayContaining([
        'unknown-referral',
        'referral-not-accepted',
        'listing-not-live',
        'before-acceptance',
        'after-discharge',
        'in-the-future',
        'after-contract-end',
        'currency-not-on-offer',
        'over-session-cap',
        'already-paid',
        'duplicate',
        'dna-not-payable',
        'outside-criteria',
        'not-responsible-commissioner',
      ]),
    );
  });
});
