/** The full GB postcode file into PGlite and PostgreSQL, against reading and checking the file alone in the same run. */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { connectPostgres, type DatabaseHandle, openEmbedded } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { openCsv } from '../src/domains/reference/import/csv-source.ts';
import { detectPostcodeFormat } from '../src/domains/reference/import/postcode-formats.ts';
import { importPostcodes } from '../src/domains/reference/import/postcode-import.service.ts';
import { systemClock } from '../src/lib/clock.ts';
import type { BenchResult, BenchRow } from './report.ts';
import { REFERENCE_DATA_DIR } from './reference-sample.ts';

const FILE = path.join(REFERENCE_DATA_DIR, 'postcodes_gb.csv.gz');

/** Baseline: stream, gunzip, parse and validate every row without a database. */
async function parseOnly(): Promise<BenchRow> {
  const started = Date.now();
  let rows = 0;
  let format: ReturnType<typeof detectPostcodeFormat> | undefined;
  for await (const { line, fields } of (await openCsv(FILE)).records) {
    if (line === 1) {
      format = detectPostcodeFormat(fields);
      continue;
    }
    if (format && !('error' in format)) format.parse(fields);
    rows += 1;
  }
  return {
    label: `read, gunzip, parse and check ${rows.toLocaleString('en-GB')} rows (no database)`,
    perSecond: rows / ((Date.now() - started) / 1000),
  };
}

async function timedImport(label: string, handle: DatabaseHandle): Promise<BenchRow[]> {
  await migrateToLatest(handle.db);
  const deps = { db: handle.db, clock: systemClock() };
  const first = await importPostcodes(deps, FILE);
  const second = await importPostcodes(deps, FILE);
  if (second.inserted + second.updated + second.closed !== 0) throw new Error(`${label}: the second import changed rows`);
  return [
    {
      label: `${label}: first import (${first.inserted.toLocaleString('en-GB')} inserted in ${first.seconds.toFixed(1)} s)`,
      perSecond: first.rowsRead / first.seconds,
    },
    { label: `${label}: second import (no changes, ${second.seconds.toFixed(1)} s)`, perSecond: second.rowsRead / second.seconds },
  ];
}

export async function postcodeImportBenchmark(): Promise<BenchResult> {
  const baseline = await parseOnly();
  const stateDir = await mkdtemp(path.join(os.tmpdir(), 'aqp-bench-import-'));
  const rows: BenchRow[] = [];
  const notes: string[] = [];
  try {
    const embedded = await openEmbedded(stateDir);
    rows.push(...(await timedImport('PGlite (embedded, on disk)', embedded)));
    await embedded.close();
    const serverUrl = process.env.BENCH_DATABASE_URL;
    if (serverUrl) {
      const name = `aqp_bench_${Date.now()}`;
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      const server = connectPostgres(url.toString(), 4);
      try {
        rows.push(...(await timedImport('PostgreSQL server', server)));
      } finally {
        await server.close();
        await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
        await admin.end();
      }
    } else {
      notes.push('Set BENCH_DATABASE_URL to a PostgreSQL server to measure it too.');
    }
  } finally {
    await rm(stateDir, { recursive: true, force: true });
  }
  return {
    description:
      'Importing every GB postcode (shared/data/postcodes_gb.csv.gz) with `aqp import postcodes`: batched, idempotent upserts of 5,000 rows; the second run reads the same file and must change nothing.',
    baseline,
    rows,
    notes,
  };
}
