/** Page rendering and sign-in pages over HTTP against /health/live on the same server in the same run. */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../src/config/config.ts';
import { openDatabase } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { seedNationalCatalogue } from '../src/domains/catalogue/catalogue.seed.ts';
import { seedDemo } from '../src/demo/demo.seed.ts';
import { DEMO_PASSWORD } from '../src/demo/region.demo-seed.ts';
import { buildApp } from '../src/http/app.ts';
import { systemClock } from '../src/lib/clock.ts';
import { measureRoute } from './http.ts';
import { sessionCookie } from './signed-in-session.ts';
import type { BenchResult } from './report.ts';

/** The three dashboards (decision 0058), each signed in as its demo user over the demo's referrals, last 12 months, every service. */
async function dashboardRows(base: string) {
  const dashboards = [
    ['commissioner', 'commissioner@aqp.example'],
    ['provider', 'provider.admin@aqp.example'],
    ['national', 'national.admin@aqp.example'],
  ] as const;
  const rows = [];
  for (const [kind, email] of dashboards) {
    const headers = { cookie: await sessionCookie(base, email, DEMO_PASSWORD) };
    rows.push(await measureRoute(`GET /dashboards/${kind} (signed in, SVG charts + tables)`, `${base}/dashboards/${kind}`, { headers }));
  }
  return rows;
}

/** Uses PostgreSQL when BENCH_DATABASE_URL is set, else a throwaway embedded PGlite. */
export async function pagesBenchmark(): Promise<BenchResult> {
  const stateDir = await mkdtemp(path.join(os.tmpdir(), 'aqp-bench-'));
  const databaseUrl = process.env.BENCH_DATABASE_URL;
  const handle = await openDatabase({ databaseUrl, dataDir: stateDir });
  const deps = { db: handle.db, clock: systemClock() };
  await migrateToLatest(handle.db);
  // Every real database loads the national catalogue when it migrates (as `aqp serve` does); the demo's offers need it.
  await seedNationalCatalogue(deps);
  await seedDemo(deps);
  const app = await buildApp({
    config: {
      ...loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', AQP_PUBLIC_READS_PER_MINUTE: '0' }),
      sessionSecret: 'bench-session-secret-long-enough-to-sign-cookies',
    },
    deps,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  try {
    const baseline = await measureRoute('GET /health/live (JSON, no database)', `${base}/health/live`);
    const rows = [
      await measureRoute('GET / (public page, Nunjucks + NHS layout)', `${base}/`),
      await measureRoute('GET /about-the-data (table page)', `${base}/about-the-data`),
      await measureRoute('GET /sign-in (new session row + CSRF token)', `${base}/sign-in`),
      ...(await dashboardRows(base)),
    ];
    return {
      description: `Server-rendered pages (and the dashboards over the demo's referrals) against a trivial JSON route on the same server (${handle.kind}), 10 connections, 5 s each.`,
      baseline,
      rows,
    };
  } finally {
    await app.close();
    await handle.close();
    await rm(stateDir, { recursive: true, force: true });
  }
}
