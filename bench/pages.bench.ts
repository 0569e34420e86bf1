/**
 * Every signed-in page of the demo (each page route as each role the demo has a user for) by its own server time, the
 * heaviest under concurrent load, and the public pages, against /health/live on the same server in the same run.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { connectPostgres, type DatabaseHandle, openEmbedded } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { seedNationalCatalogue } from '../src/domains/catalogue/catalogue.seed.ts';
import { seedDemo } from '../src/demo/demo.seed.ts';
import { listeningBenchServer } from './bench-server.ts';
import { systemClock } from '../src/lib/clock.ts';
import { benchPostgres, createBenchDatabase } from './bench-postgres.ts';
import { addFirstMorningObjects } from './demo-objects.ts';
import { measureRoute } from './http.ts';
import { GOAL_MS, heaviestThroughput, pageTimes, pageTimeTable } from './page-times.ts';
import type { BenchResult } from './report.ts';
import { serverTime } from './server-time.ts';
import { pageRouteCollector, signedInPages } from './signed-in-pages.ts';

/** Sequential requests per page (BENCH_PAGE_REQUESTS), after two unmeasured. */
const TIMES = Number(process.env.BENCH_PAGE_REQUESTS ?? 21);
/** Only the page routes matching this pattern (BENCH_PAGES, e.g. `dashboards`), to measure a few while working on them. */
const ONLY = new RegExp(process.env.BENCH_PAGES ?? '.');
const HEAVIEST = 3;

/** A fresh database on BENCH_DATABASE_URL's PostgreSQL server, else a throwaway embedded PGlite. */
async function benchDatabase(): Promise<{ handle: DatabaseHandle; where: string; dispose(): Promise<void> }> {
  if (process.env.BENCH_DATABASE_URL) {
    const server = await benchPostgres();
    const database = await createBenchDatabase(server.serverUrl);
    const handle = connectPostgres(database.url);
    return { handle, where: server.description, dispose: async () => (await handle.close(), await database.drop(), await server.stop()) };
  }
  const stateDir = await mkdtemp(path.join(os.tmpdir(), 'aqp-bench-'));
  const handle = await openEmbedded(stateDir);
  return {
    handle,
    where: 'embedded PGlite',
    dispose: async () => (await handle.close(), await rm(stateDir, { recursive: true, force: true })),
  };
}

/** Migrates and seeds the demo with its year of history, as `npm start` does, then refreshes the planner's statistics. */
async function seedTheDemo(handle: DatabaseHandle): Promise<void> {
  const deps = { db: handle.db, clock: systemClock() };
  await migrateToLatest(handle.db);
  // Every real database loads the national catalogue when it migrates (as `aqp serve` does); the demo's offers need it.
  await seedNationalCatalogue(deps);
  await seedDemo(deps);
  await addFirstMorningObjects(deps);
  await sql`ANALYZE`.execute(handle.db);
}

/** Uses PostgreSQL when BENCH_DATABASE_URL is set (a fresh database on that server), else a throwaway embedded PGlite. */
export async function pagesBenchmark(): Promise<BenchResult> {
  const { handle, where, dispose } = await benchDatabase();
  await seedTheDemo(handle);
  const collector = pageRouteCollector();
  const { app, base } = await listeningBenchServer({ db: handle.db, clock: systemClock() }, { onRoute: collector.onRoute });
  try {
    const catalogue = await signedInPages(
      handle.db,
      base,
      collector.routes.filter((route) => ONLY.test(route.url)),
    );
    const bareTime = await serverTime(`${base}/health/live`, {}, TIMES);
    const measured = await pageTimes(base, catalogue.pages, TIMES);
    const baseline = await measureRoute('GET /health/live (JSON, no database)', `${base}/health/live`);
    const heaviest = await heaviestThroughput(base, measured.slice(0, HEAVIEST), 5);
    const rows = [
      await measureRoute('GET / (public page, Nunjucks + NHS layout)', `${base}/`),
      await measureRoute('GET /sign-in (new session row + CSRF token)', `${base}/sign-in`),
      ...heaviest.rows,
    ];
    const over = measured.filter((each) => each.medianMs >= GOAL_MS);
    return {
      description: `Every signed-in page of the demo (with its year of history) by its own server time, the ${HEAVIEST} slowest under 4 concurrent connections, and two public pages (10 connections, 5 s), against a trivial JSON route on the same server (${where}).`,
      baseline,
      rows,
      notes: [
        `${measured.length} signed-in pages measured (each page route as each role the demo has a user for); ${over.length} over ${GOAL_MS} ms by median${over.length ? `: ${over.map((each) => `${each.page.route} as ${each.page.role}`).join(', ')}` : ''}.`,
        ...heaviest.failures,
        `Not measured, as they answer something other than a page for that role: ${catalogue.skipped.join('; ') || 'none'}.`,
      ],
      sections: [pageTimeTable(bareTime, measured, TIMES)],
    };
  } finally {
    await app.close();
    await dispose();
  }
}
