/** The public directory by full postcode and by district, API and page: nationally on PostgreSQL and on the demo on PGlite, each beside /health/live on its own server in the same run. */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { seedNationalCatalogue } from '../src/domains/catalogue/catalogue.seed.ts';
import { seedDemo } from '../src/demo/demo.seed.ts';
import { importReferenceDataOnFirstStart } from '../src/domains/reference/import/first-start-import.ts';
import { listeningBenchServer } from './bench-server.ts';
import { systemClock } from '../src/lib/clock.ts';
import { seededRandom } from './bulk.ts';
import {
  apiListsSites,
  demoCandidates,
  describeTimes,
  type DirectorySearch,
  firstAsks,
  nationalCandidates,
  nonEmptySearches,
  pageListsSites,
  sameAsVerifiedGzip,
  searchPaths,
  verifiedGzipPages,
} from './directory-queries.ts';
import { measureRoute } from './http.ts';
import { formatCount as count, nationalFixture } from './national-fixture.ts';
import { REFERENCE_DATA_DIR } from './reference-sample.ts';
import type { BenchResult, BenchRow } from './report.ts';

const SECONDS = 10;
const CONNECTIONS = 10;
/** The issue measured the demo's directory at 20 connections; the demo rows keep that. */
const DEMO_CONNECTIONS = 20;
const POSTCODES_PER_AREA = 2;
const SEED = 20_121_017;
const NATIONAL_GOAL = '≥ 0.25, p99 < 50 ms';
const DEMO_GOAL = '≥ 500 requests/s';

/**
 * The API and page rows for a set of searches, each search's answer checked for at least one site. Each search is first asked once
 * on its own (API, then page), as a node that has served for a while has been, and how long those first asks took is reported.
 */
async function searchRows(
  base: string,
  what: string,
  searches: DirectorySearch[],
  options: { connections: number; goal: string; alsoUncompressed?: boolean },
) {
  const paths = searches.map(searchPaths);
  const common = { seconds: SECONDS, connections: options.connections, goal: options.goal };
  const firstApi = await firstAsks(
    base,
    paths.map((p) => p.api),
  );
  const firstPage = await firstAsks(
    base,
    paths.map((p) => p.page),
  );
  const gzipSizes = await verifiedGzipPages(
    base,
    paths.map((p) => p.page),
  );
  const sizes = [...gzipSizes.values()];
  const notes = [
    `By ${what}, each of the ${count(searches.length)} searches asked once before measuring, one at a time: API ${describeTimes(firstApi)} (the answer worked out unless a check before had asked it); page ${describeTimes(firstPage)} (rendered for the first time).`,
    `By ${what}, the page is asked as browsers ask it (Accept-Encoding: gzip) and sent gzipped, ${formatBytes(Math.min(...sizes))}–${formatBytes(Math.max(...sizes))}; each search's gzip answer was unzipped and checked for a listed site before the run, and every answer in the run checked to be gzip of exactly that answer's length (autocannon hands over bodies as text, which gzip is not).`,
  ];
  const rows: BenchRow[] = [];
  rows.push(
    await measureRoute(`GET /api/v1/directory (JSON) by ${what}, over ${count(searches.length)} searches`, base, {
      ...common,
      rotate: paths.map((p) => ({ path: p.api })),
      check: apiListsSites,
    }),
  );
  rows.push(
    await measureRoute(`GET /directory (page, gzip) by ${what}, over ${count(searches.length)} searches`, base, {
      ...common,
      rotate: paths.map((p) => ({ path: p.page, headers: { 'accept-encoding': 'gzip' } })),
      check: sameAsVerifiedGzip(gzipSizes),
    }),
  );
  if (options.alsoUncompressed)
    rows.push(
      await measureRoute(
        `GET /directory (page, not compressed: no Accept-Encoding) by ${what}, over ${count(searches.length)} searches`,
        base,
        {
          seconds: SECONDS,
          connections: options.connections,
          rotate: paths.map((p) => ({ path: p.page })),
          check: pageListsSites,
        },
      ),
    );
  return { rows, notes };
}

/** A size in kB for a note. */
const formatBytes = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

async function national(): Promise<BenchResult> {
  const { deps, base, serverDescription, areas, offers, notes } = await nationalFixture();
  const candidates = await nationalCandidates(deps, seededRandom(SEED), areas, offers, POSTCODES_PER_AREA);
  const postcodes = await nonEmptySearches(deps, candidates.postcodes);
  const districts = await nonEmptySearches(deps, candidates.districts);
  if (postcodes.length < 100 || districts.length < 100)
    throw new Error(`Too few searches list anyone: ${postcodes.length} postcodes and ${districts.length} districts`);
  const options = { connections: CONNECTIONS, goal: NATIONAL_GOAL };
  await measureRoute('warm-up', base, { seconds: 2, rotate: postcodes.map((search) => ({ path: searchPaths(search).api })) });
  const baseline = await measureRoute('GET /health/live (JSON, no database)', `${base}/health/live`, {
    seconds: SECONDS,
    connections: CONNECTIONS,
  });
  const parts = [
    await searchRows(base, 'full postcode', postcodes, { ...options, alsoUncompressed: true }),
    await searchRows(base, 'district', districts, options),
  ];
  const rows = parts.flatMap((part) => part.rows);
  return {
    description: `The public directory (no sign-in, public read limit off) over HTTP against the real server on ${serverDescription}, beside a trivial JSON route on the same server; ${CONNECTIONS} connections, ${SECONDS} s each.`,
    baseline,
    rows,
    notes: [
      ...notes,
      `Searches: ${POSTCODES_PER_AREA} sampled postcodes in every commissioner's area, each with a service one of its offers is for, and their districts; kept when the directory lists someone (${postcodes.length} of ${candidates.postcodes.length} postcodes, ${districts.length} of ${candidates.districts.length} districts; the rest are answered for a neighbouring commissioner, whose GP practices are nearer). Every answer in the run is checked for at least one site.`,
      ...parts.flatMap((part) => part.notes),
    ],
  };
}

/** The demo region on a throwaway PGlite, as `aqp serve` runs it on a laptop. */
async function demo(): Promise<BenchResult & { heading: string }> {
  const stateDir = await mkdtemp(path.join(os.tmpdir(), 'aqp-bench-'));
  const handle = await openDatabase({ databaseUrl: undefined, dataDir: stateDir });
  const deps = { db: handle.db, clock: systemClock() };
  try {
    await migrateToLatest(handle.db);
    // As the first embedded start does: the reference data from AQP_DATA_DIR (1.7 million postcodes, ODS), then the demo.
    await importReferenceDataOnFirstStart(deps, REFERENCE_DATA_DIR, () => {});
    await seedNationalCatalogue(deps);
    await seedDemo(deps);
    const candidates = await demoCandidates(deps);
    const postcodes = await nonEmptySearches(deps, candidates.postcodes);
    const districts = await nonEmptySearches(deps, candidates.districts);
    if (!postcodes.length || !districts.length) throw new Error('No demo search lists anyone');
    const { app, base } = await listeningBenchServer(deps);
    try {
      const baseline = await measureRoute('GET /health/live (JSON, no database)', `${base}/health/live`, {
        seconds: SECONDS,
        connections: DEMO_CONNECTIONS,
      });
      const options = { connections: DEMO_CONNECTIONS, goal: DEMO_GOAL };
      const parts = [await searchRows(base, 'full postcode', postcodes, options), await searchRows(base, 'district', districts, options)];
      return {
        heading: `The demo on PGlite (${DEMO_CONNECTIONS} connections)`,
        description: `The demo as its first embedded start makes it (the reference data, then seedNationalCatalogue + seedDemo) on a throwaway PGlite, the public directory over HTTP beside /health/live on the same server; ${DEMO_CONNECTIONS} connections, ${SECONDS} s each, over the searches of a live site's or a patient's postcode (or its district) and a live service that list someone (${postcodes.length} of ${candidates.postcodes.length} postcodes, ${districts.length} of ${candidates.districts.length} districts).`,
        baseline,
        rows: parts.flatMap((part) => part.rows),
        notes: parts.flatMap((part) => part.notes),
      };
    } finally {
      await app.close();
    }
  } finally {
    await handle.close();
    await rm(stateDir, { recursive: true, force: true });
  }
}

/** Needs PostgreSQL for the national rows (the shared national fixture); the demo rows use an embedded PGlite of their own. */
export async function directoryBenchmark(): Promise<BenchResult> {
  return { ...(await national()), also: [await demo()] };
}
