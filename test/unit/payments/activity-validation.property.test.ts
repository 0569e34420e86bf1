import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ActivityLine, AttendanceCode } from '../../../src/domains/payments/activity-line.rules.ts';
import { validateLines, type ValidationFacts } from '../../../src/domains/payments/activity-validation.rules.ts';
import { aLine, aReferral, backPainSessions, hearingPathway, REFERRAL, someFacts } from '../../support/payment-facts.ts';

const OTHER = '000000070002';

/** Facts for two referrals: one with DNAs paid and a cap of 3, so small batches reach every counting rule. */
const facts: ValidationFacts = someFacts({
  referrals: {
    [REFERRAL]: aReferral(),
    [OTHER]: aReferral({
      offer: { ...aReferral().offer, currencies: [backPainSessions({ sessionCap: 3, dnaPayable: true }), hearingPathway()] },
    }),
  },
});

/** Lines drawn from a small pool of ids, referrals, currencies and dates, so duplicates, caps, once-only payments and reversals collide often. */
const lines = fc.array(
  fc.record({
    id: fc.integer({ min: 1, max: 12 }),
    referral: fc.constantFrom(REFERRAL, OTHER, '999999999999'),
    currency: fc.constantFrom('A08A1', 'AS05', 'RD01A'),
    day: fc.integer({ min: 1, max: 20 }),
    attendance: fc.constantFrom<AttendanceCode>('5', '5', '6', '3', '7', '2'),
    reverses: fc.option(fc.integer({ min: 1, max: 12 }), { freq: 4 }),
  }),
  { maxLength: 30 },
);

function toLine(drawn: {
  id: number;
  referral: string;
  currency: string;
  day: number;
  attendance: AttendanceCode;
  reverses: number | null;
}): ActivityLine {
  return aLine({
    lineId: `L${drawn.id}`,
    referralReference: drawn.referral,
    currencyCode: drawn.currency,
    activityDate: `2027-05-${String(drawn.day).padStart(2, '0')}`,
    attendance: drawn.attendance,
    ...(drawn.reverses === null ? {} : { kind: 'reversal' as const, reversesLineId: `L${drawn.reverses}` }),
  });
}

describe('validating a batch in one go or line by line', () => {
  it('gives the same decision for every line when the facts are updated with each accepted line', () => {
    fc.assert(
      fc.property(lines, (drawn) => {
        const batch = drawn.map(toLine);
        const together = validateLines(batch, facts);
        let known = facts;
        const oneByOne = batch.map((line) => {
          const [decision] = validateLines([line], known);
          if (decision!.outcome === 'accepted') known = { ...known, acceptedLines: [...known.acceptedLines, line] };
          return decision;
        });
        expect(together).toEqual(oneByOne);
      }),
    );
  });

  it('never pays more sessions on a referral than its cap, net of reversals', () => {
    fc.assert(
      fc.property(lines, (drawn) => {
        const accepted = validateLines(drawn.map(toLine), facts).filter((decision) => decision.outcome === 'accepted');
        const net = (reference: string, currency: string) =>
          accepted
            .filter((decision) => decision.line.referralReference === reference && decision.currency.code === currency)
            .reduce((sum, decision) => sum + (decision.line.kind === 'reversal' ? -1 : 1), 0);
        expect(net(OTHER, 'A08A1')).toBeLessThanOrEqual(3);
        expect(net(REFERRAL, 'AS05')).toBeLessThanOrEqual(1);
        expect(net(OTHER, 'AS05')).toBeLessThanOrEqual(1);
      }),
    );
  });
});
