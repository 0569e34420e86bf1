/**
 * The month close in set-based SQL (decision 0045): which lines go on which draft statement, priced from the schedule in
 * force on the activity date and re-checked for what can change after a line was accepted. A constant number of
 * statements per run, whatever the number of lines.
 */
import { sql } from 'kysely';
import type { Executor } from '../../db/executor.ts';

/** The month being closed: its first day, the first day of the next, and the run's identity and time. */
export interface CloseWindow {
  month: string;
  monthStart: string;
  nextMonthStart: string;
  runId: string;
  at: Date;
}

/** A queried line's payment on the run's day (from the query's dates, decided in TypeScript by the query rules). */
export interface QueryOutcome {
  lineId: string;
  outcome: 'paid' | 'not-paid' | 'held';
}

/**
 * Holds the month-close lock until the transaction ends, so one node runs the close at a time, and gives the close's
 * joins room to hash a national month in memory (for this transaction only) instead of spilling to disk.
 */
export async function lockPaymentRuns(trx: Executor): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext('aqp.payment-run'))`.execute(trx);
  await sql`SET LOCAL work_mem = '64MB'`.execute(trx);
}

/** True when the month has already been closed today (the schedule's once-a-day rule). */
export async function hasPaymentRunOn(trx: Executor, month: string, day: string): Promise<boolean> {
  return Boolean(await trx.selectFrom('payment_runs').select('id').where('month', '=', month).where('ran_on', '=', day).executeTakeFirst());
}

/** Empties the month's draft statements: a re-run places their lines again, so it gives the same result. */
export async function clearDraftsOf(trx: Executor, month: string): Promise<void> {
  await sql`
    DELETE FROM statement_lines AS sl USING statements AS s
    WHERE s.id = sl.statement_id AND s.month = ${month} AND s.status = 'draft'`.execute(trx);
}

/** The queries on lines not yet finally settled on an approved statement, for the query rules to decide. */
export async function openQueryRows(trx: Executor) {
  return trx
    .selectFrom('line_queries as q')
    .select(['q.line_id as lineId', 'q.line_accepted_on as lineAcceptedOn', 'q.reason_code as reasonCode', 'q.periods'])
    .select(['q.raised_on as raisedOn', 'q.answered_on as answeredOn', 'q.answer_text as answerText'])
    .select(['q.resolved_on as resolvedOn', 'q.resolution'])
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('statement_lines as sl')
            .innerJoin('statements as s', 's.id', 'sl.statement_id')
            .select('sl.line_id')
            .whereRef('sl.line_id', '=', 'q.line_id')
            .where('s.status', '=', 'approved')
            .where('sl.payment', 'in', ['payable', 'not-paid']),
        ),
      ),
    )
    .execute();
}

/**
 * Gathers the close's candidates into a temporary table: accepted lines dated before the next month on no statement yet,
 * for pairs whose statement for the month is still a draft (or missing), each with what it is priced as (a reversal at
 * its original's date and band) and the re-checks' facts.
 */
export async function gatherCandidates(trx: Executor, window: CloseWindow, outcomes: readonly QueryOutcome[]): Promise<void> {
  await sql`CREATE TEMP TABLE close_query_outcomes (line_id uuid PRIMARY KEY, outcome text NOT NULL) ON COMMIT DROP`.execute(trx);
  if (outcomes.length > 0)
    await sql`
      INSERT INTO close_query_outcomes (line_id, outcome)
      SELECT x.line_id, x.outcome FROM jsonb_to_recordset(${JSON.stringify(outcomes.map((o) => ({ line_id: o.lineId, outcome: o.outcome })))}::jsonb)
        AS x(line_id uuid, outcome text)`.execute(trx);
  await sql`
    CREATE TEMP TABLE close_candidates ON COMMIT DROP AS
    SELECT l.id, l.provider_organisation_id AS provider_id, l.commissioner_organisation_id AS commissioner_id, l.offer_id, l.kind,
      l.currency_code, l.complexity_band, l.activity_date, o.id AS original_id,
      (CASE WHEN l.kind = 'reversal' THEN o.activity_date ELSE l.activity_date END)::date AS price_date,
      CASE WHEN l.kind = 'reversal' THEN o.currency_code ELSE l.currency_code END AS price_currency,
      CASE WHEN l.kind = 'reversal' THEN o.complexity_band ELSE l.complexity_band END AS price_band,
      (r.status = 'returned' AND r.return_reason_code = 'OUTSIDE_CRITERIA') AS outside_criteria
    FROM activity_lines AS l
    JOIN referrals AS r ON r.id = l.referral_id
    LEFT JOIN activity_lines AS o
      ON l.kind = 'reversal' AND o.provider_organisation_id = l.provider_organisation_id AND o.provider_line_id = l.reverses_line_id
    WHERE l.status = 'accepted' AND l.activity_date < ${window.nextMonthStart}
      AND NOT EXISTS (SELECT 1 FROM statement_lines AS sl WHERE sl.line_id = l.id AND sl.entry = 'charge')
      AND NOT EXISTS (
        SELECT 1 FROM statements AS s
        WHERE s.provider_organisation_id = l.provider_organisation_id AND s.commissioner_organisation_id = l.commissioner_organisation_id
          AND s.month = ${window.month} AND s.status <> 'draft')`.execute(trx);
  await sql`ANALYZE close_candidates`.execute(trx);
}

/** The offers' schedules as date ranges, and each candidate's price from the schedule in force on its price date (null when none). */
export async function priceCandidates(trx: Executor): Promise<void> {
  await sql`
    CREATE TEMP TABLE close_prices ON COMMIT DROP AS
    WITH offers_used AS (SELECT DISTINCT offer_id FROM close_candidates),
    schedules AS (
      SELECT d.offer_id, d.effective_from, lead(d.effective_from) OVER (PARTITION BY d.offer_id ORDER BY d.effective_from) AS until
      FROM (SELECT DISTINCT p.offer_id, p.effective_from FROM offer_prices AS p JOIN offers_used AS u ON u.offer_id = p.offer_id) AS d)
    SELECT c.id, p.price_pence
    FROM close_candidates AS c
    LEFT JOIN schedules AS s ON s.offer_id = c.offer_id AND s.effective_from <= c.price_date AND (s.until IS NULL OR c.price_date < s.until)
    LEFT JOIN offer_prices AS p
      ON p.offer_id = c.offer_id AND p.effective_from = s.effective_from AND p.currency_code = c.price_currency
        AND p.complexity_band = c.price_band`.execute(trx);
}

/** Creates the missing draft statements for every pair with a candidate or a release, stamps existing drafts with this run, and analyses them. */
export async function upsertDrafts(trx: Executor, window: CloseWindow): Promise<void> {
  await sql`
    INSERT INTO statements (reference, provider_organisation_id, commissioner_organisation_id, month, status, built_at, built_by_run_id)
    SELECT 'AQP-' || ${window.month} || '-' || COALESCE(po.ods_code, left(po.id::text, 8)) || '-' || COALESCE(co.ods_code, left(co.id::text, 8)),
      pairs.provider_id, pairs.commissioner_id, ${window.month}, 'draft', ${window.at}, ${window.runId}
    FROM (
      SELECT provider_id, commissioner_id FROM close_candidates WHERE kind = 'original' OR original_id IS NOT NULL
      UNION SELECT provider_id, commissioner_id FROM close_releases) AS pairs
    JOIN organisations AS po ON po.id = pairs.provider_id
    JOIN organisations AS co ON co.id = pairs.commissioner_id
    ON CONFLICT (provider_organisation_id, commissioner_organisation_id, month)
    DO UPDATE SET built_at = EXCLUDED.built_at, built_by_run_id = EXCLUDED.built_by_run_id WHERE statements.status = 'draft'`.execute(trx);
  // The drafts just made are invisible to the planner's statistics until analysed: estimated at one row, a month's
  // statements were scanned once per candidate line (the payment-run benchmark, issue #14 item 10).
  await sql`ANALYZE statements`.execute(trx);
}

/**
 * Places the original lines: unpriced without a price (whatever else holds it back: a release re-checks the criteria and
 * the query once it is priced; decision 0049), else payable, held or not paid by the re-checks; in-month or an adjustment.
 */
export async function placeOriginals(trx: Executor, window: CloseWindow): Promise<number> {
  const result = await sql`
    INSERT INTO statement_lines (statement_id, line_id, entry, placement, currency_code, complexity_band, price_pence, payment, not_paid_reason)
    SELECT s.id, c.id, 'charge', CASE WHEN c.activity_date >= ${window.monthStart} THEN 'in-month' ELSE 'adjustment' END,
      c.currency_code, c.complexity_band, p.price_pence,
      CASE WHEN p.price_pence IS NULL THEN 'unpriced' WHEN c.outside_criteria OR q.outcome = 'not-paid' THEN 'not-paid'
        WHEN q.outcome = 'held' THEN 'held' ELSE 'payable' END,
      CASE WHEN p.price_pence IS NULL THEN NULL WHEN c.outside_criteria THEN 'outside-criteria' WHEN q.outcome = 'not-paid' THEN 'query-not-paid' END
    FROM close_candidates AS c
    JOIN close_prices AS p ON p.id = c.id
    JOIN statements AS s
      ON s.provider_organisation_id = c.provider_id AND s.commissioner_organisation_id = c.commissioner_id AND s.month = ${window.month}
    LEFT JOIN close_query_outcomes AS q ON q.line_id = c.id
    WHERE c.kind = 'original' AND s.status = 'draft'`.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}

/**
 * Places reversals whose original is on a statement: at minus the original's price when the original was paid, else not
 * paid (nothing was paid to take back); an adjustment unless the original is on the same statement. A reversal of a line
 * not yet on a statement waits for it.
 */
export async function placeReversals(trx: Executor, window: CloseWindow): Promise<number> {
  const result = await sql`
    INSERT INTO statement_lines (statement_id, line_id, entry, placement, currency_code, complexity_band, price_pence, payment, not_paid_reason)
    SELECT s.id, c.id, 'charge',
      CASE WHEN c.activity_date >= ${window.monthStart} AND placed.statement_id = s.id THEN 'in-month' ELSE 'adjustment' END,
      c.currency_code, c.complexity_band, CASE WHEN paid.price_pence IS NULL THEN 0 ELSE -paid.price_pence END,
      CASE WHEN paid.price_pence IS NULL THEN 'not-paid' ELSE 'payable' END,
      CASE WHEN paid.price_pence IS NULL THEN 'original-not-paid' END
    FROM close_candidates AS c
    JOIN statements AS s
      ON s.provider_organisation_id = c.provider_id AND s.commissioner_organisation_id = c.commissioner_id AND s.month = ${window.month}
    LEFT JOIN LATERAL (
      SELECT sl.price_pence FROM statement_lines AS sl WHERE sl.line_id = c.original_id AND sl.payment = 'payable' LIMIT 1) AS paid ON true
    JOIN statement_lines AS placed ON placed.line_id = c.original_id AND placed.entry = 'charge'
    WHERE c.kind = 'reversal' AND s.status = 'draft'`.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}

/**
 * Gathers the releases: lines held or unpriced on an approved statement of an earlier month, not reversed, whose query
 * now says paid (or that have none) and whose price is now known, not yet released.
 */
export async function gatherReleases(trx: Executor, window: CloseWindow): Promise<void> {
  await sql`
    CREATE TEMP TABLE close_releases ON COMMIT DROP AS
    SELECT l.id, l.provider_organisation_id AS provider_id, l.commissioner_organisation_id AS commissioner_id,
      l.currency_code, l.complexity_band, p.price_pence
    FROM statement_lines AS sl
    JOIN statements AS s ON s.id = sl.statement_id AND s.status = 'approved' AND s.month < ${window.month}
    JOIN activity_lines AS l ON l.id = sl.line_id
    JOIN referrals AS r ON r.id = l.referral_id
    LEFT JOIN close_query_outcomes AS q ON q.line_id = l.id
    LEFT JOIN LATERAL (
      SELECT op.price_pence FROM offer_prices AS op
      WHERE op.offer_id = l.offer_id AND op.currency_code = l.currency_code AND op.complexity_band = l.complexity_band
        AND op.effective_from = (
          SELECT max(e.effective_from) FROM offer_prices AS e WHERE e.offer_id = l.offer_id AND e.effective_from <= l.activity_date::date)
    ) AS p ON true
    WHERE sl.entry = 'charge' AND sl.payment IN ('held', 'unpriced') AND l.kind = 'original'
      AND COALESCE(q.outcome, 'paid') = 'paid' AND p.price_pence IS NOT NULL
      AND NOT (r.status = 'returned' AND r.return_reason_code = 'OUTSIDE_CRITERIA')
      AND NOT EXISTS (SELECT 1 FROM statement_lines AS done WHERE done.line_id = l.id AND done.entry = 'release')
      AND NOT EXISTS (
        SELECT 1 FROM activity_lines AS rev
        WHERE rev.provider_organisation_id = l.provider_organisation_id AND rev.reverses_line_id = l.provider_line_id AND rev.status = 'accepted')
      AND NOT EXISTS (
        SELECT 1 FROM statements AS frozen
        WHERE frozen.provider_organisation_id = l.provider_organisation_id AND frozen.commissioner_organisation_id = l.commissioner_organisation_id
          AND frozen.month = ${window.month} AND frozen.status <> 'draft')`.execute(trx);
}

/** Places the releases on the pair's draft for the month, as adjustments. */
export async function placeReleases(trx: Executor, window: CloseWindow): Promise<number> {
  const result = await sql`
    INSERT INTO statement_lines (statement_id, line_id, entry, placement, currency_code, complexity_band, price_pence, payment, not_paid_reason)
    SELECT s.id, r.id, 'release', 'adjustment', r.currency_code, r.complexity_band, r.price_pence, 'payable', NULL
    FROM close_releases AS r
    JOIN statements AS s
      ON s.provider_organisation_id = r.provider_id AND s.commissioner_organisation_id = r.commissioner_id AND s.month = ${window.month}
    WHERE s.status = 'draft'`.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}

/** Deletes the month's drafts left with no lines, and counts the drafts that remain. */
export async function dropEmptyDrafts(trx: Executor, month: string): Promise<number> {
  await sql`
    DELETE FROM statements AS s
    WHERE s.month = ${month} AND s.status = 'draft' AND NOT EXISTS (SELECT 1 FROM statement_lines AS sl WHERE sl.statement_id = s.id)`.execute(
    trx,
  );
  const row = await trx
    .selectFrom('statements')
    .select((eb) => eb.fn.countAll<number>().as('drafts'))
    .where('month', '=', month)
    .where('status', '=', 'draft')
    .executeTakeFirstOrThrow();
  return Number(row.drafts);
}

/** Records the finished run. */
export async function insertPaymentRun(
  trx: Executor,
  run: { id: string; month: string; ranOn: string; startedAt: Date; finishedAt: Date; triggeredBy: string; userId: string | null },
  counts: { statementsBuilt: number; linesPlaced: number },
): Promise<void> {
  await trx
    .insertInto('payment_runs')
    .values({
      id: run.id,
      month: run.month,
      ran_on: run.ranOn,
      started_at: run.startedAt,
      finished_at: run.finishedAt,
      triggered_by: run.triggeredBy,
      run_by_user_id: run.userId,
      statements_built: counts.statementsBuilt,
      lines_placed: counts.linesPlaced,
    })
    .execute();
}
