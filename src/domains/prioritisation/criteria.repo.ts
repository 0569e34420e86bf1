/** Queries over a run's weighted criteria, the scores given against them, and its milestones. */
import type { Executor } from '../../db/executor.ts';
import type { MilestoneStatus, MilestoneTemplate } from './milestones.rules.ts';

export type CriterionKind = 'prioritisation' | 'benefits';

export interface CriterionRecord {
  id: string;
  kind: CriterionKind;
  name: string;
  description: string;
  weight: number;
}

export interface ScoreRecord {
  itemId: string;
  criterionId: string;
  score: number;
}

export interface MilestoneRecord {
  id: string;
  title: string;
  description: string;
  dueOn: string;
  status: MilestoneStatus;
  completedOn: string | null;
}

/** A run's criteria in the order they were given. */
export async function criteriaOf(db: Executor, runId: string): Promise<CriterionRecord[]> {
  const rows = await db
    .selectFrom('prioritisation_criteria')
    .select(['id', 'kind', 'name', 'description', 'weight'])
    .where('run_id', '=', runId)
    .orderBy('position')
    .orderBy('name')
    .execute();
  return rows.map((row) => ({ ...row, kind: row.kind as CriterionKind }));
}

/** Replaces a run's criteria: same-named criteria keep their id (and scores), others are added or removed. */
export async function replaceCriteriaRows(trx: Executor, runId: string, criteria: Omit<CriterionRecord, 'id'>[]): Promise<void> {
  const existing = await criteriaOf(trx, runId);
  const byName = new Map(existing.map((criterion) => [criterion.name.toLowerCase(), criterion]));
  const kept = new Set(criteria.map((criterion) => byName.get(criterion.name.toLowerCase())?.id));
  const removed = existing.filter((criterion) => !kept.has(criterion.id)).map((criterion) => criterion.id);
  if (removed.length) await trx.deleteFrom('prioritisation_criteria').where('id', 'in', removed).execute();
  for (const [position, criterion] of criteria.entries()) {
    const match = byName.get(criterion.name.toLowerCase());
    const values = { kind: criterion.kind, name: criterion.name, description: criterion.description, weight: criterion.weight, position };
    if (match) await trx.updateTable('prioritisation_criteria').set(values).where('id', '=', match.id).execute();
    else
      await trx
        .insertInto('prioritisation_criteria')
        .values({ run_id: runId, ...values })
        .execute();
  }
}

/** Every score given in a run, one per item and criterion. */
export async function scoresOf(db: Executor, runId: string): Promise<ScoreRecord[]> {
  return db
    .selectFrom('prioritisation_scores as s')
    .innerJoin('long_list_items as i', 'i.id', 's.item_id')
    .select(['s.item_id as itemId', 's.criterion_id as criterionId', 's.score'])
    .where('i.run_id', '=', runId)
    .execute();
}

/** Sets (or, for a null score, clears) each item's score against a criterion. */
export async function upsertScores(trx: Executor, scores: { itemId: string; criterionId: string; score: number | null }[]): Promise<void> {
  for (const entry of scores) {
    if (entry.score === null) {
      await trx
        .deleteFrom('prioritisation_scores')
        .where('item_id', '=', entry.itemId)
        .where('criterion_id', '=', entry.criterionId)
        .execute();
    } else {
      await trx
        .insertInto('prioritisation_scores')
        .values({ item_id: entry.itemId, criterion_id: entry.criterionId, score: entry.score })
        .onConflict((oc) => oc.columns(['item_id', 'criterion_id']).doUpdateSet({ score: entry.score! }))
        .execute();
    }
  }
}

/** A run's milestones, soonest due first. */
export async function milestonesOf(db: Executor, runId: string): Promise<MilestoneRecord[]> {
  const rows = await db
    .selectFrom('milestones')
    .select(['id', 'title', 'description', 'due_on', 'status', 'completed_on'])
    .where('run_id', '=', runId)
    .orderBy('due_on')
    .orderBy('position')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    description: row.description,
    dueOn: row.due_on,
    status: row.status as MilestoneStatus,
    completedOn: row.completed_on,
  }));
}

/** Gives a new run its milestone timetable. */
export async function insertMilestones(trx: Executor, runId: string, milestones: MilestoneTemplate[]): Promise<void> {
  await trx
    .insertInto('milestones')
    .values(
      milestones.map((milestone, position) => ({
        run_id: runId,
        title: milestone.title,
        description: milestone.description,
        due_on: milestone.dueOn,
        position,
      })),
    )
    .execute();
}

/** Saves a milestone's due date, status and completion date. */
export async function updateMilestoneRow(
  trx: Executor,
  runId: string,
  id: string,
  fields: { dueOn: string; status: MilestoneStatus; completedOn: string | null },
): Promise<void> {
  await trx
    .updateTable('milestones')
    .set({ due_on: fields.dueOn, status: fields.status, completed_on: fields.completedOn })
    .where('run_id', '=', runId)
    .where('id', '=', id)
    .execute();
}
