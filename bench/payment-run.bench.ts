/**
 * The month close on PostgreSQL at national scale (issue #14 item 10): a month of accepted activity lines over every
 * commissioner and thousands of providers validated, priced and placed on draft statements by `runPaymentMonth`, beside
 * a copy of the same lines into a bare table in the same run (the storage ceiling); totals checked against plain SQL.
 */
import { sql } from 'kysely';
import { connectPostgres } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import type { Deps } from '../src/domains/deps.ts';
import { runPaymentMonth } from '../src/domains/payments/payment-run.service.ts';
import { fixedClock } from '../src/lib/clock.ts';
import { benchPostgres, createBenchDatabase } from './bench-postgres.ts';
import { commissionerAreas, importBenchReference } from './bench-reference.ts';
import { seededRandom } from './bulk.ts';
import { buildNationalDirectory } from './national-directory.ts';
import { insertAcceptedReferrals } from './national-referrals.ts';
import { expectedTotals, type MonthTotals, paymentBreakdown, statementTotals } from './payment-checks.ts';
import { type BenchMonth, insertMonthOfLines } from './payment-lines.ts';
import { insertPriceSchedules, MID_MONTH } from './payment-prices.ts';
import { profileRerun } from './payment-profile.ts';
import type { BenchResult } from './report.ts';

/** BENCH_PAYMENT_LINES lines (1,000,000 unless set: a smaller number for trying the benchmark out). */
const LINES = Number(process.env.BENCH_PAYMENT_LINES ?? 1_000_000);
const MONTH: BenchMonth = {
  month: '2026-11',
  monthStart: '2026-11-01',
  lastDay: '2026-11-30',
  nextMonthStart: '2026-12-01',
  openQueriesRaisedOn: '2026-12-01',
};
/** The close runs on the 2nd of the next month, as the daily schedule would. */
const CLOCK = fixedClock('2026-12-02T09:00:00Z');
const POSTCODE_STEP = 10;
const SEED = 20_261_202;

const count = (n: number) => n.toLocaleString('en-GB');
const pounds = (pence: number) => `£${(pence / 100).toLocaleString('en-GB', { minimumFractionDigits: 2 })}`;
const seconds = (s: number) => `${s.toFixed(2)} s`;

/** Builds the world and the month's lines (not measured); returns what the report says about them. */
async function prepare(deps: Deps): Promise<string[]> {
  const started = Date.now();
  const random = seededRandom(SEED);
  const areas = await commissionerAreas(deps, await importBenchReference(deps, POSTCODE_STEP));
  const directory = await buildNationalDirectory(deps, random, areas);
  const referrals = await insertAcceptedReferrals(deps, random, directory.offers);
  const prices = await insertPriceSchedules(deps, random);
  const lines = await insertMonthOfLines(deps, MONTH, LINES);
  await sql`VACUUM ANALYZE`.execute(deps.db);
  if (areas.length < 100 || directory.providers < 4_000)
    throw new Error(`The world is too small: ${areas.length} commissioners and ${directory.providers} providers`);
  return [
    `World: ${count(areas.length)} real sub-ICB commissioners, ${count(directory.offers.length)} offers, ${count(directory.providers)} providers (synthetic, as in choice-list), ${count(referrals)} accepted referrals, ${count(lines.referrals)} of them accepted by the month's end and carrying lines.`,
    `Prices: ${count(prices.priceRows)} offer_prices rows (every currency and band of each offer's pack from ${'2026-04-01'}); ${count(prices.changingOffers)} offers change schedule on ${MID_MONTH}, inside the month, and ${count(prices.forgottenPrices)} of those leave one currency and band unpriced.`,
    `Lines: ${count(lines.lines)} accepted lines dated in ${MONTH.month} over ${count(lines.submissions)} providers' submissions, ${count(lines.reversals)} of them reversals of earlier lines; ${count(lines.queries)} line queries (open, lapsed unanswered, resolved not paid, resolved paid); ${count(lines.returnedReferrals)} referrals since returned as outside the criteria. Generated in SQL in ${((Date.now() - started) / 1000).toFixed(0)} s with the world (not measured).`,
  ];
}

/** The storage ceiling: the same lines, same columns, into a bare table without indexes or constraints, in one statement. */
async function measureCeiling(deps: Deps): Promise<number> {
  await sql`CREATE TABLE bench_bare (LIKE activity_lines)`.execute(deps.db);
  await sql`CHECKPOINT`.execute(deps.db);
  const started = performance.now();
  await sql`
    INSERT INTO bench_bare SELECT * FROM activity_lines
    WHERE activity_date >= ${MONTH.monthStart} AND activity_date < ${MONTH.nextMonthStart}`.execute(deps.db);
  const elapsed = (performance.now() - started) / 1000;
  await sql`DROP TABLE bench_bare`.execute(deps.db);
  await sql`CHECKPOINT`.execute(deps.db);
  return elapsed;
}

function exactness(actual: MonthTotals, expected: MonthTotals): string {
  const same = (Object.keys(expected) as (keyof MonthTotals)[]).every((key) => actual[key] === expected[key]);
  if (!same) process.exitCode = 1;
  return same
    ? `Totals exact: ${count(actual.lines)} statement lines on ${count(actual.statements)} statements, ${pounds(actual.totalPence)} priced, ${pounds(actual.payablePence)} payable, equal to the sums computed independently in plain SQL from the lines, the schedules and the queries.`
    : `TOTALS NOT EXACT: statements ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}.`;
}

/** Closes the month once, timed, as the scheduler would. */
async function timedClose(deps: Deps, triggeredBy: string) {
  const started = performance.now();
  const run = await runPaymentMonth(deps, { principal: null, clientAddress: null }, { month: MONTH.month, triggeredBy });
  return { run, seconds: (performance.now() - started) / 1000 };
}

/** Re-runs, each giving the same totals as the first run (or saying not): one profiled, one plain, one without the statement lines' remaining foreign key. */
async function reruns(deps: Deps, databaseUrl: string, first: MonthTotals): Promise<string[]> {
  const unchanged = async () => {
    const same = JSON.stringify(await statementTotals(deps, MONTH.month)) === JSON.stringify(first);
    if (!same) process.exitCode = 1;
    return same ? 'the same totals' : 'DIFFERENT TOTALS';
  };
  const profile = await profileRerun(databaseUrl, CLOCK, MONTH.month);
  const profiled = await unchanged();
  const withKeys = await timedClose(deps, 'bench-rerun');
  const plain = await unchanged();
  await sql`ALTER TABLE statement_lines DROP CONSTRAINT statement_lines_statement_id_fkey`.execute(deps.db);
  const withoutKeys = await timedClose(deps, 'bench-rerun-without-keys');
  const keyless = await unchanged();
  return [
    `Profile (a re-run, ${seconds(profile.wallSeconds)} with every plan node timed; a re-run also deletes the drafts' lines first; plans in [payment-run-plans.md](payment-run-plans.md)): ${profile.summary}. It gave ${profiled}.`,
    `What the foreign key of statement_lines to statements costs (measured on the benchmark's database only, not a change to the product): a plain re-run took ${seconds(withKeys.seconds)} (${plain}); with statement_lines' remaining foreign key (to statements; the one to activity_lines is gone from the schema) dropped, ${seconds(withoutKeys.seconds)} (${keyless}).`,
  ];
}

async function measureOn(databaseUrl: string, serverDescription: string): Promise<BenchResult> {
  const handle = connectPostgres(databaseUrl);
  const deps: Deps = { db: handle.db, clock: CLOCK };
  try {
    await migrateToLatest(handle.db);
    const world = await prepare(deps);
    const ceiling = await measureCeiling(deps);
    const close = await timedClose(deps, 'bench');
    const totals = await statementTotals(deps, MONTH.month);
    const exact = exactness(totals, await expectedTotals(deps, MONTH));
    const breakdown = await paymentBreakdown(deps, MONTH.month);
    const ratio = ceiling / close.seconds;
    return {
      description: `The month close (\`runPaymentMonth\`, decision 0045) of ${count(LINES)} accepted activity lines on ${serverDescription}, beside the storage ceiling measured in the same run: \`INSERT … SELECT\` of the same lines (same columns) into a bare table with no index or constraint (\`pg-copy-streams\` is not installed, so not \`COPY FROM STDIN\`; copying rows already in the server skips the parsing \`COPY\` does, so this ceiling is if anything higher).`,
      baseline: { label: `INSERT … SELECT into a bare table (${seconds(ceiling)})`, perSecond: LINES / ceiling },
      rows: [
        {
          label: `runPaymentMonth closing ${MONTH.month} (${seconds(close.seconds)}, ${count(close.run.drafts)} statements)`,
          perSecond: LINES / close.seconds,
        },
      ],
      notes: [
        ...world,
        `The run: ${seconds(close.seconds)} wall time, ${count(close.run.drafts)} draft statements built, ${count(close.run.linesPlaced)} lines placed (${count(close.run.releases)} releases); ${breakdown}.`,
        exact,
        `Goal (issue #14): a national month in under 10 s: ${close.seconds < 10 ? 'met' : 'not met'} (${seconds(close.seconds)}); at least 30% of the ceiling: ${ratio >= 0.3 ? 'met' : 'not met'} (${(ratio * 100).toFixed(1)}%).`,
        ...(await reruns(deps, databaseUrl, totals)),
      ],
    };
  } finally {
    await handle.close();
  }
}

/** Needs PostgreSQL: BENCH_DATABASE_URL's server, else a throwaway cluster; a fresh database either way, dropped at the end. */
export async function paymentRunBenchmark(): Promise<BenchResult> {
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
