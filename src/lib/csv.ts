/** CSV for spreadsheets and finance systems: RFC 4180 with CRLF, a UTF-8 byte order mark, and no text cell that a spreadsheet would run as a formula. */
import { stringify } from 'csv-stringify/sync';

/** Characters a spreadsheet reads as the start of a formula (OWASP CSV injection), including the tab and carriage return that hide one. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell that a spreadsheet shows as text: one starting like a formula gets a leading apostrophe. */
export function spreadsheetSafe(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** A CSV document with a byte order mark (so spreadsheets read UTF-8): text cells made safe, numbers written as they are. */
export function csvDocument(header: readonly string[], records: readonly (readonly (string | number)[])[]): string {
  const safe = records.map((record) => record.map((cell) => (typeof cell === 'number' ? String(cell) : spreadsheetSafe(cell))));
  return `\ufeff${stringify([header as string[], ...safe], { record_delimiter: '\r\n' })}`;
}
