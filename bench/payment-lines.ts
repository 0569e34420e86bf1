/**
 * Accepted activity lines for the payment-run benchmark, generated in SQL straight into `activity_submissions` and
 * `activity_lines` (as the API would have stored them): lines spread over the accepted referrals' days in the month,
 * a few percent of them reversals of earlier lines, line queries in each state, and referrals since returned as outside
 * the criteria, so every path of the month close runs.
 */
import { sql, type Transaction } from 'kysely';
import type { Database } from '../src/db/schema.ts';
import type { Deps } from '../src/domains/deps.ts';

/** The month closed, and the day before "today" the queries still open were raised. */
export interface BenchMonth {
  month: string;
  monthStart: string;
  lastDay: string;
  nextMonthStart: string;
  /** Queries raised on this day are still open (held) when the month closes. */
  openQueriesRaisedOn: string;
}

/** Three reversals in a hundred lines. */
const REVERSALS_PER_LINE = 0.03;
/** A query on one line in 331 of those dated in the first ten days; a referral in 211 returned as outside the criteria. */
const QUERY_EVERY = 331;
const RETURNED_EVERY = 211;

export interface LineFacts {
  lines: number;
  reversals: number;
  referrals: number;
  queries: number;
  returnedReferrals: number;
  submissions: number;
}

type Trx = Transaction<Database>;

/** The accepted referrals accepted by the month's last day, numbered, with the first day of the month they may have lines on. */
async function numberReferrals(trx: Trx, month: BenchMonth): Promise<number> {
  await sql`
    CREATE TEMP TABLE bench_refs ON COMMIT DROP AS
    SELECT (row_number() OVER (ORDER BY r.ubrn))::int - 1 AS n, r.id, r.ubrn, r.offer_id, r.provider_organisation_id AS provider_id,
      r.commissioner_organisation_id AS commissioner_id,
      greatest((r.accepted_at AT TIME ZONE 'Europe/London')::date, ${month.monthStart}::date) AS first_day
    FROM referrals AS r
    WHERE r.status = 'accepted' AND (r.accepted_at AT TIME ZONE 'Europe/London')::date <= ${month.lastDay}::date`.execute(trx);
  await sql`CREATE UNIQUE INDEX ON bench_refs (n)`.execute(trx);
  await sql`
    CREATE TEMP TABLE bench_units ON COMMIT DROP AS
    SELECT offer_id, (row_number() OVER (PARTITION BY offer_id ORDER BY currency_code, complexity_band))::int - 1 AS k,
      count(*) OVER (PARTITION BY offer_id)::int AS units, currency_code, complexity_band
    FROM (SELECT DISTINCT offer_id, currency_code, complexity_band FROM offer_prices) AS u`.execute(trx);
  const row = await sql<{ n: number }>`SELECT count(*)::int AS n FROM bench_refs`.execute(trx);
  return row.rows[0]!.n;
}

/**
 * Originals: line i is on referral i mod R (so each referral gets its lines in turn), paid as its offer's units in
 * turn, on a day from the referral's first day in the month to the month's end; priced from the schedule in force.
 */
async function stageOriginals(trx: Trx, month: BenchMonth, originals: number, referrals: number): Promise<void> {
  await sql`
    CREATE TEMP TABLE bench_lines ON COMMIT DROP AS
    SELECT x.*, (
      SELECT op.price_pence FROM offer_prices AS op
      WHERE op.offer_id = x.offer_id AND op.currency_code = x.currency_code AND op.complexity_band = x.complexity_band
        AND op.effective_from = (SELECT max(e.effective_from) FROM offer_prices AS e WHERE e.offer_id = x.offer_id AND e.effective_from <= x.day)
    ) AS price_pence
    FROM (
      SELECT g.i, 'original'::text AS kind, 'BENCH-' || g.i AS line_key, NULL::text AS reverses_key, r.id AS referral_id, r.ubrn,
        r.offer_id, r.provider_id, r.commissioner_id, u.currency_code, u.complexity_band,
        r.first_day + ((g.i * 7919) % (${month.lastDay}::date - r.first_day + 1))::int AS day
      FROM generate_series(0::bigint, ${originals - 1}::bigint) AS g(i)
      JOIN bench_refs AS r ON r.n = g.i % ${referrals}
      JOIN bench_units AS u ON u.offer_id = r.offer_id AND u.k = (g.i / ${referrals}) % u.units) AS x`.execute(trx);
}

/** Reversals of every n-th original, dated a few days after it (within the month), at minus the price it was paid. */
async function stageReversals(trx: Trx, month: BenchMonth, originals: number, reversals: number): Promise<void> {
  const stride = Math.floor(originals / Math.max(reversals, 1));
  await sql`
    INSERT INTO bench_lines (i, kind, line_key, reverses_key, referral_id, ubrn, offer_id, provider_id, commissioner_id, currency_code,
      complexity_band, day, price_pence)
    SELECT ${originals} + b.i / ${stride}, 'reversal', 'BENCH-R-' || (b.i / ${stride}), b.line_key, b.referral_id, b.ubrn, b.offer_id,
      b.provider_id, b.commissioner_id, b.currency_code, b.complexity_band, least(b.day + (b.i % 5)::int, ${month.lastDay}::date), -b.price_pence
    FROM bench_lines AS b
    WHERE b.i % ${stride} = 0 AND b.i / ${stride} < ${reversals}`.execute(trx);
}

/** One API submission per provider holding all its lines, then the lines in the order they arrived, each received the day after it. */
async function storeLines(trx: Trx): Promise<number> {
  await sql`
    CREATE TEMP TABLE bench_submissions ON COMMIT DROP AS
    SELECT gen_random_uuid() AS id, provider_id, count(*)::int AS lines, max(day) + 1 AS received_on
    FROM bench_lines GROUP BY provider_id`.execute(trx);
  await sql`
    INSERT INTO activity_submissions (id, provider_organisation_id, source, line_count, accepted_count, refused_count, already_received_count, received_at)
    SELECT id, provider_id, 'api', lines, lines, 0, 0, (received_on::text || 'T18:00:00Z')::timestamptz FROM bench_submissions`.execute(
    trx,
  );
  await sql`
    INSERT INTO activity_lines (provider_organisation_id, provider_line_id, referral_id, referral_reference, offer_id,
      commissioner_organisation_id, currency_code, complexity_band, activity_date, attendance_code, kind, reverses_line_id, source,
      submission_id, received_at, status, rejection_reason, price_pence)
    SELECT b.provider_id, b.line_key, b.referral_id, b.ubrn, b.offer_id, b.commissioner_id, b.currency_code, b.complexity_band,
      to_char(b.day, 'YYYY-MM-DD'), '5', b.kind, b.reverses_key, 'api', s.id, ((b.day + 1)::text || 'T18:00:00Z')::timestamptz,
      'accepted', NULL, b.price_pence
    FROM bench_lines AS b JOIN bench_submissions AS s ON s.provider_id = b.provider_id
    ORDER BY b.i`.execute(trx);
  const row = await sql<{ n: number }>`SELECT count(*)::int AS n FROM bench_submissions`.execute(trx);
  return row.rows[0]!.n;
}

/**
 * Queries on originals dated in the first ten days, in turn: still open (raised yesterday: held), raised and never
 * answered (lapsed: not paid), and answered then resolved not paid or paid.
 */
async function raiseQueries(trx: Trx, month: BenchMonth): Promise<number> {
  const result = await sql`
    INSERT INTO line_queries (line_id, provider_organisation_id, commissioner_organisation_id, reason_code, periods, line_accepted_on,
      raised_on, raised_at, answer_text, answered_on, answered_at, resolution, resolved_on, resolved_at)
    SELECT l.id, l.provider_organisation_id, l.commissioner_organisation_id, 'activity-not-evidenced', '{}'::jsonb, q.accepted_on,
      q.raised_on, q.raised_on + time '10:00', CASE WHEN q.state >= 2 THEN 'Notes attached.' END,
      CASE WHEN q.state >= 2 THEN q.accepted_on + 2 END, CASE WHEN q.state >= 2 THEN q.accepted_on + 2 + time '11:00' END,
      CASE q.state WHEN 2 THEN 'not-paid' WHEN 3 THEN 'paid' END,
      CASE WHEN q.state >= 2 THEN q.accepted_on + 3 END, CASE WHEN q.state >= 2 THEN q.accepted_on + 3 + time '12:00' END
    FROM (
      SELECT b.provider_id, b.line_key, b.day + 1 AS accepted_on, (b.i / ${QUERY_EVERY}) % 4 AS state,
        CASE WHEN (b.i / ${QUERY_EVERY}) % 4 = 0 THEN ${month.openQueriesRaisedOn}::date ELSE b.day + 1 END AS raised_on
      FROM bench_lines AS b
      WHERE b.kind = 'original' AND b.i % ${QUERY_EVERY} = 7 AND b.day < ${month.monthStart}::date + 10) AS q
    JOIN activity_lines AS l ON l.provider_organisation_id = q.provider_id AND l.provider_line_id = q.line_key`.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}

/** Some referrals with lines were since returned as outside the criteria: the close must not pay their lines. */
async function returnSomeReferrals(trx: Trx): Promise<number> {
  const result = await sql`
    UPDATE referrals AS r SET status = 'returned', return_reason_code = 'OUTSIDE_CRITERIA'
    FROM bench_refs AS b WHERE b.id = r.id AND b.n % ${RETURNED_EVERY} = 3`.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}

/** Writes `lines` accepted lines (reversals included) dated in the month, in one transaction; returns what the report says. */
export async function insertMonthOfLines(deps: Deps, month: BenchMonth, lines: number): Promise<LineFacts> {
  const reversals = Math.round(lines * REVERSALS_PER_LINE);
  const originals = lines - reversals;
  return deps.db.transaction().execute(async (trx) => {
    const referrals = await numberReferrals(trx, month);
    await stageOriginals(trx, month, originals, referrals);
    await stageReversals(trx, month, originals, reversals);
    const submissions = await storeLines(trx);
    const queries = await raiseQueries(trx, month);
    const returnedReferrals = await returnSomeReferrals(trx);
    return { lines, reversals, referrals, queries, returnedReferrals, submissions };
  });
}
