/** Queries over local services: catalogue entries made from approved local proposals, owned by one commissioner and kept off the national list. */
import { sql } from 'kysely';
import type { Executor } from '../../db/executor.ts';
import { type ServiceRecord, servicesQuery, toService } from './catalogue.repo.ts';

/** The local service made from a proposal, if its commissioner has set it up. */
export async function findLocalServiceOfProposal(db: Executor, proposalId: string): Promise<ServiceRecord | undefined> {
  const row = await servicesQuery(db).where('s.local_proposal_id', '=', proposalId).executeTakeFirst();
  return row && toService(row);
}

/** The local services a commissioner owns that have a pack to offer, by name. */
export async function localServicesOwnedBy(db: Executor, organisationId: string): Promise<ServiceRecord[]> {
  const rows = await servicesQuery(db)
    .where('s.owner_organisation_id', '=', organisationId)
    .where('s.is_retired', '=', false)
    .orderBy('s.name')
    .execute();
  return rows.map(toService).filter((service) => service.currentPackVersion !== null);
}

/** Holds, until the transaction ends, the right to pick a new local service code for one commissioner, so two saves at once cannot both choose the same code. */
export async function lockLocalServiceCodes(db: Executor, ownerId: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`aqp.local-service-codes:${ownerId}`}))`.execute(db);
}

/** True when a service code is already used, national or local. */
export async function serviceCodeTaken(db: Executor, code: string): Promise<boolean> {
  return Boolean(await db.selectFrom('services').select('id').where('code', '=', code).executeTakeFirst());
}

export interface LocalServiceRow {
  code: string;
  name: string;
  definition: string;
  proposalId: string;
  ownerId: string;
}

/** Adds a local service to the catalogue, in the 'local' phase so no national query picks it up. */
export async function insertLocalService(db: Executor, service: LocalServiceRow): Promise<string> {
  const row = await db
    .insertInto('services')
    .values({
      code: service.code,
      name: service.name,
      category: 'Local service',
      phase: 'local',
      definition: service.definition,
      local_proposal_id: service.proposalId,
      owner_organisation_id: service.ownerId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
