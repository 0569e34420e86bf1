import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Priority,
  rankLongList,
  type ScoringCriterion,
  type ScoringItem,
  weightedScore,
} from '../../src/domains/prioritisation/scoring.rules.ts';

const criteria: ScoringCriterion[] = [
  { id: 'views', weight: 40 },
  { id: 'access', weight: 60 },
];
const anItem = (id: string, views: number | undefined, access: number | undefined, responses: Priority[] = []): ScoringItem => ({
  id,
  name: id,
  responses,
  scores: { ...(views === undefined ? {} : { views }), ...(access === undefined ? {} : { access }) },
});

describe('scoring and ranking a long list', () => {
  it('gives the weighted mean of the criteria scores on 0–100', () => {
    const [ranked] = rankLongList([anItem('hearing', 2, 3)], criteria);
    expect(ranked).toMatchObject({ score: 52, points: 260, scoredCriteria: 2 });
    expect(weightedScore(500, criteria)).toBe(100);
  });

  it('counts a missing score as 0 and says how many criteria were scored', () => {
    expect(rankLongList([anItem('podiatry', 5, undefined)], criteria)[0]).toMatchObject({ score: 40, scoredCriteria: 1 });
  });

  it('scores 0 for every item when there are no criteria, ranking on stakeholder support alone', () => {
    const ranked = rankLongList([anItem('a', undefined, undefined, ['low']), anItem('b', undefined, undefined, ['high', 'mid'])], []);
    expect(ranked.map((item) => [item.id, item.score, item.rank])).toEqual([
      ['b', 0, 1],
      ['a', 0, 2],
    ]);
  });

  it('breaks a tie on score by stakeholder support (high 3, mid 2, low 1), and ranks an item with no responses below any with', () => {
    const ranked = rankLongList(
      [anItem('back', 4, 4, ['low']), anItem('talking', 4, 4, ['high', 'mid']), anItem('silent', 4, 4)],
      criteria,
    );
    expect(ranked.map((item) => [item.id, item.rank, item.support])).toEqual([
      ['talking', 1, 2.5],
      ['back', 2, 1],
      ['silent', 3, null],
    ]);
    expect(ranked[0]!.supportCounts).toEqual({ high: 1, mid: 1, low: 0 });
  });

  it('gives equal rank to items equal on score and support, listing them by name', () => {
    const ranked = rankLongList([anItem('wheelchairs', 3, 3, ['mid']), anItem('continence', 3, 3, ['mid']), anItem('mri', 1, 1)], criteria);
    expect(ranked.map((item) => [item.id, item.rank])).toEqual([
      ['continence', 1],
      ['wheelchairs', 1],
      ['mri', 3],
    ]);
  });

  const arbitraryRun = fc
    .record({
      weights: fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 0, maxLength: 4 }),
      items: fc.array(
        fc.record({
          scores: fc.array(fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }), { minLength: 4, maxLength: 4 }),
          responses: fc.array(fc.constantFrom<Priority>('high', 'mid', 'low'), { maxLength: 6 }),
        }),
        { minLength: 1, maxLength: 12 },
      ),
    })
    .map(({ weights, items }) => {
      const runCriteria = weights.map((weight, index) => ({ id: `c${index}`, weight }));
      const runItems = items.map((item, index) => ({
        id: `i${index}`,
        name: `Item ${index}`,
        responses: item.responses,
        scores: Object.fromEntries(
          runCriteria.flatMap((criterion, c) => (item.scores[c] === undefined ? [] : [[criterion.id, item.scores[c]!]])),
        ),
      }));
      return { criteria: runCriteria, items: runItems };
    });

  it('returns every item exactly once, in rank order, with scores between 0 and 100', () => {
    fc.assert(
      fc.property(arbitraryRun, ({ criteria: runCriteria, items }) => {
        const ranked = rankLongList(items, runCriteria);
        expect(ranked.map((item) => item.id).sort()).toEqual(items.map((item) => item.id).sort());
        expect(ranked.every((item, index) => index === 0 || ranked[index - 1]!.rank <= item.rank)).toBe(true);
        expect(ranked.every((item) => item.score >= 0 && item.score <= 100 && item.rank >= 1 && item.rank <= items.length)).toBe(true);
      }),
    );
  });

  it('never lowers an item’s rank when one of its scores is raised', () => {
    fc.assert(
      fc.property(arbitraryRun, fc.nat(), fc.nat(), ({ criteria: runCriteria, items }, itemPick, criterionPick) => {
        fc.pre(runCriteria.length > 0);
        const target = items[itemPick % items.length]!;
        const criterion = runCriteria[criterionPick % runCriteria.length]!;
        const current = target.scores[criterion.id] ?? 0;
        fc.pre(current < 5);
        const raised = items.map((item) => (item === target ? { ...item, scores: { ...item.scores, [criterion.id]: current + 1 } } : item));
        const before = rankLongList(items, runCriteria).find((item) => item.id === target.id)!;
        const after = rankLongList(raised, runCriteria).find((item) => item.id === target.id)!;
        expect(after.rank).toBeLessThanOrEqual(before.rank);
        expect(after.score).toBeGreaterThan(before.score);
      }),
    );
  });
});
