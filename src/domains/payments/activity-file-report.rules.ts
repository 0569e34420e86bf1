/** The report on an uploaded activity file (decision 0046): every row's outcome by its line number, the counts, and the refused rows as CSV. */
import { spreadsheetCsv } from '../../lib/spreadsheet-csv.ts';
import type { ParsedRow } from './activity-csv-row.rules.ts';
import { REJECTION_REASONS, type RejectionReasonCode } from './activity-line.rules.ts';
import type { LineOutcome, SubmissionReport } from './activity-submission.service.ts';

/** One row of the file and what became of it; `recorded` is false for a row already received or one that could not be stored as sent. */
export interface FileLineOutcome {
  lineNumber: number;
  lineId: string | null;
  outcome: 'accepted' | 'refused' | 'already-received';
  recorded: boolean;
  reasonCode?: RejectionReasonCode;
  reason?: string;
  /** What could not be read in the row, for a row refused as `invalid-line` by the file reader. */
  detail?: string;
  pricePence?: number | null;
}

export interface FileReport {
  submissionId: string;
  fileName: string | null;
  received: number;
  accepted: number;
  refused: number;
  alreadyReceived: number;
  /** Refused rows that were only reported, not stored (no usable line id, a value too long, kind and reversed line at odds). */
  notRecorded: number;
  lines: FileLineOutcome[];
}

const INVALID: RejectionReasonCode = 'invalid-line';

/** Joins the file's rows with what recording decided for its lines: the rows that were only reported are refused as `invalid-line`. */
export function fileReportOf(rows: readonly ParsedRow[], report: SubmissionReport, fileName: string | null): FileReport {
  const decided = new Map(report.lines.map((line) => [line.lineId, line]));
  const lines = rows.map((row): FileLineOutcome => {
    if (!row.storable)
      return {
        ...refusedAs(INVALID),
        lineNumber: row.lineNumber,
        lineId: row.lineId,
        outcome: 'refused',
        recorded: false,
        detail: row.problem,
      };
    return { lineNumber: row.lineNumber, lineId: row.line.lineId, ...outcomeOf(decided.get(row.line.lineId)!), ...detailOf(row.problem) };
  });
  const count = (outcome: FileLineOutcome['outcome']) => lines.filter((line) => line.outcome === outcome).length;
  return {
    submissionId: report.submissionId,
    fileName,
    received: lines.length,
    accepted: count('accepted'),
    refused: count('refused'),
    alreadyReceived: count('already-received'),
    notRecorded: lines.filter((line) => line.outcome === 'refused' && !line.recorded).length,
    lines,
  };
}

function refusedAs(code: RejectionReasonCode): { reasonCode: RejectionReasonCode; reason: string } {
  return { reasonCode: code, reason: REJECTION_REASONS[code].label };
}

const detailOf = (problem: string | undefined) => (problem ? { detail: problem } : {});

function outcomeOf(line: LineOutcome): Omit<FileLineOutcome, 'lineNumber' | 'lineId'> {
  if (line.outcome === 'accepted') return { outcome: 'accepted', recorded: true, pricePence: line.pricePence };
  if (line.outcome === 'refused') return { outcome: 'refused', recorded: true, ...refusedAs(line.reasonCode) };
  return { outcome: 'already-received', recorded: false, pricePence: line.pricePence };
}

/** The rows refused or unreadable, in line order: the table and the CSV report show these. */
export function refusedRows(report: FileReport): FileLineOutcome[] {
  return report.lines.filter((line) => line.outcome === 'refused');
}

/** The refused rows as a CSV report a provider can fix the file from: line number, line id, reason code and label, and what was unreadable. */
export function fileReportCsv(report: FileReport): string {
  const header = ['Line', 'Line id', 'Reason code', 'Reason', 'Detail', 'Recorded'];
  const rows = refusedRows(report).map((line) => [
    String(line.lineNumber),
    line.lineId ?? '',
    line.reasonCode ?? '',
    line.reason ?? '',
    line.detail ?? '',
    line.recorded ? 'yes' : 'no, not stored',
  ]);
  return spreadsheetCsv([header, ...rows]);
}
