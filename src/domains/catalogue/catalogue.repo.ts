/** Queries over the national catalogue and its implementation pack versions. */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Executor } from '../../db/executor.ts';
import type { PackContent } from './implementation-pack.schema.ts';

export interface ServiceRecord {
  id: string;
  code: string;
  name: string;
  category: string;
  phase: string;
  definition: string;
  nationalEligibility: string | null;
  sourceUrl: string | null;
  /** What patients call it: the public name where one is set, otherwise the name. */
  publicName: string;
  isRetired: boolean;
  currentPackVersion: number | null;
  /** A local service: the approved proposal it came from and the commissioner that alone offers it; null on the national list. */
  local: { proposalId: string; owner: { id: string; odsCode: string | null; name: string } } | null;
}

export interface PackVersion {
  id: string;
  version: number;
  content: PackContent;
  publishedAt: Date;
  changeNote: string;
}

/** Services with their current pack version and, for a local service, its owner. */
export function servicesQuery(db: Executor) {
  return db
    .selectFrom('services as s')
    .leftJoin('organisations as owner', 'owner.id', 's.owner_organisation_id')
    .select([
      's.id',
      's.code',
      's.name',
      's.category',
      's.phase',
      's.definition',
      's.national_eligibility',
      's.source_url',
      's.is_retired',
      's.public_name',
    ])
    .select(['s.local_proposal_id', 'owner.id as owner_id', 'owner.ods_code as owner_ods_code', 'owner.name as owner_name'])
    .select((eb) =>
      eb
        .selectFrom('implementation_packs as p')
        .select((p) => p.fn.max('p.version').as('v'))
        .whereRef('p.service_id', '=', 's.id')
        .as('current_pack_version'),
    );
}

type ServiceRow = Awaited<ReturnType<ReturnType<typeof servicesQuery>['executeTakeFirstOrThrow']>>;

/** A service row as the record the rest of the code reads. */
export function toService(row: ServiceRow): ServiceRecord {
  const local =
    row.local_proposal_id && row.owner_id
      ? { proposalId: row.local_proposal_id, owner: { id: row.owner_id, odsCode: row.owner_ods_code, name: row.owner_name ?? '' } }
      : null;
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    category: row.category,
    phase: row.phase,
    definition: row.definition,
    nationalEligibility: row.national_eligibility,
    sourceUrl: row.source_url,
    publicName: row.public_name ?? row.name,
    isRetired: row.is_retired,
    currentPackVersion: row.current_pack_version === null ? null : Number(row.current_pack_version),
    local,
  };
}

/** The national list: every service except commissioners' local ones (docs/decisions/0028-local-service-offers.md). */
export async function listServices(db: Kysely<Database>, filter: { phase?: string } = {}): Promise<ServiceRecord[]> {
  let query = servicesQuery(db).where('s.local_proposal_id', 'is', null);
  if (filter.phase) query = query.where('s.phase', '=', filter.phase);
  const rows = await query
    .orderBy(sql`CASE s.phase WHEN '2012-13-priority' THEN 1 WHEN '2013-14-candidate' THEN 2 ELSE 3 END`)
    .orderBy('s.name')
    .execute();
  return rows.map(toService);
}

/** Any service by code, national or local. */
export async function findServiceByCode(db: Executor, code: string): Promise<ServiceRecord | undefined> {
  const row = await servicesQuery(db).where('s.code', '=', code).executeTakeFirst();
  return row && toService(row);
}

export interface ServiceFields {
  code: string;
  name: string;
  category: string;
  phase: string;
  definition: string;
  nationalEligibility: string | null;
  sourceUrl: string | null;
  publicName?: string | null;
}

/** Sets a service's public name where none is set yet, so a national admin's own choice is never overwritten. */
export async function fillPublicName(db: Executor, id: string, publicName: string): Promise<void> {
  await db.updateTable('services').set({ public_name: publicName }).where('id', '=', id).where('public_name', 'is', null).execute();
}

/** Adds a service to the national list with no pack yet; the caller has checked its code and name are free. */
export async function insertService(db: Executor, fields: ServiceFields): Promise<string> {
  const row = await db
    .insertInto('services')
    .values({
      code: fields.code,
      name: fields.name,
      category: fields.category,
      phase: fields.phase,
      definition: fields.definition,
      national_eligibility: fields.nationalEligibility,
      source_url: fields.sourceUrl,
      public_name: fields.publicName ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Changes a service's descriptive fields; its code never changes and a public name already set is kept. */
export async function updateServiceFields(db: Executor, id: string, fields: Omit<ServiceFields, 'code'>, at: Date): Promise<void> {
  await db
    .updateTable('services')
    .set({
      name: fields.name,
      category: fields.category,
      phase: fields.phase,
      definition: fields.definition,
      national_eligibility: fields.nationalEligibility,
      source_url: fields.sourceUrl,
      updated_at: at,
    })
    .where('id', '=', id)
    .execute();
}

/** True when a national service already has this name, ignoring case (and the service being edited), so two never read alike. */
export async function nameTaken(db: Executor, name: string, exceptId?: string): Promise<boolean> {
  let query = db
    .selectFrom('services')
    .select('id')
    .where('local_proposal_id', 'is', null)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()));
  if (exceptId) query = query.where('id', '<>', exceptId);
  return Boolean(await query.executeTakeFirst());
}

/** Publishes a pack version as a new row, never changing an earlier one; the unique (service, version) pair refuses a race. */
export async function insertPackVersion(
  db: Executor,
  pack: { serviceId: string; version: number; content: PackContent; changeNote: string; userId: string | null },
): Promise<string> {
  const row = await db
    .insertInto('implementation_packs')
    .values({
      service_id: pack.serviceId,
      version: pack.version,
      content: JSON.stringify(pack.content),
      change_note: pack.changeNote,
      published_by_user_id: pack.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Every published pack version of a service, newest first, so the first is the current one. */
export async function packVersionsOf(db: Executor, serviceId: string): Promise<PackVersion[]> {
  const rows = await db
    .selectFrom('implementation_packs')
    .select(['id', 'version', 'content', 'published_at', 'change_note'])
    .where('service_id', '=', serviceId)
    .orderBy('version', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    version: row.version,
    content: row.content as PackContent,
    publishedAt: row.published_at,
    changeNote: row.change_note,
  }));
}

/** Holds the catalogue seed's advisory lock until the transaction ends, so web nodes started together load the catalogue one at a time. */
export async function lockCatalogueSeed(trx: Executor): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext('aqp.seed-national-catalogue'))`.execute(trx);
}
