/** Where the month close spends its time: a re-run on a profiled connection, each statement named by the repository function that sends it. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runPaymentMonth } from '../src/domains/payments/payment-run.service.ts';
import type { Clock } from '../src/lib/clock.ts';
import { profiledDatabase, type ProfiledStatement } from './sql-profile.ts';

const FUNCTIONS: [RegExp, string][] = [
  [/pg_advisory_xact_lock/, 'lockPaymentRuns'],
  [/DELETE FROM statement_lines/, 'clearDraftsOf'],
  [/from "line_queries"/i, 'openQueryRows'],
  [/INSERT INTO close_query_outcomes/, 'gatherCandidates (query outcomes)'],
  [/CREATE TEMP TABLE close_candidates/, 'gatherCandidates'],
  [/CREATE TEMP TABLE close_prices/, 'priceCandidates'],
  [/CREATE TEMP TABLE close_releases/, 'gatherReleases'],
  [/INSERT INTO statements/, 'upsertDrafts'],
  [/c\.kind = 'original'/, 'placeOriginals'],
  [/c\.kind = 'reversal'/, 'placeReversals'],
  [/FROM close_releases AS r/, 'placeReleases'],
  [/DELETE FROM statements/, 'dropEmptyDrafts (delete)'],
  [/as "drafts"/, 'dropEmptyDrafts (count)'],
  [/insert into "payment_runs"/i, 'insertPaymentRun'],
  [/insert into "audit/i, 'recordAudit'],
];

const DEFERRED_CHECK = /^Query Text: SELECT 1 FROM ONLY/;

/** The repository function a statement comes from (its text opens the plan), else the start of its text. */
function nameOf(statement: ProfiledStatement): string {
  return (
    FUNCTIONS.find(([pattern]) => pattern.test(statement.plan))?.[1] ??
    statement.plan
      .replace(/^Query Text:/, '')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 60)
  );
}

export interface RunProfile {
  wallSeconds: number;
  /** One line per statement, slowest first, for the report's notes. */
  summary: string;
  available: boolean;
}

/** Re-runs the month on a profiled connection, writes every plan to bench/results/payment-run-plans.md, and sums time by function. */
export async function profileRerun(databaseUrl: string, clock: Clock, month: string): Promise<RunProfile> {
  const profiled = await profiledDatabase(databaseUrl);
  try {
    const started = performance.now();
    await runPaymentMonth({ db: profiled.db, clock }, { principal: null, clientAddress: null }, { month, triggeredBy: 'bench-profile' });
    const wallSeconds = (performance.now() - started) / 1000;
    if (profiled.failures.length || profiled.statements.length === 0)
      return { wallSeconds, available: false, summary: `not available: ${profiled.failures.join('; ') || 'no plans came back'}` };
    // Foreign-key checks deferred to the commit arrive as statements of their own: counted together, not listed.
    const deferred = profiled.statements.filter((statement) => DEFERRED_CHECK.test(statement.plan));
    const named = profiled.statements
      .filter((statement) => !DEFERRED_CHECK.test(statement.plan))
      .map((statement) => ({ name: nameOf(statement), ...statement }));
    const byTime = [...named].sort((a, b) => b.durationMs - a.durationMs);
    const plans = named.map((s) => `## ${s.name}: ${(s.durationMs / 1000).toFixed(2)} s\n\n\`\`\`\n${s.plan.trimEnd()}\n\`\`\`\n`);
    await writeFile(
      path.join(import.meta.dirname, 'results', 'payment-run-plans.md'),
      `# Benchmark: payment-run, the plans\n\nEXPLAIN ANALYZE (auto_explain, with buffers) of every statement of a re-run of the month close on the benchmark's data, in the order sent. Timing every plan node slows the run; compare the statements with each other.\n\n${plans.join('\n')}`,
    );
    const summary = byTime
      .filter((s) => s.durationMs >= 1)
      .map((s) => `${s.name} ${(s.durationMs / 1000).toFixed(2)} s`)
      .join(', ');
    const deferredMs = deferred.reduce((sum, statement) => sum + statement.durationMs, 0);
    return {
      wallSeconds,
      available: true,
      summary: `${summary}; ${deferred.length.toLocaleString('en-GB')} foreign-key checks deferred to the commit ${(deferredMs / 1000).toFixed(2)} s`,
    };
  } finally {
    await profiled.close();
  }
}
