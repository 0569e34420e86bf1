import { describe, expect, it } from 'vitest';
import { londonDateOf } from '../../src/lib/clock.ts';

describe('the date in England of an instant', () => {
  it('turns at midnight in London, in summer time and in winter, however the instants are asked in turn', () => {
    const asked = [
      ['2026-06-30T22:59:59.999Z', '2026-06-30'],
      ['2026-06-30T23:00:00.000Z', '2026-07-01'],
      ['2026-06-30T22:59:00.000Z', '2026-06-30'],
      ['2026-12-31T23:59:59.999Z', '2026-12-31'],
      ['2027-01-01T00:00:00.000Z', '2027-01-01'],
      ['2026-12-31T23:59:30.000Z', '2026-12-31'],
      ['2026-03-29T00:59:59.000Z', '2026-03-29'],
      ['2026-10-24T23:30:00.000Z', '2026-10-25'],
      ['2026-10-25T23:30:00.000Z', '2026-10-25'],
    ] as const;
    for (const [instant, date] of asked) expect(londonDateOf(new Date(instant)), instant).toBe(date);
  });

  it('refuses an instant that is not a time at all', () => {
    expect(() => londonDateOf(new Date(Number.NaN))).toThrow(RangeError);
  });
});
