/** One generic, idempotent batched upsert: rows in by unnest arrays, updated only when a value really changed. */
import { CompiledQuery, type Kysely } from 'kysely';

export type ColumnType = 'text' | 'float8' | 'int4' | 'date' | 'uuid';

export interface ColumnSpec {
  name: string;
  type: ColumnType;
}

export type Cell = string | number | null;

export interface UpsertResult {
  inserted: number;
  updated: number;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function identifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`Unsafe SQL identifier: ${name}`);
  return name;
}

/**
 * Inserts new rows and updates existing ones (matched on `key`) only where a compared column differs,
 * so re-running an import with the same file reports zero inserts and zero updates.
 */
export async function upsertRows(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any reference table, named at run time
  db: Kysely<any>,
  table: string,
  key: string,
  columns: ColumnSpec[],
  rows: Cell[][],
): Promise<UpsertResult> {
  if (rows.length === 0) return { inserted: 0, updated: 0 };
  const names = columns.map((column) => identifier(column.name));
  const others = names.filter((name) => name !== key);
  const arrays = columns.map((_, index) => rows.map((row) => row[index] ?? null));
  const unnest = columns.map((column, index) => `$${index + 1}::${column.type}[]`).join(', ');
  const text = `
    INSERT INTO ${identifier(table)} (${names.join(', ')})
    SELECT * FROM unnest(${unnest}) AS incoming(${names.join(', ')})
    ON CONFLICT (${identifier(key)}) DO UPDATE SET ${others.map((name) => `${name} = excluded.${name}`).join(', ')}
    WHERE (${others.map((name) => `${table}.${name}`).join(', ')}) IS DISTINCT FROM (${others.map((name) => `excluded.${name}`).join(', ')})
    RETURNING (xmax = 0) AS inserted`;
  const { rows: returned } = await db.executeQuery<{ inserted: boolean }>(CompiledQuery.raw(text, arrays));
  const inserted = returned.filter((row) => row.inserted).length;
  return { inserted, updated: returned.length - inserted };
}
