/** A breach's append-only history and its remedial action plans' milestones (decision 0056): written in the step's transaction, read for its page. */
import type { Executor } from '../../db/executor.ts';
import { changedByName } from '../../db/status-history.ts';
import type { BreachStatus } from './breach.rules.ts';

export interface BreachEvent {
  action: string;
  fromStatus: BreachStatus | null;
  toStatus: BreachStatus;
  detail: string;
  occurredOn: string;
  occurredAt: Date;
  by: string;
}

export interface BreachMilestone {
  number: number;
  planNumber: number;
  description: string;
  dueOn: string;
  metOn: string | null;
  missedOn: string | null;
}

/** Appends one step to the breach's history, with who took it (a person, an API key, or AQP itself). */
export async function insertBreachEvent(
  trx: Executor,
  event: Omit<BreachEvent, 'by'> & { breachId: string; userId: string | null; apiKeyId: string | null },
): Promise<void> {
  await trx
    .insertInto('breach_events')
    .values({
      breach_id: event.breachId,
      action: event.action,
      from_status: event.fromStatus,
      to_status: event.toStatus,
      detail: event.detail,
      occurred_on: event.occurredOn,
      occurred_at: event.occurredAt,
      by_user_id: event.userId,
      by_api_key_id: event.apiKeyId,
    })
    .execute();
}

/** The breach's history, oldest first, each step with who took it. */
export async function breachEventsOf(db: Executor, breachId: string): Promise<BreachEvent[]> {
  const rows = await db
    .selectFrom('breach_events as e')
    .leftJoin('users as u', 'u.id', 'e.by_user_id')
    .leftJoin('api_keys as k', 'k.id', 'e.by_api_key_id')
    .select([
      'e.action',
      'e.from_status',
      'e.to_status',
      'e.detail',
      'e.occurred_on',
      'e.occurred_at',
      'u.display_name',
      'k.name as key_name',
    ])
    .where('e.breach_id', '=', breachId)
    .orderBy('e.id')
    .execute();
  return rows.map((row) => ({
    action: row.action,
    fromStatus: row.from_status as BreachStatus | null,
    toStatus: row.to_status as BreachStatus,
    detail: row.detail,
    occurredOn: row.occurred_on,
    occurredAt: row.occurred_at,
    by: changedByName(row, 'AQP'),
  }));
}

/** Every milestone of every plan of the breach, in order. */
export async function milestonesOf(db: Executor, breachId: string): Promise<BreachMilestone[]> {
  const rows = await db.selectFrom('breach_milestones').selectAll().where('breach_id', '=', breachId).orderBy('number').execute();
  return rows.map((row) => ({
    number: row.number,
    planNumber: row.plan_number,
    description: row.description,
    dueOn: row.due_on,
    metOn: row.met_on,
    missedOn: row.missed_on,
  }));
}

/** Adds a plan's milestones, numbered on from the breach's earlier plans. */
export async function insertMilestones(
  trx: Executor,
  breachId: string,
  planNumber: number,
  firstNumber: number,
  milestones: readonly { description: string; dueOn: string }[],
): Promise<void> {
  await trx
    .insertInto('breach_milestones')
    .values(
      milestones.map((milestone, index) => ({
        breach_id: breachId,
        number: firstNumber + index,
        plan_number: planNumber,
        description: milestone.description,
        due_on: milestone.dueOn,
      })),
    )
    .execute();
}

/** Records a milestone met on a day, or missed on a day. */
export async function recordMilestoneOutcome(
  trx: Executor,
  breachId: string,
  number: number,
  outcome: { metOn: string } | { missedOn: string },
): Promise<void> {
  await trx
    .updateTable('breach_milestones')
    .set('metOn' in outcome ? { met_on: outcome.metOn } : { missed_on: outcome.missedOn })
    .where('breach_id', '=', breachId)
    .where('number', '=', number)
    .execute();
}
