/** Queries over API keys: only a hash of each secret is stored, found by its public prefix. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Executor } from '../../db/executor.ts';
import type { Role } from './roles.rules.ts';

export interface ApiKeySummary {
  id: string;
  name: string;
  role: Role;
  prefix: string;
  organisationId: string;
  createdAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

export interface ApiKeyCredential {
  id: string;
  name: string;
  role: Role;
  secretHash: string;
  organisationId: string;
  organisationName: string;
}

const SUMMARY = ['id', 'name', 'role', 'prefix', 'organisation_id', 'created_at', 'revoked_at', 'last_used_at'] as const;

function toSummary(row: {
  id: string;
  name: string;
  role: string;
  prefix: string;
  organisation_id: string;
  created_at: Date;
  revoked_at: Date | null;
  last_used_at: Date | null;
}): ApiKeySummary {
  return {
    id: row.id,
    name: row.name,
    role: row.role as Role,
    prefix: row.prefix,
    organisationId: row.organisation_id,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
  };
}

/** Stores a new key by its public prefix and the hash of its secret (never the secret), and returns its summary. */
export async function insertApiKey(
  db: Executor,
  key: { organisationId: string; name: string; role: Role; prefix: string; secretHash: string; createdByUserId: string | null },
): Promise<ApiKeySummary> {
  const row = await db
    .insertInto('api_keys')
    .values({
      organisation_id: key.organisationId,
      name: key.name,
      role: key.role,
      prefix: key.prefix,
      secret_hash: key.secretHash,
      created_by_user_id: key.createdByUserId,
    })
    .returning(SUMMARY)
    .executeTakeFirstOrThrow();
  return toSummary(row);
}

/** The live (unrevoked) key with this prefix, with what is needed to check its secret. */
export async function findLiveKeyByPrefix(db: Kysely<Database>, prefix: string): Promise<ApiKeyCredential | undefined> {
  const row = await db
    .selectFrom('api_keys as k')
    .innerJoin('organisations as o', 'o.id', 'k.organisation_id')
    .select(['k.id', 'k.name', 'k.role', 'k.secret_hash', 'k.organisation_id', 'o.name as organisation_name'])
    .where('k.prefix', '=', prefix)
    .where('k.revoked_at', 'is', null)
    .executeTakeFirst();
  return (
    row && {
      id: row.id,
      name: row.name,
      role: row.role as Role,
      secretHash: row.secret_hash,
      organisationId: row.organisation_id,
      organisationName: row.organisation_name,
    }
  );
}

/** Records use unless it was recorded less than `everyMs` ago, so authentication is not a write on every request. */
export async function touchApiKey(db: Kysely<Database>, id: string, at: Date, everyMs: number): Promise<void> {
  const staleBefore = new Date(at.getTime() - everyMs);
  await db
    .updateTable('api_keys')
    .set({ last_used_at: at })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', staleBefore)]))
    .execute();
}

/** An organisation's keys, live and revoked, newest first, without their secret hashes. */
export async function listApiKeys(db: Kysely<Database>, organisationId: string): Promise<ApiKeySummary[]> {
  const rows = await db
    .selectFrom('api_keys')
    .select(SUMMARY)
    .where('organisation_id', '=', organisationId)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(toSummary);
}

/** A key by id, live or revoked, without its secret hash; the caller checks the id is a UUID first. */
export async function findApiKey(db: Executor, id: string): Promise<ApiKeySummary | undefined> {
  const row = await db.selectFrom('api_keys').select(SUMMARY).where('id', '=', id).executeTakeFirst();
  return row && toSummary(row);
}

/** Revokes a key once: an already revoked key keeps the time it was first revoked. */
export async function markRevoked(db: Executor, id: string, at: Date): Promise<void> {
  await db.updateTable('api_keys').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}
