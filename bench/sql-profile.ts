/**
 * A database handle whose statements are profiled: PostgreSQL's auto_explain (loaded per connection, which needs a
 * superuser, as on the benchmark's own throwaway cluster) sends the EXPLAIN ANALYZE of every statement back as a notice.
 */
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from '../src/db/schema.ts';

export interface ProfiledStatement {
  durationMs: number;
  /** The statement's text as sent, and the plan with actual times and rows. */
  plan: string;
}

export interface ProfiledDatabase {
  db: Kysely<Database>;
  statements: ProfiledStatement[];
  /** Why profiling is off (auto_explain could not be loaded), if it is. */
  failures: string[];
  close(): Promise<void>;
}

const SETTINGS = [
  `LOAD 'auto_explain'`,
  'SET auto_explain.log_min_duration = 0',
  'SET auto_explain.log_analyze = on',
  'SET auto_explain.log_buffers = on',
  'SET auto_explain.log_triggers = on',
  `SET auto_explain.log_level = 'notice'`,
];

/** One connection with auto_explain on; every statement run on it is collected with its plan. */
export async function profiledDatabase(databaseUrl: string): Promise<ProfiledDatabase> {
  const statements: ProfiledStatement[] = [];
  const failures: string[] = [];
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  pool.on('connect', (client) => {
    client.on('notice', (notice) => {
      const match = /^duration: ([\d.]+) ms\s+plan:\n([\s\S]*)$/.exec(notice.message ?? '');
      if (match) statements.push({ durationMs: Number(match[1]), plan: match[2]! });
    });
    client.query(SETTINGS.join('; ')).catch((error: Error) => failures.push(error.message));
  });
  const probe = await pool.connect();
  probe.release();
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, statements, failures, close: () => db.destroy() };
}
