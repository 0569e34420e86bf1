import { describe, expect, it } from 'vitest';
import { atCaseness, recoveryOf } from '../../../src/domains/provider-quality/outcome.rules.ts';

describe('recovery in talking therapies', () => {
  it('puts caseness at PHQ-9 of 10 or GAD-7 of 8, and not below both', () => {
    expect(atCaseness({ phq9: 10, gad7: 0 })).toBe(true);
    expect(atCaseness({ phq9: 0, gad7: 8 })).toBe(true);
    expect(atCaseness({ phq9: 9, gad7: 7 })).toBe(false);
  });

  it('counts a course as recovered when it starts at caseness and ends below it on both measures, whatever order the sessions come in', () => {
    const last = { on: '2026-03-01', phq9: 6, gad7: 5 };
    const first = { on: '2026-01-10', phq9: 15, gad7: 12 };
    expect(recoveryOf([last, first])).toEqual({ atStart: true, recovered: true });
  });

  it('does not count a course ending at caseness on one measure as recovered', () => {
    expect(
      recoveryOf([
        { on: '2026-01-10', phq9: 15, gad7: 12 },
        { on: '2026-03-01', phq9: 6, gad7: 9 },
      ]),
    ).toEqual({ atStart: true, recovered: false });
  });

  it('never counts a course that started below caseness as recovered, and ignores courses with fewer than two scored sessions', () => {
    expect(
      recoveryOf([
        { on: '2026-01-10', phq9: 5, gad7: 4 },
        { on: '2026-03-01', phq9: 2, gad7: 1 },
      ]),
    ).toEqual({ atStart: false, recovered: false });
    expect(recoveryOf([{ on: '2026-01-10', phq9: 15, gad7: 12 }])).toBeNull();
  });
});
