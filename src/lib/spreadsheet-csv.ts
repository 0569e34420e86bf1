/** CSV files people open in spreadsheets (RFC 4180: CRLF line ends, quotes where needed), where no cell can start a formula. */
import { stringify } from 'csv-stringify/sync';

/** Characters a spreadsheet reads as the start of a formula (OWASP CSV injection), including the tab and carriage return that hide one. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Rows as CSV text, each cell that starts like a formula given a leading apostrophe so a spreadsheet shows it as text. */
export function spreadsheetCsv(rows: readonly (readonly string[])[]): string {
  const safe = rows.map((row) => row.map((cell) => (FORMULA_START.test(cell) ? `'${cell}` : cell)));
  return stringify(safe, { record_delimiter: '\r\n', quoted_match: /[",\r\n]/ });
}
