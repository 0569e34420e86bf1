/** Sustained referral creation through the JSON API as GP referrers (eligibility, write, audit; then with the choice list), on the national dataset on PostgreSQL, beside /health/live in the same run. */
import type autocannon from 'autocannon';
import type { Deps } from '../src/domains/deps.ts';
import { hashAccessCode } from '../src/domains/referrals/access-code-hash.ts';
import { measureRoute } from './http.ts';
import { formatCount as count, nationalFixture } from './national-fixture.ts';
import { type NewReferralRequest, referralMaker } from './referral-bodies.ts';
import type { BenchResult, BenchRow } from './report.ts';

const SECONDS = 15;
const CONNECTIONS = 32;
const GOAL = '≥ 500 referrals/s';

async function saved(deps: Deps): Promise<{ referrals: number; audited: number }> {
  const referrals = await deps.db
    .selectFrom('referrals')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const audited = await deps.db
    .selectFrom('audit_events')
    .where('action', '=', 'referral.create')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { referrals: Number(referrals.n), audited: Number(audited.n) };
}

/** A create is right when it is saved (201 with a reference); a choice list when it has a first entry. */
function rightAnswer(status: number, body: string): string | undefined {
  if (body.includes('"eligibility"'))
    return status === 201 && body.includes('"ubrn"') ? undefined : `HTTP ${status}: not saved: ${body.slice(0, 300)}`;
  return body.includes('"rank":1') ? undefined : `HTTP ${status}: a choice list with no entries`;
}

function create(next: () => NewReferralRequest, created: { count: number }): autocannon.Request {
  return {
    method: 'POST',
    path: '/api/v1/referrals',
    setupRequest: (request, context) => {
      const referral = next();
      (context as { token?: string }).token = referral.token;
      return {
        ...request,
        headers: { ...request.headers, authorization: `Bearer ${referral.token}`, 'content-type': 'application/json' },
        body: referral.body,
      };
    },
    onResponse: (status, body, context) => {
      if (status !== 201) return;
      created.count += 1;
      (context as { ubrn?: string }).ubrn = (JSON.parse(body) as { ubrn: string }).ubrn;
    },
  };
}

/** Asks for the choice list of the referral the same connection has just created, with the same practice's key. */
const choiceListOfCreated: autocannon.Request = {
  method: 'GET',
  setupRequest: (request, context) => {
    const { ubrn, token } = context as { ubrn?: string; token?: string };
    return { ...request, path: `/api/v1/referrals/${ubrn}/choice-list`, headers: { ...request.headers, authorization: `Bearer ${token}` } };
  },
};

/** Waits until requests still running on the server when the load generator stopped have finished (the count of referrals holds still for a second). */
async function settled(deps: Deps): Promise<{ referrals: number; audited: number }> {
  for (let last = await saved(deps); ;) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const now = await saved(deps);
    if (now.referrals === last.referrals && now.audited === last.audited) return now;
    last = now;
  }
}

/**
 * Measures one way of creating referrals and checks the database against what the API answered: every referral answered 201 is
 * there with its audit row, and at most one more per connection (those still running when the load generator stopped, unanswered).
 */
async function measureCreation(
  deps: Deps,
  base: string,
  label: string,
  requests: (created: { count: number }) => autocannon.Request[],
): Promise<{ row: BenchRow; note: string }> {
  const created = { count: 0 };
  const before = await settled(deps);
  const row = await measureRoute(label, base, {
    seconds: SECONDS,
    connections: CONNECTIONS,
    requests: requests(created),
    check: rightAnswer,
    goal: GOAL,
  });
  const after = await settled(deps);
  const found = after.referrals - before.referrals;
  const audited = after.audited - before.audited;
  if (found < created.count || found > created.count + CONNECTIONS || audited !== found) {
    row.wrong = (row.wrong ?? 0) + 1;
    row.firstWrong ??= `the API saved ${created.count} referrals but the database holds ${found} new ones and ${audited} audit rows`;
  }
  return {
    row,
    note: `${label}: ${count(created.count)} referrals answered 201 in ${SECONDS} s (${(created.count / SECONDS).toFixed(1)} referrals/s); the database holds ${count(found)} new referrals (the rest of the ${CONNECTIONS} connections' last requests finished after the load generator stopped) and as many referral.create audit rows.`,
  };
}

/** How many access codes a second are hashed here as a saved referral's is (keyed, decision 0074) at the same concurrency: every saved referral needs one, so this bounds creation. */
async function accessCodeHashes(deps: Deps): Promise<BenchRow> {
  const latencies: number[] = [];
  const until = performance.now() + SECONDS * 1000;
  const worker = async () => {
    for (let n = 0; performance.now() < until; n += 1) {
      const started = performance.now();
      await hashAccessCode(deps.accessCodeKeys, String(n).padStart(12, '0'), `BENCHCODE${n}`);
      latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  latencies.sort((a, b) => a - b);
  return {
    label: `hashAccessCode (HMAC-SHA-256 under the access-code key) of an access code, in-process, ${CONNECTIONS} at once: the ceiling on referrals/s`,
    perSecond: latencies.length / SECONDS,
    meanMs: latencies.reduce((sum, value) => sum + value, 0) / latencies.length,
    p99Ms: latencies[Math.ceil(latencies.length * 0.99) - 1],
  };
}

/** Needs PostgreSQL: the shared national fixture (BENCH_DATABASE_URL's server, else a throwaway cluster). */
export async function referralsBenchmark(): Promise<BenchResult> {
  const { deps, base, serverDescription, areas, offers, referrerKeys, notes } = await nationalFixture();
  const maker = await referralMaker(deps, areas, offers, referrerKeys);
  await measureRoute('warm-up', base, { seconds: 2, connections: CONNECTIONS, requests: [create(maker.next, { count: 0 })] });
  await settled(deps);
  const baseline = await measureRoute('GET /health/live (JSON, no database)', `${base}/health/live`, {
    seconds: SECONDS,
    connections: CONNECTIONS,
  });
  const alone = await measureCreation(
    deps,
    base,
    'POST /api/v1/referrals (JSON): judge, save, audit; requests/s = referrals/s',
    (created) => [create(maker.next, created)],
  );
  const withList = await measureCreation(
    deps,
    base,
    'POST /api/v1/referrals then GET its choice list (JSON): requests/s = 2 × referrals/s',
    (created) => [create(maker.next, created), choiceListOfCreated],
  );
  return {
    description: `Referrals created through the JSON API as GP referrers (each practice's referrer API key, a new patient each time, eligible under the offer's protocol), over HTTP against the real server on ${serverDescription}, beside a trivial JSON route on the same server; ${CONNECTIONS} connections, ${SECONDS} s each (sustained: every connection sends its next referral as soon as the last is answered).`,
    baseline,
    rows: [alone.row, withList.row, await accessCodeHashes(deps)],
    notes: [
      ...notes,
      `Bodies: ${maker.services} services on every commissioner's offers that take GP referrals, in turn; the patient's age, sex and answers make them eligible, so each is saved (201) and no repeat limit applies. Saving keeps a fresh access code as an HMAC-SHA-256 under the access-code key (decision 0074).`,
      alone.note,
      withList.note,
    ],
  };
}
