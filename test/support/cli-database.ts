/**
 * A database the `aqp` command line can be pointed at, from the migrated template: a PostgreSQL database (DATABASE_URL)
 * or a PGlite data directory on disk (AQP_STATE_DIR), opened in the test process only between commands, and copied
 * whole for a reference run.
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { connectPostgres, type DatabaseHandle, PGLITE_OPTIONS, wrapPglite } from '../../src/db/connect.ts';
import type { Deps } from '../../src/domains/deps.ts';
import { systemClock } from '../../src/lib/clock.ts';
import { createDatabaseFromTemplate, dropPostgresDatabase } from './postgres-admin.ts';

export interface CliDatabase {
  kind: 'postgres' | 'pglite';
  /** The environment that points `aqp` at this database. */
  env: Record<string, string>;
  /** Opens the database in this process for `work` and closes it after (a PGlite directory admits one process at a time). */
  use<T>(work: (deps: Deps) => Promise<T>): Promise<T>;
  /**
   * Watches for the next month close's transaction to be under way: on PostgreSQL a session holding the month-close lock
   * (after waiting for a killed command's session, which runs on until its statement ends, to let it go); on PGlite a
   * new temporary table's file in the data directory (the close's working tables exist only inside its transaction).
   */
  watchForClose(): Promise<{ underWay(): Promise<boolean>; close(): Promise<void> }>;
  /** A copy of the database as it is now; nothing may have it open. */
  copy(): Promise<CliDatabase>;
  destroy(): Promise<void>;
}

const SESSION_SECRET = 'kill-test-session-secret-long-enough-to-sign';
const AQP_ACCESS_CODE_KEY = 'kill-test-access-code-key-long-enough-to-key';

async function using<T>(open: () => Promise<DatabaseHandle>, work: (deps: Deps) => Promise<T>): Promise<T> {
  const handle = await open();
  try {
    return await work({ db: handle.db, clock: systemClock() });
  } finally {
    await handle.close();
  }
}

function postgresDatabase(serverUrl: string, created: { url: string; name: string }): CliDatabase {
  return {
    kind: 'postgres',
    env: { DATABASE_URL: created.url, SESSION_SECRET, AQP_ACCESS_CODE_KEY },
    use: (work) => using(async () => connectPostgres(created.url, 2), work),
    watchForClose: () => watchLock(created.url),
    copy: async () => postgresDatabase(serverUrl, await createDatabaseFromTemplate(serverUrl, created.name)),
    destroy: () => dropPostgresDatabase(serverUrl, created.name),
  };
}

function pgliteDatabase(stateDir: string): CliDatabase {
  const dataDir = path.join(stateDir, 'pglite');
  return {
    kind: 'pglite',
    env: { AQP_STATE_DIR: stateDir },
    use: (work) => using(async () => wrapPglite(await PGlite.create({ dataDir, ...PGLITE_OPTIONS })), work),
    watchForClose: async () => {
      const before = new Set(await temporaryTableFiles(dataDir));
      const underWay = async () => (await temporaryTableFiles(dataDir)).some((file) => !before.has(file));
      return { underWay, close: async () => undefined };
    },
    copy: async () => {
      const copyDir = await mkdtemp(path.join(os.tmpdir(), 'aqp-kill-'));
      await cp(stateDir, copyDir, { recursive: true });
      return pgliteDatabase(copyDir);
    },
    destroy: () => rm(stateDir, { recursive: true, force: true }),
  };
}

/**
 * A new database from the migrated template with what `prepare` adds: on the test PostgreSQL server when TEST_DATABASE_URL
 * is set, else a PGlite directory (prepared in memory, which is quicker, then written out as the data directory).
 */
export async function aCliDatabase(prepare: (deps: Deps) => Promise<void>): Promise<CliDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const database = postgresDatabase(serverUrl, await createDatabaseFromTemplate(serverUrl, inject('postgresTemplate')));
    await database.use(prepare);
    return database;
  }
  const pglite = await PGlite.create({ loadDataDir: new Blob([await readFile(inject('pgliteTemplatePath'))]), ...PGLITE_OPTIONS });
  const stateDir = await mkdtemp(path.join(os.tmpdir(), 'aqp-kill-'));
  const dump = path.join(stateDir, 'prepared.tar');
  try {
    await prepare({ db: wrapPglite(pglite).db, clock: systemClock() });
    await writeFile(dump, Buffer.from(await (await pglite.dumpDataDir('none')).arrayBuffer()));
  } finally {
    await pglite.close();
  }
  await mkdir(path.join(stateDir, 'pglite'));
  execFileSync('tar', ['-xf', dump, '-C', path.join(stateDir, 'pglite')], { stdio: 'ignore' });
  await rm(dump);
  return pgliteDatabase(stateDir);
}

/** The files of temporary tables (`t<backend>_<relfilenode>`) in a PGlite data directory. */
async function temporaryTableFiles(dataDir: string): Promise<string[]> {
  const databases = await readdir(path.join(dataDir, 'base'));
  const files = await Promise.all(
    databases.map(async (oid) => (await readdir(path.join(dataDir, 'base', oid))).map((file) => `${oid}/${file}`)),
  );
  return files.flat().filter((file) => /\/t\d+_\d+$/.test(file));
}

/** Watches a PostgreSQL database for another session holding an advisory lock (the month close's), once none does. */
async function watchLock(url: string): Promise<{ underWay(): Promise<boolean>; close(): Promise<void> }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const underWay = async () => {
    const result = await client.query<{ held: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM pg_locks l JOIN pg_database d ON d.oid = l.database
         WHERE l.locktype = 'advisory' AND l.granted AND d.datname = current_database() AND l.pid <> pg_backend_pid()) AS held`,
    );
    return result.rows[0]!.held;
  };
  while (await underWay()) await new Promise((resolve) => setTimeout(resolve, 20));
  return { underWay, close: () => client.end() };
}
