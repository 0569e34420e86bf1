import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ApplicationCounts } from '../../src/domains/applications/application-counts.repo.ts';
import { REFUSAL_GROUNDS } from '../../src/domains/applications/application-status.rules.ts';
import { applicationCells, withSmallNumbersSuppressed } from '../../src/domains/map/map-applications.rules.ts';

const counts = (qualified: number, inAssessment: number, grounds: [number, number, number, number]): ApplicationCounts => {
  const refused = Object.fromEntries(REFUSAL_GROUNDS.map((ground, i) => [ground, grounds[i]!])) as ApplicationCounts['refused'];
  return { received: qualified + inAssessment + grounds.reduce((a, b) => a + b, 0), qualified, inAssessment, refused };
};
const nulls = Object.fromEntries(REFUSAL_GROUNDS.map((ground) => [ground, null]));

describe('small-number suppression of a commissioner’s refusals by ground', () => {
  it('shows every ground exactly when each is zero or at least 5, with the total refused', () => {
    expect(withSmallNumbersSuppressed(counts(2, 1, [0, 0, 0, 0]))).toMatchObject({
      refused: counts(0, 0, [0, 0, 0, 0]).refused,
      refusedTotal: 0,
      suppressed: false,
    });
    expect(withSmallNumbersSuppressed(counts(2, 1, [5, 0, 12, 0]))).toMatchObject({
      refused: counts(0, 0, [5, 0, 12, 0]).refused,
      refusedTotal: 17,
      suppressed: false,
    });
  });

  it('withholds all four grounds, zeros and large ones too, when any ground is 1 to 4, keeping the total refused', () => {
    for (const grounds of [
      [1, 0, 0, 0],
      [0, 0, 0, 4],
      [7, 2, 0, 0],
      [3, 3, 9, 1],
    ] as [number, number, number, number][]) {
      const shown = withSmallNumbersSuppressed(counts(3, 2, grounds));
      expect(shown).toEqual({
        received: shown.received,
        qualified: 3,
        inAssessment: 2,
        refused: nulls,
        refusedTotal: grounds.reduce((a, b) => a + b, 0),
        suppressed: true,
      });
    }
  });

  it('never lets a ground of 1 to 4 be shown or worked out from the other figures', () => {
    const ground = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 5, max: 40 }));
    fc.assert(
      fc.property(fc.nat(20), fc.nat(20), fc.tuple(ground, ground, ground, ground), (qualified, inAssessment, grounds) => {
        const shown = withSmallNumbersSuppressed(counts(qualified, inAssessment, grounds));
        const values = Object.values(shown.refused);
        expect(shown.received - shown.qualified - shown.inAssessment).toBe(shown.refusedTotal);
        if (grounds.some((n) => n >= 1 && n <= 4)) expect(values.every((n) => n === null)).toBe(true);
        else expect(values).toEqual(grounds);
      }),
    );
  });

  it('writes withheld grounds as empty CSV cells and says so in a flag cell', () => {
    expect(applicationCells(withSmallNumbersSuppressed(counts(2, 1, [1, 0, 0, 0])))).toEqual(['4', '2', '1', '', '', '', '', '1', 'true']);
    expect(applicationCells(withSmallNumbersSuppressed(counts(2, 1, [0, 5, 0, 0])))).toEqual([
      '8',
      '2',
      '1',
      '0',
      '5',
      '0',
      '0',
      '5',
      'false',
    ]);
  });
});
