/** What an import did, counted the way an operator checks it: inserted, updated, closed, unchanged, skipped, rejected with reasons. */

export interface Rejection {
  line: number;
  reason: string;
}

export interface ImportSummary {
  dataset: string;
  file: string;
  format: string;
  rowsRead: number;
  inserted: number;
  updated: number;
  closed: number;
  unchanged: number;
  skipped: number;
  rejected: number;
  /** The first rejections with line numbers (all are counted; at most MAX_KEPT are kept). */
  rejections: Rejection[];
  seconds: number;
}

export const MAX_KEPT_REJECTIONS = 200;

export function emptySummary(dataset: string, file: string, format: string): ImportSummary {
  return {
    dataset,
    file,
    format,
    rowsRead: 0,
    inserted: 0,
    updated: 0,
    closed: 0,
    unchanged: 0,
    skipped: 0,
    rejected: 0,
    rejections: [],
    seconds: 0,
  };
}

/** Counts a bad row, keeping its line and reason for the report. */
export function reject(summary: ImportSummary, line: number, reason: string): void {
  summary.rejected += 1;
  if (summary.rejections.length < MAX_KEPT_REJECTIONS) summary.rejections.push({ line, reason });
}

/** One line per import for logs and the CLI. */
export function describeSummary(summary: ImportSummary): string {
  const rate = summary.seconds > 0 ? `, ${Math.round(summary.rowsRead / summary.seconds).toLocaleString('en-GB')} rows/s` : '';
  return (
    `${summary.dataset} (${summary.format}): ${summary.rowsRead.toLocaleString('en-GB')} rows read in ${summary.seconds.toFixed(1)} s${rate}; ` +
    `${summary.inserted} inserted, ${summary.updated} updated, ${summary.closed} closed, ${summary.unchanged} unchanged, ${summary.skipped} skipped, ${summary.rejected} rejected`
  );
}
