/**
 * The payment-run benchmark's proof that the close was right, not only fast: the month's statement totals against sums
 * computed independently in plain SQL (a correlated lookup of the schedule in force, not the close's date ranges, and
 * query outcomes from how the benchmark made the queries, not from the query rules).
 */
import { sql } from 'kysely';
import type { Deps } from '../src/domains/deps.ts';
import type { BenchMonth } from './payment-lines.ts';

export interface MonthTotals {
  lines: number;
  totalPence: number;
  payablePence: number;
  statements: number;
}

/** What the month's draft statements hold. */
export async function statementTotals(deps: Deps, month: string): Promise<MonthTotals> {
  const { rows } = await sql<MonthTotals>`
    SELECT count(*)::int AS lines, COALESCE(sum(sl.price_pence), 0)::bigint AS "totalPence",
      COALESCE(sum(sl.price_pence) FILTER (WHERE sl.payment = 'payable'), 0)::bigint AS "payablePence",
      count(DISTINCT s.id)::int AS statements
    FROM statements AS s JOIN statement_lines AS sl ON sl.statement_id = s.id
    WHERE s.month = ${month}`.execute(deps.db);
  return rows[0]!;
}

/**
 * The same figures straight from the lines: each original at the price of the schedule in force on its date (held and
 * not-paid lines keep their price, unpriced ones have none), payable unless its referral was returned as outside the
 * criteria or its query was lapsed, resolved not paid or is still open; each reversal at minus its original's price
 * when the original is payable, else nothing.
 */
export async function expectedTotals(deps: Deps, month: BenchMonth): Promise<MonthTotals> {
  const { rows } = await sql<MonthTotals>`
    WITH in_month AS (
      SELECT l.* FROM activity_lines AS l
      WHERE l.status = 'accepted' AND l.activity_date >= ${month.monthStart} AND l.activity_date < ${month.nextMonthStart}),
    originals AS (
      SELECT l.provider_organisation_id, l.provider_line_id, p.price,
        p.price IS NOT NULL AND NOT (r.status = 'returned' AND r.return_reason_code = 'OUTSIDE_CRITERIA')
          AND (q.id IS NULL OR q.resolution = 'paid') AS payable
      FROM in_month AS l
      JOIN referrals AS r ON r.id = l.referral_id
      LEFT JOIN line_queries AS q ON q.line_id = l.id
      CROSS JOIN LATERAL (
        SELECT (SELECT op.price_pence FROM offer_prices AS op
          WHERE op.offer_id = l.offer_id AND op.currency_code = l.currency_code AND op.complexity_band = l.complexity_band
            AND op.effective_from = (
              SELECT max(e.effective_from) FROM offer_prices AS e WHERE e.offer_id = l.offer_id AND e.effective_from <= l.activity_date::date)
        ) AS price) AS p
      WHERE l.kind = 'original'),
    reversals AS (
      SELECT CASE WHEN o.payable THEN -o.price ELSE 0 END AS price, o.payable
      FROM in_month AS l
      JOIN originals AS o ON o.provider_organisation_id = l.provider_organisation_id AND o.provider_line_id = l.reverses_line_id
      WHERE l.kind = 'reversal')
    SELECT (SELECT count(*) FROM in_month)::int AS lines,
      ((SELECT COALESCE(sum(price), 0) FROM originals) + (SELECT COALESCE(sum(price), 0) FROM reversals))::bigint AS "totalPence",
      ((SELECT COALESCE(sum(price) FILTER (WHERE payable), 0) FROM originals)
        + (SELECT COALESCE(sum(price) FILTER (WHERE payable), 0) FROM reversals))::bigint AS "payablePence",
      (SELECT count(*) FROM (SELECT DISTINCT provider_organisation_id, commissioner_organisation_id FROM in_month) AS pairs)::int AS statements`.execute(
    deps.db,
  );
  return rows[0]!;
}

/** How the month's statement lines were paid, for the report. */
export async function paymentBreakdown(deps: Deps, month: string): Promise<string> {
  const { rows } = await sql<{ payment: string; reason: string | null; lines: number }>`
    SELECT sl.payment, sl.not_paid_reason AS reason, count(*)::int AS lines
    FROM statements AS s JOIN statement_lines AS sl ON sl.statement_id = s.id
    WHERE s.month = ${month} GROUP BY 1, 2 ORDER BY 3 DESC`.execute(deps.db);
  return rows.map((row) => `${row.payment}${row.reason ? ` (${row.reason})` : ''} ${row.lines.toLocaleString('en-GB')}`).join(', ');
}
