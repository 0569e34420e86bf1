/** Queries over a run's long list and the stakeholder responses to each item. */
import { sql } from 'kysely';
import type { Executor } from '../../db/executor.ts';
import type { Priority } from './scoring.rules.ts';

export interface ItemRecord {
  id: string;
  serviceId: string | null;
  serviceCode: string | null;
  name: string;
  description: string;
  isLocal: boolean;
  isShortListed: boolean;
}

export interface ResponseRecord {
  id: string;
  itemId: string;
  group: string;
  priority: Priority;
  benefits: string;
  comment: string;
  source: string;
}

/** A run's long list, national services and local candidates together, by name. */
export async function itemsOf(db: Executor, runId: string): Promise<ItemRecord[]> {
  const rows = await db
    .selectFrom('long_list_items as i')
    .leftJoin('services as s', 's.id', 'i.service_id')
    .select(['i.id', 'i.service_id', 's.code', 's.name', 's.definition', 'i.local_name', 'i.local_description', 'i.is_short_listed'])
    .where('i.run_id', '=', runId)
    .orderBy(sql`coalesce(s.name, i.local_name)`)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    serviceId: row.service_id,
    serviceCode: row.code,
    name: row.name ?? row.local_name ?? '',
    description: row.definition ?? row.local_description ?? '',
    isLocal: row.service_id === null,
    isShortListed: row.is_short_listed,
  }));
}

/** Adds the national services of the given phases to a run's long list. */
export async function insertNationalItems(trx: Executor, runId: string, phases: string[]): Promise<void> {
  if (!phases.length) return;
  const services = await trx.selectFrom('services').select('id').where('phase', 'in', phases).where('is_retired', '=', false).execute();
  if (services.length)
    await trx
      .insertInto('long_list_items')
      .values(services.map((service) => ({ run_id: runId, service_id: service.id })))
      .execute();
}

/** Adds one national service to the long list. */
export async function insertServiceItem(trx: Executor, runId: string, serviceId: string): Promise<string> {
  return (
    await trx.insertInto('long_list_items').values({ run_id: runId, service_id: serviceId }).returning('id').executeTakeFirstOrThrow()
  ).id;
}

/** Adds one local candidate to the long list. */
export async function insertLocalItem(trx: Executor, runId: string, local: { name: string; description: string }): Promise<string> {
  return (
    await trx
      .insertInto('long_list_items')
      .values({ run_id: runId, local_name: local.name, local_description: local.description })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

/** Deletes an item of this run (its responses and scores go with it); false if there was none. */
export async function deleteItem(trx: Executor, runId: string, itemId: string): Promise<boolean> {
  const result = await trx.deleteFrom('long_list_items').where('run_id', '=', runId).where('id', '=', itemId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Marks exactly the given items as the short list. */
export async function setShortList(trx: Executor, runId: string, itemIds: string[]): Promise<void> {
  await trx.updateTable('long_list_items').set({ is_short_listed: false }).where('run_id', '=', runId).execute();
  if (itemIds.length)
    await trx
      .updateTable('long_list_items')
      .set({ is_short_listed: true })
      .where('run_id', '=', runId)
      .where('id', 'in', itemIds)
      .execute();
}

/** Every stakeholder response in a run, oldest first. */
export async function responsesOf(db: Executor, runId: string): Promise<ResponseRecord[]> {
  const rows = await db
    .selectFrom('stakeholder_responses as r')
    .innerJoin('long_list_items as i', 'i.id', 'r.item_id')
    .select(['r.id', 'r.item_id', 'r.stakeholder_group', 'r.priority', 'r.benefits', 'r.comment', 'r.source'])
    .where('i.run_id', '=', runId)
    .orderBy('r.created_at')
    .orderBy('r.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    itemId: row.item_id,
    group: row.stakeholder_group,
    priority: row.priority as Priority,
    benefits: row.benefits,
    comment: row.comment,
    source: row.source,
  }));
}

/** Saves stakeholder responses in batches of 500. */
export async function insertResponses(
  trx: Executor,
  responses: { itemId: string; group: string; priority: Priority; benefits: string; comment: string; source: 'form' | 'csv' }[],
): Promise<void> {
  for (let start = 0; start < responses.length; start += 500) {
    await trx
      .insertInto('stakeholder_responses')
      .values(
        responses.slice(start, start + 500).map((response) => ({
          item_id: response.itemId,
          stakeholder_group: response.group,
          priority: response.priority,
          benefits: response.benefits,
          comment: response.comment,
          source: response.source,
        })),
      )
      .execute();
  }
}
