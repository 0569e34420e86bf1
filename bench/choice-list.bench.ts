/** Choice lists over HTTP on PostgreSQL against the national directory at real postcodes, beside /health/live on the same server in the same run. */
import { sql } from 'kysely';
import type { Deps } from '../src/domains/deps.ts';
import { measureRoute } from './http.ts';
import { AWAITING_PER_COMMISSIONER, formatCount as count, nationalFixture } from './national-fixture.ts';
import type { BenchResult } from './report.ts';
import { referrerSessionCookie } from './signed-in-session.ts';

const SECONDS = 10;
const CONNECTIONS = 10;
/** Issue #17's goal for the choice list, API and page. */
const GOAL = '≥ 0.25, p99 < 50 ms';

async function storedLists(deps: Deps): Promise<{ lists: number; entries: number }> {
  return deps.db
    .selectFrom('choice_lists')
    .select((eb) => [eb.fn.countAll<number>().as('lists'), sql<number>`coalesce(sum(jsonb_array_length(entries)), 0)`.as('entries')])
    .executeTakeFirstOrThrow();
}

/** A choice list with no entries is a wrong answer: every referral awaiting choice is on an offer with live providers. */
const hasEntries = (status: number, body: string) => (body.includes('"rank":1') ? undefined : `HTTP ${status} had no first entry`);
const pageHasEntries = (status: number, body: string) =>
  body.includes('name="choice"') ? undefined : `HTTP ${status} had no choice to make`;

/** Needs PostgreSQL: the shared national fixture (BENCH_DATABASE_URL's server, else a throwaway cluster). */
export async function choiceListBenchmark(): Promise<BenchResult> {
  const { deps, base, serverDescription, awaiting, notes } = await nationalFixture();
  const before = await storedLists(deps);
  const api = awaiting.map(({ ubrn, token }) => ({
    path: `/api/v1/referrals/${ubrn}/choice-list`,
    headers: { authorization: `Bearer ${token}` },
  }));
  const firstPractice = awaiting.slice(0, AWAITING_PER_COMMISSIONER);
  const cookie = await referrerSessionCookie(deps, base, firstPractice[0]!.practiceId);
  const pages = firstPractice.map(({ ubrn }) => ({ path: `/referrals/${ubrn}/choice-list`, headers: { cookie } }));
  const options = { seconds: SECONDS, connections: CONNECTIONS, goal: GOAL };
  await measureRoute('warm-up', base, { ...options, seconds: 2, rotate: api });
  const baseline = await measureRoute('GET /health/live (JSON, no database)', `${base}/health/live`, {
    seconds: SECONDS,
    connections: CONNECTIONS,
  });
  const rows = [
    await measureRoute(`GET /api/v1/referrals/{ubrn}/choice-list (JSON), over ${count(api.length)} referrals`, base, {
      ...options,
      rotate: api,
      check: hasEntries,
    }),
    await measureRoute(`GET /referrals/{ubrn}/choice-list (page), over one practice's ${pages.length} referrals`, base, {
      ...options,
      rotate: pages,
      check: pageHasEntries,
    }),
  ];
  const after = await storedLists(deps);
  const stored = after.lists - before.lists;
  return {
    description: `Choice lists for referrals awaiting choice, over HTTP against the real server on ${serverDescription}, beside a trivial JSON route on the same server; ${CONNECTIONS} connections, ${SECONDS} s each.`,
    baseline,
    rows,
    notes: [
      ...notes,
      `Each referral awaiting choice is asked for in turn with its own practice's referrer API key. Every request audits the view; a list is stored only when it differs from the referral's latest: ${count(stored)} choice lists were stored during this benchmark, ${stored ? ((after.entries - before.entries) / stored).toFixed(1) : 0} entries each on average.`,
    ],
  };
}
