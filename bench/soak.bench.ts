/** Ten minutes of mixed traffic at twice England's peak referral rate on the national dataset on PostgreSQL (decision 0069): errors, rate and p99 by kind, and memory. */
import type { Deps } from '../src/domains/deps.ts';
import { seededRandom } from './bulk.ts';
import { describeTimes, firstAsks, nationalCandidates, nonEmptySearches, searchPaths } from './directory-queries.ts';
import { formatCount as count, nationalFixture } from './national-fixture.ts';
import { referralMaker } from './referral-bodies.ts';
import type { BenchResult, BenchRow } from './report.ts';
import { SoakJourneys } from './soak-journeys.ts';
import { heapVerdict, memoryTable, sampleMemory } from './soak-memory.ts';
import { kind, type KindStats, latencySummary, runOpenLoop } from './soak-traffic.ts';

/** England's e-RS referrals on a working day (reference-systems.md §1.11: about 60,000). */
const REFERRALS_PER_WORKING_DAY = 60_000;
/** Monday carries about a fifth more than the average working day. */
const BUSIEST_DAY_FACTOR = 1.2;
/** The busiest hour's share of a day's referrals: about 1.6 times a flat spread over the 10.5 hours of GP core hours. */
const BUSIEST_HOUR_SHARE = 0.15;
/** England's peak, referrals per second (3.0), and the soak's twice that. */
export const PEAK_REFERRALS_PER_SECOND = (REFERRALS_PER_WORKING_DAY * BUSIEST_DAY_FACTOR * BUSIEST_HOUR_SHARE) / 3600;
const REFERRALS_PER_SECOND = 2 * PEAK_REFERRALS_PER_SECOND;
/** Other traffic per referral created (decision 0069). */
const PER_REFERRAL = { view: 1.5, choose: 0.75, search: 5, worklist: 2 };
const SAMPLE_EVERY_MS = 10_000;
const SEED = 20_121_069;

function minutes(): number {
  const asked = Number(process.env.SOAK_MINUTES ?? 10);
  if (!Number.isFinite(asked) || asked <= 0)
    throw new Error(`SOAK_MINUTES must be a positive number of minutes, not ${process.env.SOAK_MINUTES}`);
  return asked;
}

function row(stats: KindStats, seconds: number): BenchRow {
  return {
    label: `${stats.name} (${stats.perSecond.toFixed(1)}/s planned)`,
    perSecond: stats.right / seconds,
    ...latencySummary(stats),
    goal: '0 errors',
    answers: stats.sent + stats.dropped,
    wrong: stats.errors + stats.dropped,
    ...(stats.firstError || stats.dropped
      ? { firstWrong: stats.firstError ?? `${stats.dropped} were never sent: the server fell behind` }
      : {}),
  };
}

async function savedReferrals(deps: Deps): Promise<number> {
  const found = await deps.db
    .selectFrom('referrals')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(found.n);
}

/** Needs PostgreSQL: the shared national fixture. SOAK_MINUTES shortens it for a quick check. */
export async function soakBenchmark(): Promise<BenchResult> {
  const { deps, base, serverMemory, serverDescription, areas, offers, referrerKeys, notes } = await nationalFixture();
  const maker = await referralMaker(deps, areas, offers, referrerKeys);
  const candidates = await nationalCandidates(deps, seededRandom(SEED), areas, offers, 1);
  const searches = await nonEmptySearches(deps, [...candidates.postcodes, ...candidates.districts]);
  // The server is a process of its own, so the checks above warmed nothing of it: as a node that has served for a while has
  // been, each search is asked once, one at a time, before the traffic starts (a cold node's first minute is not this soak's question).
  const firstApi = await firstAsks(
    base,
    searches.map((search) => searchPaths(search).api),
  );
  const firstPage = await firstAsks(
    base,
    searches.map((search) => searchPaths(search).page),
  );
  const journeys = new SoakJourneys(deps, base, maker.next, searches);
  const r = REFERRALS_PER_SECOND;
  const kinds = [
    { stats: kind('POST /api/v1/referrals (create)', r), fire: journeys.create },
    { stats: kind('GET /api/v1/referrals/{ubrn}/choice-list (view)', r * PER_REFERRAL.view), fire: journeys.view },
    { stats: kind('POST /api/v1/referrals/{ubrn}/choice (choose)', r * PER_REFERRAL.choose), fire: journeys.choose },
    { stats: kind('GET /api/v1/directory and /directory (search, alternately)', r * PER_REFERRAL.search), fire: journeys.search },
    { stats: kind('GET /api/v1/worklists/provider', r * PER_REFERRAL.worklist), fire: journeys.worklist },
  ];
  const health = { stats: kind('GET /health/live (probe)', 1), fire: journeys.health };
  const seconds = minutes() * 60;
  const before = await savedReferrals(deps);
  const memory = sampleMemory(SAMPLE_EVERY_MS, serverMemory);
  await runOpenLoop([...kinds, health], seconds);
  const samples = await memory.stop();
  const found = (await savedReferrals(deps)) - before;
  const rows = kinds.map(({ stats }) => row(stats, seconds));
  if (found !== journeys.created) {
    rows[0]!.wrong = (rows[0]!.wrong ?? 0) + Math.abs(found - journeys.created);
    rows[0]!.firstWrong ??= `the API saved ${journeys.created} referrals but the database holds ${found} new ones`;
  }
  const verdict = heapVerdict(samples);
  // A heap that grows fails the soak as an error does, once the report is written.
  if (verdict.flat === false) process.exitCode = 1;
  const skipped = kinds.filter(({ stats }) => stats.skipped).map(({ stats }) => `${stats.name} ${count(stats.skipped)}`);
  return {
    description: `A soak of ${minutes()} minutes against the real server on ${serverDescription}: every kind of request started at its own fixed rate (open loop, not waiting for answers), at twice England's estimated peak referral rate (${REFERRALS_PER_SECOND.toFixed(1)} referrals/s; decision 0069). "Per second" is right answers per second over the whole soak; the ratio column compares with the probe and means little here.`,
    baseline: row(health.stats, seconds),
    rows,
    notes: [
      ...notes,
      `Traffic per referral created: ${PER_REFERRAL.view} choice-list views, ${PER_REFERRAL.choose} choices (of the first entry), ${PER_REFERRAL.search} directory searches over ${searches.length} searches that list someone (API and page alternately), ${PER_REFERRAL.worklist} provider worklist reads by providers sent a referral during the soak.`,
      `Before the soak, each search was asked once, one at a time: API ${describeTimes(firstApi)} (the answer worked out); page ${describeTimes(firstPage)} (rendered for the first time).`,
      `${count(journeys.created)} referrals created and answered 201 (the database holds ${count(found)} new ones: more when requests timed out on the client but finished on the server), ${count(journeys.chosen)} sent to a provider.${skipped.length ? ` Skipped while there was nothing to act on yet: ${skipped.join(', ')}.` : ''}`,
      verdict.words,
    ],
    sections: [`## Memory, every ${SAMPLE_EVERY_MS / 1000} s after a full collection in the server's process`, '', memoryTable(samples)],
  };
}
