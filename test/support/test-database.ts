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
  if (serverUrl && template) {
    const { url, name } = await createDatabaseFromTemplate(serverUrl, template);
    const handle = connectPostgres(url, 10);
    return { ...handle, destroy: async () => (await handle.close(), await dropPostgresDatabase(serverUrl, name)) };
  }
  const dump = await readFile(inject('pgliteTemplatePath'));
  const pglite = await PGlite.create({ loadDataDir: new Blob([dump]), ...PGLITE_OPTIONS });
  const handle = wrapPglite(pglite);
  return { ...handle, destroy: () => handle.close() };
}
