/** Everything a run's page and API show at once: the long list scored and ranked, responses, criteria, milestones. */
import type { Deps } from '../deps.ts';
import type { Principal } from '../identity/principal.ts';
import { type CriterionRecord, criteriaOf, type MilestoneRecord, milestonesOf, scoresOf } from './criteria.repo.ts';
import { type ItemRecord, itemsOf, type ResponseRecord, responsesOf } from './long-list.repo.ts';
import { isOverdue } from './milestones.rules.ts';
import { runVisibleTo } from './run-access.service.ts';
import { type MemberRecord, membersOf, type RunRecord } from './run.repo.ts';
import { type RankedItem, rankLongList } from './scoring.rules.ts';

export interface RankedLongListItem extends ItemRecord, Omit<RankedItem, 'id'> {
  /** Scores keyed by criterion id. */
  scores: Record<string, number>;
  responseCount: number;
}

export interface RunOverview {
  run: RunRecord;
  members: MemberRecord[];
  items: RankedLongListItem[];
  criteria: CriterionRecord[];
  responses: ResponseRecord[];
  milestones: (MilestoneRecord & { overdue: boolean })[];
}

/** Ranks a run's items from its criteria, scores and responses (scoring.rules.ts). */
export function rankItems(
  items: ItemRecord[],
  criteria: CriterionRecord[],
  scores: { itemId: string; criterionId: string; score: number }[],
  responses: ResponseRecord[],
): RankedLongListItem[] {
  const scoresByItem = new Map<string, Record<string, number>>(items.map((item) => [item.id, {}]));
  for (const score of scores) scoresByItem.get(score.itemId)![score.criterionId] = score.score;
  const ranked = rankLongList(
    items.map((item) => ({
      id: item.id,
      name: item.name,
      scores: scoresByItem.get(item.id)!,
      responses: responses.filter((response) => response.itemId === item.id).map((response) => response.priority),
    })),
    criteria,
  );
  const byId = new Map(items.map((item) => [item.id, item]));
  return ranked.map((entry) => ({
    ...byId.get(entry.id)!,
    ...entry,
    scores: scoresByItem.get(entry.id)!,
    responseCount: entry.supportCounts.high + entry.supportCounts.mid + entry.supportCounts.low,
  }));
}

/** The run as its commissioners (or, once notified, its region) see it. */
export async function loadRunOverview(deps: Deps, principal: Principal | null, runId: string): Promise<RunOverview> {
  const run = await runVisibleTo(deps.db, principal, runId);
  const [members, items, criteria, scores, responses, milestones] = await Promise.all([
    membersOf(deps.db, run.id),
    itemsOf(deps.db, run.id),
    criteriaOf(deps.db, run.id),
    scoresOf(deps.db, run.id),
    responsesOf(deps.db, run.id),
    milestonesOf(deps.db, run.id),
  ]);
  const today = deps.clock.today();
  return {
    run,
    members,
    criteria,
    responses,
    items: rankItems(items, criteria, scores, responses),
    milestones: milestones.map((milestone) => ({ ...milestone, overdue: isOverdue(milestone, today) })),
  };
}
