/** Opens the database: a PostgreSQL server when DATABASE_URL is set, otherwise embedded PGlite persisted on disk. */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { nameRepeatedStatements } from './prepared-statements.ts';
import type { Database } from './schema.ts';

export type DatabaseKind = 'postgres' | 'pglite';

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** Asks the database a trivial question; rejects when it cannot be reached (the readiness probe). */
  ping(): Promise<void>;
  /** Closes the pool or the embedded database. */
  close(): Promise<void>;
}

/** Runs `select 1`, the cheapest proof that the database answers. */
async function ping(db: Kysely<Database>): Promise<void> {
  await sql`select 1`.execute(db);
}

const DATE_OID = 1082;
const INT8_OID = 20;

/** bigint counts come back as numbers; calendar dates stay ISO text, never a Date shifted by a time zone. */
pg.types.setTypeParser(INT8_OID, (value) => Number(value));
pg.types.setTypeParser(DATE_OID, (value) => value);

/** The same parsing rules for the embedded database; pass to every PGlite.create. */
export const PGLITE_OPTIONS = { parsers: { [DATE_OID]: (value: string) => value, [INT8_OID]: (value: string) => Number(value) } };

/** Connects to a PostgreSQL server with a bounded pool, repeated statements sent by name (planned once per connection). */
export function connectPostgres(databaseUrl: string, maxConnections = 10): DatabaseHandle {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: maxConnections });
  // An idle connection the server ends (a restart, a failover, a dropped database) is discarded by the pool; without a
  // listener Node would treat its error as fatal and stop the whole process.
  pool.on('error', (error) => console.error(`PostgreSQL closed an idle connection: ${error.message}`));
  nameRepeatedStatements(pool);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgres', ping: () => ping(db), close: () => db.destroy() };
}

/** Wraps an open PGlite instance (on disk, in memory or loaded from a template dump). */
export function wrapPglite(pglite: PGlite): DatabaseHandle {
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  return { db, kind: 'pglite', ping: () => ping(db), close: () => db.destroy() };
}

/** Opens (creating on first use) the embedded database under `dataDir/pglite`. */
export async function openEmbedded(dataDir: string): Promise<DatabaseHandle> {
  const directory = path.join(dataDir, 'pglite');
  await mkdir(directory, { recursive: true });
  const pglite = await PGlite.create({ dataDir: directory, ...PGLITE_OPTIONS });
  return wrapPglite(pglite);
}

/** Opens whichever database the configuration names. */
export async function openDatabase(config: { databaseUrl: string | undefined; dataDir: string }): Promise<DatabaseHandle> {
  return config.databaseUrl ? connectPostgres(config.databaseUrl) : openEmbedded(config.dataDir);
}
