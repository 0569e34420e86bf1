/** What the breach rules read of a breach: its status and dates, and the milestones of the plan in force beside every plan's. */
import type { Executor } from '../../db/executor.ts';
import { type BreachMilestone, milestonesOf } from './breach-history.repo.ts';
import type { BreachFacts } from './breach-steps.rules.ts';
import type { BreachRecord } from './breach.repo.ts';

/** The milestones of the plan in force, as the rules read them. */
export async function factsOf(
  trx: Executor,
  breach: BreachRecord,
): Promise<Omit<BreachFacts, 'milestones'> & { milestones: BreachMilestone[]; all: BreachMilestone[] }> {
  const all = await milestonesOf(trx, breach.id);
  return {
    status: breach.status,
    noticeOn: breach.noticeOn,
    respondedOn: breach.respondedOn,
    periods: breach.periods,
    milestones: all.filter((milestone) => milestone.planNumber === breach.planNumber),
    all,
  };
}
