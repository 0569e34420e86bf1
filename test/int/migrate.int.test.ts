import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { connectPostgres, type DatabaseHandle, openEmbedded } from '../../src/db/connect.ts';
import { REPO_ROOT } from '../support/cli-server.ts';
import { createDatabaseFromTemplate, dropPostgresDatabase } from '../support/postgres-admin.ts';

/** An empty database of whichever engine this run uses, plus the environment that points `aqp` at it. */
async function emptyDatabase(): Promise<{
  handle: DatabaseHandle;
  env: Record<string, string>;
  reopen: () => Promise<DatabaseHandle>;
  cleanup: () => Promise<void>;
}> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const { url, name } = await createDatabaseFromTemplate(serverUrl, 'template0');
    return {
      handle: connectPostgres(url, 2),
      env: { DATABASE_URL: url, SESSION_SECRET: 'x'.repeat(40), AQP_ACCESS_CODE_KEY: 'k'.repeat(40) },
      reopen: async () => connectPostgres(url, 2),
      cleanup: () => dropPostgresDatabase(serverUrl, name),
    };
  }
  const stateDir = await mkdtemp(path.join(os.tmpdir(), 'aqp-migrate-'));
  return {
    handle: await openEmbedded(stateDir),
    env: { AQP_STATE_DIR: stateDir },
    reopen: () => openEmbedded(stateDir),
    cleanup: () => rm(stateDir, { recursive: true, force: true }),
  };
}

function runAqp(args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin/aqp.js'), ...args], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('aqp migrate', () => {
  it('exits non-zero with the failing migration named, and applies nothing of it', async () => {
    const database = await emptyDatabase();
    try {
      await sql`CREATE TABLE organisations (clash integer)`.execute(database.handle.db);
      await database.handle.close();
      const result = runAqp(['migrate'], database.env);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('Migration 0001-identity failed');
      const after = await database.reopen();
      const tables = await sql<{
        name: string;
      }>`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'`.execute(after.db);
      await after.close();
      expect(tables.rows.map((row) => row.name)).not.toContain('users');
    } finally {
      await database.cleanup();
    }
  });

  it('migrates an empty database, then reports it up to date', async () => {
    const database = await emptyDatabase();
    try {
      await database.handle.close();
      const first = runAqp(['migrate'], database.env);
      expect(first.status).toBe(0);
      expect(first.stdout).toContain('Applied: 0001-identity, 0002-reference-data');
      const second = runAqp(['migrate'], database.env);
      expect(second.stdout).toContain('The database is up to date.');
    } finally {
      await database.cleanup();
    }
  }, 120_000);
});
