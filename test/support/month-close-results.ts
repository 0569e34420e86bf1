/** What a month close left behind, read straight from the tables: to compare two databases' statements, or a statement before and after. */
import { sql } from 'kysely';
import { expect } from 'vitest';
import type { Deps } from '../../src/domains/deps.ts';

/**
 * Every statement without ids, timestamps or run ids; a count and total per statement, placement and payment; and a
 * digest of every statement line (by the provider's line id) without ids, so two databases compare line for line.
 */
export async function statementsSnapshot(deps: Deps) {
  const statements = await deps.db
    .selectFrom('statements')
    .select(['reference', 'month', 'status', 'prepared_by_user_id', 'approved_by_user_id', 'payment_due_on', 'payable_pence'])
    .orderBy('reference')
    .execute();
  const groups = await sql<{ group: string; lines: number; pence: number }>`
    SELECT s.reference || ' ' || sl.placement || ' ' || sl.payment AS group, count(*)::int AS lines, COALESCE(sum(sl.price_pence), 0)::int AS pence
    FROM statement_lines AS sl JOIN statements AS s ON s.id = sl.statement_id
    GROUP BY 1 ORDER BY 1`.execute(deps.db);
  const digest = await sql<{ lines: number; digest: string | null }>`
    SELECT count(*)::int AS lines, md5(string_agg(concat_ws('|', l.provider_line_id, sl.entry, s.reference, sl.placement, sl.currency_code,
      sl.complexity_band, COALESCE(sl.price_pence::text, '-'), sl.payment, COALESCE(sl.not_paid_reason, '-')), ';'
      ORDER BY l.provider_line_id, sl.entry)) AS digest
    FROM statement_lines AS sl JOIN statements AS s ON s.id = sl.statement_id JOIN activity_lines AS l ON l.id = sl.line_id`.execute(
    deps.db,
  );
  const summary = Object.fromEntries(groups.rows.map(({ group, lines, pence }) => [group, { lines, pence }]));
  return { statements, summary, lines: digest.rows[0]! };
}

/** The month's one approved statement and its lines exactly as stored, every column, as text. */
export async function approvedStatementAsStored(deps: Deps, month: string): Promise<string> {
  const result = await sql<{ stored: string }>`
    SELECT row_to_json(s)::text || ' ' || (
      SELECT string_agg(row_to_json(sl)::text, ' ' ORDER BY sl.line_id, sl.entry) FROM statement_lines AS sl WHERE sl.statement_id = s.id) AS stored
    FROM statements AS s WHERE s.month = ${month} AND s.status = 'approved'`.execute(deps.db);
  expect(result.rows).toHaveLength(1);
  return result.rows[0]!.stored;
}

/** How many month-close runs finished. */
export async function finishedRuns(deps: Deps): Promise<number> {
  const row = await deps.db
    .selectFrom('payment_runs')
    .select((eb) => eb.fn.countAll<number>().as('runs'))
    .executeTakeFirstOrThrow();
  return Number(row.runs);
}

/** The last finished run's start and end (the close's own time, inside the command's). */
export async function lastRun(deps: Deps): Promise<{ startedAt: number; finishedAt: number }> {
  const run = await deps.db
    .selectFrom('payment_runs')
    .select(['started_at', 'finished_at'])
    .orderBy('started_at', 'desc')
    .executeTakeFirstOrThrow();
  return { startedAt: new Date(run.started_at).getTime(), finishedAt: new Date(run.finished_at).getTime() };
}
