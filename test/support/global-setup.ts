/** Migrates one template database per run; each test file then starts from a cheap copy of it (or of a seeded copy, see seeded-database.ts). */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { PGLITE_OPTIONS, wrapPglite } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { createPostgresTemplate, dropTemplateFamily } from './postgres-admin.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplatePath: string;
    postgresTemplate: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const template = await createPostgresTemplate(serverUrl, async (db) => void (await migrateToLatest(db)));
    project.provide('postgresTemplate', template);
    project.provide('pgliteTemplatePath', '');
    return () => dropTemplateFamily(serverUrl, template);
  }
  const directory = await mkdtemp(path.join(os.tmpdir(), 'aqp-template-'));
  const pglite = await PGlite.create({ dataDir: 'memory://', ...PGLITE_OPTIONS });
  const handle = wrapPglite(pglite);
  await migrateToLatest(handle.db);
  const dump = await pglite.dumpDataDir('none');
  const file = path.join(directory, 'template.tar');
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
  project.provide('pgliteTemplatePath', file);
  project.provide('postgresTemplate', '');
  return () => rm(directory, { recursive: true, force: true });
}
