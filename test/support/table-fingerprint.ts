/** A fingerprint of every table's contents, to prove a refused request wrote nothing (no insert, update or delete). */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../src/db/schema.ts';

/** Bookkeeping that refusals rightly touch: the audit trail of denials, sessions, keys' last-used time, and the counts of failed guesses and sign-ins. */
const BOOKKEEPING = new Set([
  'audit_events',
  'web_sessions',
  'api_keys',
  'patient_access_failures',
  'sign_in_throttles',
  'sign_in_failures',
  'kysely_migration',
  'kysely_migration_lock',
]);

export type Fingerprint = Map<string, string>;

/** An md5 of each table's rows in a stable order, by table name. */
export async function fingerprintTables(db: Kysely<Database>): Promise<Fingerprint> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const fingerprint: Fingerprint = new Map();
  for (const { name } of tables.rows.filter((table) => !BOOKKEEPING.has(table.name))) {
    const row = await sql<{
      hash: string | null;
    }>`select md5(string_agg(t::text, '|' order by t::text)) as hash from ${sql.table(name)} as t`.execute(db);
    fingerprint.set(name, row.rows[0]?.hash ?? 'empty');
  }
  return fingerprint;
}

/** The tables whose contents differ between two fingerprints. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  return [...after.keys()].filter((name) => before.get(name) !== after.get(name));
}
