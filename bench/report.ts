/** Benchmark results as rows beside a baseline measured in the same run, so the ratio is the figure that matters. */

export interface BenchRow {
  label: string;
  /** Operations (requests, rows, queries) per second. */
  perSecond: number;
  /** 99th percentile latency in milliseconds, when measured. */
  p99Ms?: number;
  /** Mean latency in milliseconds, when measured. */
  meanMs?: number;
}

export interface BenchResult {
  description: string;
  baseline: BenchRow;
  rows: BenchRow[];
  notes?: string[];
  /** Further markdown sections (a table of their own) printed after the notes. */
  sections?: string[];
}

function fixed(value: number | undefined, digits = 2): string {
  return value === undefined
    ? '–'
    : value.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits > 0 ? 1 : 0 });
}

/** A markdown table: each row's throughput as a fraction of the baseline's. */
export function renderMarkdown(name: string, result: BenchResult, machine: string, at: Date): string {
  const lines = [
    `# Benchmark: ${name}`,
    '',
    result.description,
    '',
    `Measured ${at.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine}. The machine is shared and noisy: compare ratios, not absolute figures.`,
    '',
    '| what | per second | mean ms | p99 ms | ratio to baseline |',
    '|---|---:|---:|---:|---:|',
    ...[result.baseline, ...result.rows].map(
      (row) =>
        `| ${row === result.baseline ? `baseline: ${row.label}` : row.label} | ${fixed(row.perSecond, 0)} | ${fixed(row.meanMs, 3)} | ${fixed(row.p99Ms)} | ${fixed(row.perSecond / result.baseline.perSecond, 3)} |`,
    ),
  ];
  if (result.notes?.length) lines.push('', ...result.notes.map((note) => `- ${note}`));
  for (const section of result.sections ?? []) lines.push('', section);
  return `${lines.join('\n')}\n`;
}
