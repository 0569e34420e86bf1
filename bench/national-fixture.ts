/** The national PostgreSQL dataset and a real server over it, built once per run and shared by every national benchmark asked for (choice-list, directory, referrals, soak). */
import { sql } from 'kysely';
import { connectPostgres } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import type { Deps } from '../src/domains/deps.ts';
import { systemClock } from '../src/lib/clock.ts';
import { benchPostgres, createBenchDatabase } from './bench-postgres.ts';
import { commissionerAreas, importBenchReference, type CommissionerArea } from './bench-reference.ts';
import { seededRandom } from './bulk.ts';
import { buildNationalDirectory, type DirectoryOffer } from './national-directory.ts';
import { type AwaitingChoice, insertAcceptedReferrals, insertReferralsAwaitingChoice } from './national-referrals.ts';
import { startServerProcess } from './server-process.ts';

/** Every 10th English postcode: about 150,000 real places for sites and patients. */
const POSTCODE_STEP = 10;
/** Referrals awaiting choice in each commissioner's area, for the choice-list benchmark. */
export const AWAITING_PER_COMMISSIONER = 20;
const SEED = 20_121_001;
const ACCESS_CODE_KEY = 'bench-access-code-key-long-enough-to-key-codes';

/** The national dataset, the server answering over it, and what the reports say about both. */
export interface NationalFixture {
  deps: Deps;
  /** The server's address, e.g. http://127.0.0.1:41234: a process of its own, not the load generator's. */
  base: string;
  /** The server process's memory after a full collection in it. */
  serverMemory(): Promise<NodeJS.MemoryUsage>;
  /** What the report says about the PostgreSQL server. */
  serverDescription: string;
  areas: CommissionerArea[];
  offers: DirectoryOffer[];
  awaiting: AwaitingChoice[];
  /** A referrer API key of each commissioner's practice, by practice id. */
  referrerKeys: Map<string, string>;
  /** Notes on the data's size and origin, for every report that uses it. */
  notes: string[];
}

const count = (n: number) => n.toLocaleString('en-GB');

/** Formats a whole number the way the reports do (22,754). */
export { count as formatCount };

async function describeLive(deps: Deps, areas: CommissionerArea[]) {
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
  const postcodes = await deps.db
    .selectFrom('postcodes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { ...live, postcodes: postcodes.n };
}

/** Imports the reference sample and generates the directory and referrals. */
async function prepare(deps: Deps): Promise<Omit<NationalFixture, 'deps' | 'base' | 'serverMemory' | 'serverDescription'>> {
  const started = Date.now();
  const random = seededRandom(SEED);
  const areas = await commissionerAreas(deps, await importBenchReference(deps, POSTCODE_STEP));
  const directory = await buildNationalDirectory(deps, random, areas);
  const accepted = await insertAcceptedReferrals(deps, random, directory.offers);
  const awaiting = await insertReferralsAwaitingChoice(deps, random, directory.offers, areas, AWAITING_PER_COMMISSIONER);
  await sql`ANALYZE`.execute(deps.db);
  const live = await describeLive(deps, areas);
  const perOffer = directory.offers
    .map((offer) => offer.listings.filter((listing) => listing.status === 'live').length)
    .sort((a, b) => a - b);
  return {
    areas,
    offers: directory.offers,
    awaiting,
    referrerKeys: new Map(awaiting.map((referral) => [referral.practiceId, referral.token])),
    notes: [
      `Real: ${count(areas.length)} open sub-ICB commissioners and their GP practices (ODS), ${count(live.postcodes)} English postcodes (every ${POSTCODE_STEP}th of Code-Point Open) where sites and patients are placed, each in the area of its nearest practice.`,
      `Synthetic: ${directory.services} services (the national catalogue plus synthetic ones), ${count(directory.offers.length)} offers, ${count(directory.providers)} providers with ${count(directory.sites)} sites, ${count(live.listings)} live listings over ${count(live.sites)} live sites; live providers per offer ${perOffer[0]}–${perOffer.at(-1)} (median ${perOffer[Math.floor(perOffer.length / 2)]}).`,
      `Referrals: ${count(accepted)} accepted in the last 90 days (waits), ${count(awaiting.length)} awaiting choice.`,
      `Built once for this run in ${((Date.now() - started) / 1000).toFixed(1)} s with bulk inserts, and shared by every national benchmark in it.`,
    ],
  };
}

let shared: Promise<NationalFixture> | undefined;
let teardown: (() => Promise<void>) | undefined;

async function build(): Promise<NationalFixture> {
  const server = await benchPostgres();
  const database = await createBenchDatabase(server.serverUrl);
  const handle = connectPostgres(database.url);
  teardown = async () => {
    await handle.close();
    await database.drop();
    await server.stop();
  };
  const deps = { db: handle.db, clock: systemClock(), accessCodeKeys: { current: ACCESS_CODE_KEY } };
  await migrateToLatest(handle.db);
  const prepared = await prepare(deps);
  const node = await startServerProcess(database.url, ACCESS_CODE_KEY);
  prepared.notes.push(
    `The server runs in a process of its own (bench/server-node.ts), apart from the load generator, which reads and checks every answer; the baseline is asked of the same process.`,
    `The node's choice read model was warmed before measuring, as \`aqp serve\` does at start: ${count(node.warmed.services)} commissioned services in ${(node.warmed.milliseconds / 1000).toFixed(1)} s.`,
  );
  const closeDatabase = teardown;
  teardown = async () => {
    await node.stop();
    await closeDatabase();
  };
  return {
    ...prepared,
    deps,
    base: node.base,
    serverMemory: node.memory,
    serverDescription: server.description,
  };
}

/** The national dataset with its server, built on first use (PostgreSQL: BENCH_DATABASE_URL's server, else a throwaway cluster) and reused after. */
export function nationalFixture(): Promise<NationalFixture> {
  shared ??= build();
  return shared;
}

/** Stops the server and drops the dataset, if one was built; the runner calls it once every benchmark has finished. */
export async function closeNationalFixture(): Promise<void> {
  const close = teardown;
  shared = undefined;
  teardown = undefined;
  await close?.();
}
