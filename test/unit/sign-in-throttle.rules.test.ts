import { describe, expect, it } from 'vitest';
import { afterFailure, lockMinutesAfter, minutesLocked } from '../../src/domains/identity/sign-in-throttle.rules.ts';

const at = (minutes: number) => new Date(Date.UTC(2026, 0, 5, 9, 0) + minutes * 60_000);

describe('per-account sign-in back-off', () => {
  it('gives five free failures, then locks for 1, 2, 4 … minutes, never longer than an hour', () => {
    expect(Array.from({ length: 13 }, (_, index) => lockMinutesAfter(index + 1))).toEqual([0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 60, 60, 60]);
  });

  it('locks after the fifth failure in a row, for one minute from that failure', () => {
    let state = afterFailure(undefined, at(0));
    for (let minute = 1; minute < 5; minute += 1) state = afterFailure(state, at(minute));
    expect(state).toEqual({ failures: 5, lastFailureAt: at(4), lockedUntil: at(5) });
    expect(minutesLocked(state, at(4.5))).toBe(1);
    expect(minutesLocked(state, at(5))).toBe(0);
  });

  it('says how many whole minutes are left, rounding up', () => {
    expect(minutesLocked({ failures: 9, lastFailureAt: at(0), lockedUntil: at(16) }, at(0.5))).toBe(16);
    expect(minutesLocked(undefined, at(0))).toBe(0);
  });

  it('forgets failures after a day without any, so occasional typing mistakes never add up', () => {
    const tired = { failures: 4, lastFailureAt: at(0), lockedUntil: null };
    expect(afterFailure(tired, at(24 * 60 - 1)).failures).toBe(5);
    expect(afterFailure(tired, at(24 * 60))).toEqual({ failures: 1, lastFailureAt: at(24 * 60), lockedUntil: null });
  });
});
