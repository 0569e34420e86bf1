/** Gives each test file its own migrated database: a PGlite copy of the template, or a PostgreSQL TEMPLATE copy. */
import { readFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import type { Kysely } from 'kysely';
import { inject } from 'vitest';
import type { Database } from '../../src/db/schema.ts';
import { connectPostgres, type DatabaseHandle, PGLITE_OPTIONS, wrapPglite } from '../../src/db/connect.ts';
import { createDatabaseFromTemplate, dropPostgresDatabase } from './postgres-admin.ts';

export interface TestDatabase extends DatabaseHandle {
  /** Closes and (on PostgreSQL) drops the database. */
  destroy(): Promise<void>;
  /** A connection of its own to the same database, as a second web node has (closed when the database is destroyed). */
  anotherConnection(): Kysely<Database>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const template = inject('postgresTemplate');
  if (serverUrl && template) return copyOfPostgresTemplate(serverUrl, template);
  return (await pgliteFromDump(await readFile(inject('pgliteTemplatePath')))).database;
}

/** A new PostgreSQL database copied from `template`, dropped again by `destroy`. */
export async function copyOfPostgresTemplate(serverUrl: string, template: string): Promise<TestDatabase> {
  const { url, name } = await createDatabaseFromTemplate(serverUrl, template);
  const handle = connectPostgres(url, 10);
  const others: DatabaseHandle[] = [];
  return {
    ...handle,
    anotherConnection: () => others[others.push(connectPostgres(url, 10)) - 1]!.db,
    destroy: async () => {
      for (const other of others) await other.close();
      await handle.close();
      await dropPostgresDatabase(serverUrl, name);
    },
  };
}

/** An in-memory PGlite database loaded from a data directory dump, with the instance itself (to dump it again). */
export async function pgliteFromDump(dump: Buffer): Promise<{ pglite: PGlite; database: TestDatabase }> {
  const pglite = await PGlite.create({ loadDataDir: new Blob([dump]), ...PGLITE_OPTIONS });
  const handle = wrapPglite(pglite);
  // The embedded database lives in this process, so a second node shares it through a query builder of its own (never destroyed: that would close it).
  return { pglite, database: { ...handle, anotherConnection: () => wrapPglite(pglite).db, destroy: () => handle.close() } };
}
