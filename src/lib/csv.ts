/** CSV for spreadsheets and finance systems, written one way everywhere (decision 0067): RFC 4180 with CRLF, a UTF-8 byte order mark, and no text cell that a spreadsheet would run as a formula. */
import { stringify } from 'csv-stringify/sync';

/** The byte order mark that makes Excel read a CSV file as UTF-8 (so "£", "–" and accented names survive). */
export const UTF8_BOM = '\ufeff';

/** Characters a spreadsheet reads as the start of a formula (OWASP CSV injection), including the tab and carriage return that hide one. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell that a spreadsheet shows as text: one starting like a formula gets a leading apostrophe (a number passed as a number is written as it is). */
export function spreadsheetSafe(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Records as CSV text without a byte order mark (for one batch of a streamed file): text cells made safe, numbers written as they are. */
export function csvRecordsText(records: readonly (readonly (string | number)[])[]): string {
  const safe = records.map((record) => record.map((cell) => (typeof cell === 'number' ? String(cell) : spreadsheetSafe(cell))));
  return stringify(safe, { record_delimiter: '\r\n', quoted_match: /[",\r\n]/ });
}

/** A CSV document with a byte order mark (so spreadsheets read UTF-8): a header row, then the records, text cells made safe. */
export function csvDocument(header: readonly string[], records: readonly (readonly (string | number)[])[]): string {
  return `${UTF8_BOM}${csvRecordsText([header, ...records])}`;
}
