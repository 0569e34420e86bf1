/** How a long list is scored and ranked (docs/decisions/0011-prioritisation-scoring.md; PRODUCT.md §3.2). */

export type Priority = 'high' | 'mid' | 'low';

/** Points a stakeholder response gives to an item's support: high 3, mid 2, low 1. */
export const SUPPORT_POINTS: Record<Priority, number> = { high: 3, mid: 2, low: 1 };

export const MAX_CRITERION_SCORE = 5;

export interface ScoringCriterion {
  id: string;
  weight: number;
}

export interface ScoringItem {
  id: string;
  name: string;
  /** Scores 0–5 keyed by criterion id; a missing score counts as 0. */
  scores: Record<string, number>;
  responses: Priority[];
}

export interface RankedItem {
  id: string;
  /** Weighted points: Σ weight × score, the exact quantity items are ranked by. */
  points: number;
  /** Weighted mean of the criteria scores on 0–100, to one decimal place. */
  score: number;
  /** Mean support of the responses on 1–3, to one decimal place; null with no responses. */
  support: number | null;
  supportCounts: Record<Priority, number>;
  /** How many criteria have a score for this item. */
  scoredCriteria: number;
  /** 1 + the number of items strictly ahead (higher points, or equal points and higher support). */
  rank: number;
}

interface Tally {
  item: ScoringItem;
  points: number;
  supportSum: number;
  supportCount: number;
}

function tally(item: ScoringItem, criteria: readonly ScoringCriterion[]): Tally {
  const points = criteria.reduce((sum, criterion) => sum + criterion.weight * (item.scores[criterion.id] ?? 0), 0);
  const supportSum = item.responses.reduce((sum, priority) => sum + SUPPORT_POINTS[priority], 0);
  return { item, points, supportSum, supportCount: item.responses.length };
}

/** Compares two tallies without floating point: points first, then mean support (no responses ranks below any). */
function compareTallies(a: Tally, b: Tally): number {
  if (a.points !== b.points) return b.points - a.points;
  return b.supportSum * a.supportCount - a.supportSum * b.supportCount || Number(b.supportCount > 0) - Number(a.supportCount > 0);
}

const oneDecimal = (value: number) => Math.round(value * 10) / 10;

/** Weighted score on 0–100: Σ(weight × score) / Σ(weight × 5) × 100; 0 when there are no criteria. */
export function weightedScore(points: number, criteria: readonly ScoringCriterion[]): number {
  const maximum = criteria.reduce((sum, criterion) => sum + criterion.weight * MAX_CRITERION_SCORE, 0);
  return maximum === 0 ? 0 : oneDecimal((points / maximum) * 100);
}

/** Ranks the long list: by weighted score, stakeholder support breaking ties; equal on both means equal rank. Ordered by rank, then name. */
export function rankLongList(items: readonly ScoringItem[], criteria: readonly ScoringCriterion[]): RankedItem[] {
  const tallies = items.map((item) => tally(item, criteria));
  const ranked = tallies.map((entry) => {
    const counts: Record<Priority, number> = { high: 0, mid: 0, low: 0 };
    for (const priority of entry.item.responses) counts[priority] += 1;
    return {
      id: entry.item.id,
      points: entry.points,
      score: weightedScore(entry.points, criteria),
      support: entry.supportCount ? oneDecimal(entry.supportSum / entry.supportCount) : null,
      supportCounts: counts,
      scoredCriteria: criteria.filter((criterion) => entry.item.scores[criterion.id] !== undefined).length,
      rank: 1 + tallies.filter((other) => compareTallies(other, entry) < 0).length,
      name: entry.item.name,
    };
  });
  ranked.sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name, 'en-GB') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return ranked.map(({ name: _name, ...item }) => item);
}
