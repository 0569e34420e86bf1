/**
 * Seeds each kind of test database once per run and copies it for every later file that asks for the same seed: a
 * PGlite dump beside the migrated template, or a PostgreSQL TEMPLATE database (docs/decisions/0071). Each file still
 * gets its own database; only the seeding work is shared.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { inject } from 'vitest';
import { connectPostgres, type DatabaseHandle } from '../../src/db/connect.ts';
import type { Clock } from '../../src/lib/clock.ts';
import { createDatabaseFromTemplate, databaseExists, dropPostgresDatabase, renameDatabase } from './postgres-admin.ts';
import { copyOfPostgresTemplate, pgliteFromDump, type TestDatabase } from './test-database.ts';

/** Writes a seed into a fresh database. */
export type Seeder = (handle: DatabaseHandle) => Promise<void>;

/**
 * What a seed's rows depend on besides its name: the seed reads the clock, so the key holds England's date and, for a
 * frozen clock, its instant (a clock that moves with real time is keyed by its offset from real time, in minutes).
 */
export async function seedKey(seed: string, clock: Clock): Promise<string> {
  const first = clock.now().getTime();
  await new Promise((resolve) => setTimeout(resolve, 3));
  const moving = clock.now().getTime() !== first;
  const when = moving ? `live${Math.round((first - Date.now()) / 60_000)}` : new Date(first).toISOString();
  return `${seed}|${clock.today()}|${when}`;
}

/** A database of its own for one test file holding what `seeder` writes, seeded at most once per run for each key. */
export async function createSeededDatabase(key: string, seeder: Seeder): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const template = inject('postgresTemplate');
  const digest = createHash('sha256').update(key).digest('hex').slice(0, 12);
  if (serverUrl && template) return seededPostgres(serverUrl, `${template}_s${digest}`, seeder);
  return seededPglite(path.join(path.dirname(inject('pgliteTemplatePath')), `seeded-${digest}.tar`), seeder);
}

async function seededPglite(dumpFile: string, seeder: Seeder): Promise<TestDatabase> {
  const dump = await readFile(dumpFile).catch(() => undefined);
  if (dump) return (await pgliteFromDump(dump)).database;
  const { pglite, database } = await pgliteFromDump(await readFile(inject('pgliteTemplatePath')));
  await seeder(database);
  await pglite.exec('CHECKPOINT');
  // Written under a name of its own, then renamed: another worker never reads half a dump.
  const partial = `${dumpFile}.${randomBytes(4).toString('hex')}`;
  await writeFile(partial, Buffer.from(await (await pglite.dumpDataDir('none')).arrayBuffer()));
  await rename(partial, dumpFile);
  return database;
}

async function seededPostgres(serverUrl: string, template: string, seeder: Seeder): Promise<TestDatabase> {
  if (!(await databaseExists(serverUrl, template))) {
    const building = await createDatabaseFromTemplate(serverUrl, inject('postgresTemplate'));
    const handle = connectPostgres(building.url, 2);
    try {
      await seeder(handle);
    } finally {
      await handle.close();
    }
    // Another worker may have seeded the same key meanwhile: its copy is as good, so this one is dropped.
    if (!(await renameDatabase(serverUrl, building.name, template))) await dropPostgresDatabase(serverUrl, building.name);
  }
  return copyOfPostgresTemplate(serverUrl, template);
}
