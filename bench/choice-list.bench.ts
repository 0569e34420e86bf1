/** Choice lists over HTTP on PostgreSQL against a synthetic national directory at real postcodes, beside /health/live on the same server in the same run. */
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { loadConfig } from '../src/config/config.ts';
import { connectPostgres } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import type { Deps } from '../src/domains/deps.ts';
import { buildApp } from '../src/http/app.ts';
import { warmChoiceReadModel } from '../src/domains/provider-quality/standing-warm-up.ts';
import { systemClock } from '../src/lib/clock.ts';
import { benchPostgres, createBenchDatabase } from './bench-postgres.ts';
import { commissionerAreas, importBenchReference } from './bench-reference.ts';
import { seededRandom } from './bulk.ts';
import { measureRoute } from './http.ts';
import { buildNationalDirectory } from './national-directory.ts';
import { type AwaitingChoice, insertAcceptedReferrals, insertReferralsAwaitingChoice } from './national-referrals.ts';
import type { BenchResult } from './report.ts';
import { referrerSessionCookie } from './signed-in-session.ts';

const SECONDS = 10;
const CONNECTIONS = 10;
/** Every 10th English postcode: about 150,000 real places for sites and patients. */
const POSTCODE_STEP = 10;
const AWAITING_PER_COMMISSIONER = 20;
const SEED = 20_121_001;

const count = (n: number) => n.toLocaleString('en-GB');

/** Imports the reference sample and generates the directory and referrals; returns what the report says about the data. */
async function prepare(
  deps: Deps,
): Promise<{ awaiting: AwaitingChoice[]; firstPractice: AwaitingChoice[]; firstPracticeId: string; notes: string[] }> {
  const started = Date.now();
  const random = seededRandom(SEED);
  const areas = await commissionerAreas(deps, await importBenchReference(deps, POSTCODE_STEP));
  const directory = await buildNationalDirectory(deps, random, areas);
  const accepted = await insertAcceptedReferrals(deps, random, directory.offers);
  const awaiting = await insertReferralsAwaitingChoice(deps, random, directory.offers, areas, AWAITING_PER_COMMISSIONER);
  await sql`ANALYZE`.execute(deps.db);
  const live = await deps.db
    .selectFrom('listing_sites as ls')
    .innerJoin('listings as l', 'l.id', 'ls.listing_id')
    .where('l.status', '=', 'live')
    .select((eb) => [
      eb.fn.count<number>(eb.fn('distinct', ['ls.site_id'])).as('sites'),
      eb.fn.count<number>(eb.fn('distinct', ['l.id'])).as('listings'),
    ])
    .executeTakeFirstOrThrow();
  if (areas.length < 100 || live.sites < 20_000)
    throw new Error(`The directory is too small: ${areas.length} commissioners and ${live.sites} live sites`);
  const perOffer = directory.offers
    .map((offer) => offer.listings.filter((listing) => listing.status === 'live').length)
    .sort((a, b) => a - b);
  const postcodes = await deps.db
    .selectFrom('postcodes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return {
    awaiting,
    firstPractice: awaiting.slice(0, AWAITING_PER_COMMISSIONER),
    firstPracticeId: areas[0]!.practiceId,
    notes: [
      `Real: ${count(areas.length)} open sub-ICB commissioners and their GP practices (ODS), ${count(postcodes.n)} English postcodes (every ${POSTCODE_STEP}th of Code-Point Open) where sites and patients are placed, each in the area of its nearest practice.`,
      `Synthetic: ${directory.services} services (the national catalogue plus synthetic ones), ${count(directory.offers.length)} offers, ${count(directory.providers)} providers with ${count(directory.sites)} sites, ${count(live.listings)} live listings over ${count(live.sites)} live sites; live providers per offer ${perOffer[0]}–${perOffer.at(-1)} (median ${perOffer[Math.floor(perOffer.length / 2)]}).`,
      `Referrals: ${count(accepted)} accepted in the last 90 days (waits), ${count(awaiting.length)} awaiting choice, asked for in turn with their own practice's referrer API key. Every request stores the list and writes its audit rows.`,
      `Built in ${((Date.now() - started) / 1000).toFixed(1)} s with bulk inserts.`,
    ],
  };
}

async function averageEntries(deps: Deps): Promise<string> {
  const row = await deps.db
    .selectFrom('choice_lists')
    .select((eb) => [eb.fn.countAll<number>().as('lists'), sql<number>`round(avg(jsonb_array_length(entries)), 1)`.as('entries')])
    .executeTakeFirstOrThrow();
  return `${count(row.lists)} choice lists were stored during the run, ${row.entries} entries each on average.`;
}

async function measureOn(databaseUrl: string, serverDescription: string): Promise<BenchResult> {
  const handle = connectPostgres(databaseUrl);
  const deps = { db: handle.db, clock: systemClock() };
  try {
    await migrateToLatest(handle.db);
    const prepared = await prepare(deps);
    const app = await buildApp({
      config: {
        ...loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent' }),
        sessionSecret: 'bench-session-secret-long-enough-to-sign-cookies',
      },
      deps,
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const warmed = await warmChoiceReadModel(deps);
    prepared.notes.push(
      `The node's choice read model was warmed before measuring, as \`aqp serve\` does at start: ${count(warmed.services)} commissioned services in ${(warmed.milliseconds / 1000).toFixed(1)} s.`,
    );
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    try {
      const api = prepared.awaiting.map(({ ubrn, token }) => ({
        path: `/api/v1/referrals/${ubrn}/choice-list`,
        headers: { authorization: `Bearer ${token}` },
      }));
      const cookie = await referrerSessionCookie(deps, base, prepared.firstPracticeId);
      const pages = prepared.firstPractice.map(({ ubrn }) => ({ path: `/referrals/${ubrn}/choice-list`, headers: { cookie } }));
      const options = { seconds: SECONDS, connections: CONNECTIONS };
      await measureRoute('warm-up', base, { ...options, seconds: 2, rotate: api });
      const baseline = await measureRoute('GET /health/live (JSON, no database)', `${base}/health/live`, options);
      const rows = [
        await measureRoute(`GET /api/v1/referrals/{ubrn}/choice-list (JSON), over ${count(api.length)} referrals`, base, {
          ...options,
          rotate: api,
        }),
        await measureRoute(`GET /referrals/{ubrn}/choice-list (page), over one practice's ${pages.length} referrals`, base, {
          ...options,
          rotate: pages,
        }),
      ];
      return {
        description: `Choice lists for referrals awaiting choice, over HTTP against the real server on ${serverDescription}, beside a trivial JSON route on the same server; ${CONNECTIONS} connections, ${SECONDS} s each.`,
        baseline,
        rows,
        notes: [...prepared.notes, await averageEntries(deps)],
      };
    } finally {
      await app.close();
    }
  } finally {
    await handle.close();
  }
}

/** Needs PostgreSQL: BENCH_DATABASE_URL's server, else a throwaway cluster; a fresh database either way, dropped at the end. */
export async function choiceListBenchmark(): Promise<BenchResult> {
  const server = await benchPostgres();
  try {
    const database = await createBenchDatabase(server.serverUrl);
    try {
      return await measureOn(database.url, server.description);
    } finally {
      await database.drop();
    }
  } finally {
    await server.stop();
  }
}
