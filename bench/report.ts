/** Benchmark results as rows beside a baseline measured in the same run, so the ratio is the figure that matters. */

export interface BenchRow {
  label: string;
  /** Operations (requests, rows, queries) per second. */
  perSecond: number;
  /** 99th percentile latency in milliseconds, when measured. */
  p99Ms?: number;
  /** Mean latency in milliseconds, when measured. */
  meanMs?: number;
  /** The goal the row is held to (issue #17's table), shown in its own column. */
  goal?: string;
  /** Answers checked for being right (non-empty, really saved), when checked. */
  answers?: number;
  /** How many of them were wrong: any makes the run fail. */
  wrong?: number;
  /** Why the first wrong answer was wrong. */
  firstWrong?: string;
}

export interface BenchResult {
  description: string;
  baseline: BenchRow;
  rows: BenchRow[];
  notes?: string[];
  /** Further markdown (e.g. the soak's memory samples), after the notes. */
  sections?: string[];
  /** Measurements on another server (e.g. the demo on PGlite), each beside its own baseline, as subsections. */
  also?: (BenchResult & { heading: string })[];
}

function fixed(value: number | undefined, digits = 2): string {
  return value === undefined
    ? '–'
    : value.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits > 0 ? 1 : 0 });
}

/** True when some row got wrong answers: the runner then fails the run, after writing the report. */
export function hasWrongAnswers(result: BenchResult): boolean {
  return result.rows.some((row) => (row.wrong ?? 0) > 0) || (result.also ?? []).some(hasWrongAnswers);
}

function checkNotes(rows: BenchRow[]): string[] {
  return rows
    .filter((row) => row.answers !== undefined)
    .map((row) =>
      row.wrong
        ? `**WRONG**: ${row.label}: ${fixed(row.wrong, 0)} of ${fixed(row.answers, 0)} answers were wrong, the first because ${row.firstWrong}.`
        : `${row.label}: all ${fixed(row.answers, 0)} answers checked and right.`,
    );
}

function table(result: BenchResult): string[] {
  const goals = result.rows.some((row) => row.goal);
  const lines = [
    `| what | per second | mean ms | p99 ms | ratio to baseline |${goals ? ' goal |' : ''}`,
    `|---|---:|---:|---:|---:|${goals ? '---|' : ''}`,
    ...[result.baseline, ...result.rows].map(
      (row) =>
        `| ${row === result.baseline ? `baseline: ${row.label}` : row.label} | ${fixed(row.perSecond, 0)} | ${fixed(row.meanMs, 3)} | ${fixed(row.p99Ms)} | ${fixed(row.perSecond / result.baseline.perSecond, 3)} |${goals ? ` ${row.goal ?? ''} |` : ''}`,
    ),
  ];
  const notes = [...(result.notes ?? []), ...checkNotes(result.rows)];
  if (notes.length) lines.push('', ...notes.map((note) => `- ${note}`));
  if (result.sections?.length) lines.push('', ...result.sections);
  for (const part of result.also ?? []) lines.push('', `## ${part.heading}`, '', part.description, '', ...table(part));
  return lines;
}

/** A markdown table: each row's throughput as a fraction of the baseline's, with a goal column when any row has a goal. */
export function renderMarkdown(name: string, result: BenchResult, machine: string, at: Date): string {
  const lines = [
    `# Benchmark: ${name}`,
    '',
    result.description,
    '',
    `Measured ${at.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine}. The machine is shared and noisy: compare ratios, not absolute figures.`,
    '',
    ...table(result),
  ];
  return `${lines.join('\n')}\n`;
}
