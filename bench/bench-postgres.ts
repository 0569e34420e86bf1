/** A PostgreSQL server for benchmarks: BENCH_DATABASE_URL's, else a throwaway loopback cluster made with the machine's initdb, and a fresh database on it. */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface BenchPostgres {
  /** A URL for the server's `postgres` database, for creating and dropping others. */
  serverUrl: string;
  /** What the report says about the server. */
  description: string;
  stop(): Promise<void>;
}

function postgresBinaries(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((version) => existsSync(path.join(root, version, 'bin/initdb')))
    .sort((a, b) => Number(a) - Number(b));
  return versions.length ? path.join(root, versions.at(-1)!, 'bin') : undefined;
}

async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
      .once('error', reject)
      .listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
  });
}

/** Runs a PostgreSQL tool as the `postgres` user when we are root (the server refuses to run as root), else as ourselves. */
function runAsPostgres(binary: string, args: string[]): void {
  const asRoot = process.getuid?.() === 0;
  if (!asRoot) {
    execFileSync(binary, args, { stdio: 'ignore' });
    return;
  }
  const quoted = [binary, ...args].map((arg) => `'${arg.replace(/'/g, `'\\''`)}'`).join(' ');
  execFileSync('su', ['postgres', '-c', quoted], { stdio: 'ignore' });
}

/** Starts a cluster in a temporary directory on a free loopback port, without durability (fsync off): a benchmark's data is thrown away. */
async function startThrowawayCluster(bin: string): Promise<BenchPostgres> {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'aqp-bench-pg-'));
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    chownSync(directory, uid, Number(execFileSync('id', ['-g', 'postgres']).toString().trim()));
  }
  const port = await freeLoopbackPort();
  const data = path.join(directory, 'data');
  runAsPostgres(path.join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${directory} -c fsync=off -c synchronous_commit=off -c max_connections=100`;
  runAsPostgres(path.join(bin, 'pg_ctl'), ['-D', data, '-l', path.join(directory, 'log'), '-w', '-o', options, 'start']);
  return {
    serverUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    description: `a throwaway PostgreSQL ${path.basename(path.dirname(bin))} cluster on loopback (fsync off)`,
    stop: async () => {
      try {
        runAsPostgres(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', 'stop']);
      } finally {
        rmSync(directory, { recursive: true, force: true });
      }
    },
  };
}

/** The server named by BENCH_DATABASE_URL, else a throwaway cluster; fails with what to do when neither is possible. */
export async function benchPostgres(): Promise<BenchPostgres> {
  const given = process.env.BENCH_DATABASE_URL;
  if (given) return { serverUrl: given, description: 'the PostgreSQL server at BENCH_DATABASE_URL', stop: async () => {} };
  const bin = postgresBinaries();
  if (!bin)
    throw new Error(
      'This benchmark needs PostgreSQL: set BENCH_DATABASE_URL=postgres://user@host:port/postgres (a role that may create databases), or install PostgreSQL 15+ so initdb is in /usr/lib/postgresql/<version>/bin.',
    );
  return startThrowawayCluster(bin);
}

async function asAdmin(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A new, empty database on the server, dropped (even while connected) by `drop`. */
export async function createBenchDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `aqp_bench_${randomBytes(5).toString('hex')}`;
  await asAdmin(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => asAdmin(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
