/**
 * Reading an activity-line CSV file (decision 0046): a whole-file problem (not a CSV, wrong headings, too many lines) refuses the file;
 * every other unreadable row is reported by its line number in the file (the headings are line 1), and kept as a line when it can be.
 */
import { parse } from 'csv-parse/sync';
import { describeSize, type UploadedFile } from '../providers/document-type.rules.ts';
import { ACTIVITY_CSV_COLUMNS, ACTIVITY_CSV_HEADINGS, headingKey, MAX_FILE_BYTES, MAX_FILE_LINES } from './activity-csv-format.rules.ts';
import { readRow, type ParsedRow } from './activity-csv-row.rules.ts';

export type { ParsedRow } from './activity-csv-row.rules.ts';

/** The rows of a readable file, or why the whole file is refused (shown next to the file field). */
export type ParsedFile = { ok: true; rows: ParsedRow[] } | { ok: false; problem: string };

const refuse = (problem: string): ParsedFile => ({ ok: false, problem });

/** Checks an uploaded file is a CSV within the limits, then reads it; `named` asks for a .csv file name (the page; the API has its content type). */
export function readActivityFile(file: UploadedFile, named: boolean): ParsedFile {
  if (file.truncated || file.content.length > MAX_FILE_BYTES)
    return refuse(`The selected file must be smaller than ${describeSize(MAX_FILE_BYTES)}`);
  if (file.content.length === 0) return refuse('The selected file is empty');
  if (named && !/\.csv$/i.test(file.fileName.trim())) return refuse('The selected file must be a CSV file');
  if (!isUtf8Text(file.content)) return refuse('The selected file must be a CSV file saved as UTF-8 (in Excel: Save as, then CSV UTF-8)');
  return parseActivityCsv(file.content);
}

/** True for UTF-8 text without NUL bytes: a spreadsheet workbook or an image is not. */
function isUtf8Text(content: Uint8Array): boolean {
  if (content.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(content);
    return true;
  } catch {
    return false;
  }
}

interface RawRecord {
  record: string[];
  info: { bytes: number };
}

/** Parses the file's text (a UTF-8 BOM, CRLF or LF line ends, quoted values with commas, quotes and line breaks) into rows by line number. */
export function parseActivityCsv(content: Uint8Array): ParsedFile {
  const buffer = Buffer.from(content);
  let records: RawRecord[];
  try {
    records = parse(buffer, { bom: true, info: true, relax_column_count: true, relax_quotes: true, trim: true }) as unknown as RawRecord[];
  } catch (error) {
    return refuse(unparseable(buffer, error));
  }
  const lines = new LineCounter(buffer);
  const numbered = records.map((raw, index) => ({
    lineNumber: lines.lineAt(index === 0 ? 0 : records[index - 1]!.info.bytes),
    values: withoutTrailingBlanks(raw.record),
  }));
  const [headings, ...rows] = numbered;
  if (!headings || !hasTemplateHeadings(headings.values))
    return refuse(`The first line must be the column headings from the template: ${ACTIVITY_CSV_HEADINGS}`);
  const data = rows.filter((row) => row.values.length > 0);
  if (data.length === 0) return refuse('The file has no activity lines below its column headings');
  if (data.length > MAX_FILE_LINES)
    return refuse(
      `The file has ${data.length.toLocaleString('en-GB')} activity lines: upload at most ${MAX_FILE_LINES.toLocaleString('en-GB')} in one file`,
    );
  const firstSeen = new Map<string, number>();
  return { ok: true, rows: data.map((row) => readRow(row.values, row.lineNumber, firstSeen)) };
}

/** Why the parser stopped: only a quoted value that is never closed stops it (stray quotes are read as they are). */
function unparseable(buffer: Buffer, error: unknown): string {
  const bytes = (error as { bytes?: number }).bytes;
  const line = typeof bytes === 'number' ? new LineCounter(buffer).lineAt(Math.max(0, bytes - 1)) : undefined;
  const where = line ? `Line ${line}` : 'A line';
  return `${where} has a quotation mark that is never closed, so the file cannot be read from there: remove it, or close the quoted value`;
}

/** The headings, compared loosely; the optional columns may not be left out of the headings, only out of the rows. */
function hasTemplateHeadings(values: readonly string[]): boolean {
  return (
    values.length === ACTIVITY_CSV_COLUMNS.length &&
    ACTIVITY_CSV_COLUMNS.every((column, index) => headingKey(values[index] ?? '') === headingKey(column.heading))
  );
}

/** A row without the empty cells a spreadsheet leaves after the last column; a blank line (every value empty) has no values at all. */
function withoutTrailingBlanks(values: readonly string[]): string[] {
  if (values.every((value) => value === '')) return [];
  let end = values.length;
  while (end > ACTIVITY_CSV_COLUMNS.length && values[end - 1] === '') end -= 1;
  return values.slice(0, end);
}

/** Line numbers from byte offsets: the line a record starts on is one more than the line breaks before it. */
class LineCounter {
  private offset = 0;
  private breaks = 0;

  constructor(private readonly buffer: Buffer) {}

  /** The line number of the byte at `offset`; offsets must not go backwards. */
  lineAt(offset: number): number {
    if (offset < this.offset) {
      this.offset = 0;
      this.breaks = 0;
    }
    for (; this.offset < offset && this.offset < this.buffer.length; this.offset += 1)
      if (this.buffer[this.offset] === 0x0a) this.breaks += 1;
    return this.breaks + 1;
  }
}
