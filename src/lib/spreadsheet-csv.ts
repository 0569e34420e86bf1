/** CSV files people open in spreadsheets (RFC 4180: CRLF line ends, quotes where needed), where no cell can start a formula. */
import { csvRecordsText } from './csv.ts';

/** Rows as CSV text, each cell that starts like a formula given a leading apostrophe so a spreadsheet shows it as text. */
export function spreadsheetCsv(rows: readonly (readonly string[])[]): string {
  return csvRecordsText(rows);
}
