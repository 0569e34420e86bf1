import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, isWorkingDay, workingDayOrdinal, workingDaysBetween } from '../../src/lib/working-days.ts';

/** The rule as written: each day after `from` up to and including `to` that is a working day counts once. */
function countedDayByDay(from: string, to: string): number {
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (isWorkingDay(day)) count += 1;
  return count;
}

const date = fc.integer({ min: Date.UTC(2008, 0, 1), max: Date.UTC(2033, 11, 31) }).map((ms) => new Date(ms).toISOString().slice(0, 10));

describe('working days counted by subtraction (decision 0070)', () => {
  it('gives the same count as going day by day, inside and outside the years of bank holiday data, and 0 when `to` is not after `from`', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -40, max: 400 }), (from, span) => {
        const to = addDays(from, span);
        expect(workingDaysBetween(from, to)).toBe(countedDayByDay(from, to));
      }),
      { numRuns: 400 },
    );
  }, 30_000);

  it('numbers working days so the next working day is one more and a day off keeps the number of the working day before it', () => {
    expect(workingDayOrdinal('2027-03-29')).toBe(workingDayOrdinal('2027-03-25'));
    expect(workingDayOrdinal('2027-03-30') - workingDayOrdinal('2027-03-25')).toBe(1);
    expect(workingDayOrdinal('2027-02-07')).toBe(workingDayOrdinal('2027-02-05'));
    expect(workingDayOrdinal('2027-02-08')).toBe(workingDayOrdinal('2027-02-05') + 1);
  });

  it('counts a year-long wait for ten thousand patients in well under a second (a dashboard’s year of referrals)', () => {
    const started = performance.now();
    let total = 0;
    for (let i = 0; i < 10_000; i++) total += workingDaysBetween(addDays('2026-01-01', i % 300), addDays('2027-01-01', i % 300));
    expect(total).toBeGreaterThan(2_400_000);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
