/** Reads the versions the database's triggers bump (migration 0031), so a node can tell in one query whether what it holds is current. */
import { sql } from 'kysely';
import type { Executor } from './executor.ts';

/** The scope bumped by any change to who is listed, where and under which offer. */
export const LISTINGS_SCOPE = 'listings';

/** The scope bumped by any change to postcodes, districts and sectors (reference imports). */
export const REFERENCE_SCOPE = 'reference';

/** Each scope's current version; a scope never changed reads as '0'. */
export async function readModelVersions(db: Executor, scopes: readonly string[]): Promise<Map<string, string>> {
  const versions = new Map(scopes.map((scope) => [scope, '0']));
  if (scopes.length === 0) return versions;
  const rows = await db
    .selectFrom('read_model_versions')
    .select(['scope', 'version'])
    // One text whatever the number of scopes, so the statement is prepared once per connection (decision 0075).
    .where(sql<boolean>`scope = any(${sql.val([...scopes])}::text[])`)
    .execute();
  for (const row of rows) versions.set(row.scope, String(row.version));
  return versions;
}
