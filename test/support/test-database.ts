/** Gives each test file its own migrated database: a PGlite copy of the template, or a PostgreSQL TEMPLATE copy. */
import { readFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { inject } from 'vitest';
import { connectPostgres, type DatabaseHandle, PGLITE_OPTIONS, wrapPglite } from '../../src/db/connect.ts';
import { createDatabaseFromTemplate, dropPostgresDatabase } from './postgres-admin.ts';

export interface TestDatabase extends DatabaseHandle {
  /** Closes and (on PostgreSQL) drops the database. */
  destroy(): Promise<void>;
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
  return { ...handle, destroy: async () => (await handle.close(), await dropPostgresDatabase(serverUrl, name)) };
}

/** An in-memory PGlite database loaded from a data directory dump, with the instance itself (to dump it again). */
export async function pgliteFromDump(dump: Buffer): Promise<{ pglite: PGlite; database: TestDatabase }> {
  const pglite = await PGlite.create({ loadDataDir: new Blob([dump]), ...PGLITE_OPTIONS });
  const handle = wrapPglite(pglite);
  return { pglite, database: { ...handle, destroy: () => handle.close() } };
}
