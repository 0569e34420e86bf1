/** Creates and drops throwaway databases on the test PostgreSQL server (TEST_DATABASE_URL). */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { connectPostgres } from '../../src/db/connect.ts';

function urlFor(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh database migrated by `prepare`, left with no connections so it can serve as a TEMPLATE. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the template is migrated before its schema exists
export async function createPostgresTemplate(serverUrl: string, prepare: (db: Kysely<any>) => Promise<void>): Promise<string> {
  const name = `aqp_template_${randomBytes(4).toString('hex')}`;
  await admin(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const handle = connectPostgres(urlFor(serverUrl, name), 2);
  try {
    await prepare(handle.db);
  } finally {
    await handle.close();
  }
  return name;
}

/** Copies the template into a new database for one test file and returns its URL and name. */
export async function createDatabaseFromTemplate(serverUrl: string, template: string): Promise<{ url: string; name: string }> {
  const name = `aqp_test_${randomBytes(6).toString('hex')}`;
  for (let attempt = 1; ; attempt += 1) {
    try {
      await admin(serverUrl, (client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
      return { url: urlFor(serverUrl, name), name };
    } catch (error) {
      if (attempt >= 10 || !/being accessed by other users/.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}

export async function dropPostgresDatabase(serverUrl: string, name: string): Promise<void> {
  await admin(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

export async function databaseExists(serverUrl: string, name: string): Promise<boolean> {
  const found = await admin(serverUrl, (client) => client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]));
  return found.rowCount === 1;
}

/** Renames a database nobody is connected to; false when `to` already exists (another worker got there first). */
export async function renameDatabase(serverUrl: string, from: string, to: string): Promise<boolean> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await admin(serverUrl, (client) => client.query(`ALTER DATABASE ${from} RENAME TO ${to}`));
      return true;
    } catch (error) {
      if ((error as { code?: string }).code === '42P04') return false;
      if (attempt >= 10 || !/being accessed by other users/.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}

/** Drops the template and every seeded copy made from it this run (their names start with the template's). */
export async function dropTemplateFamily(serverUrl: string, template: string): Promise<void> {
  const family = await admin(serverUrl, (client) =>
    client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $1 || '\\_s%'", [template]),
  );
  for (const { datname } of family.rows) await dropPostgresDatabase(serverUrl, datname);
}
