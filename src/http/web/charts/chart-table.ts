/** The table every chart is paired with, and its CSV download: the same columns and the same words, so the file and the page never disagree (decision 0058). */
import { csvDocument } from '../../../lib/csv.ts';

export interface TableCell {
  text: string;
  /** The list behind the figure, where there is one (the referrals, the plan, the listing). */
  href?: string;
  numeric?: boolean;
}

export interface ChartTable {
  caption: string;
  head: { text: string; numeric?: boolean }[];
  rows: TableCell[][];
}

/** The table as CSV with a UTF-8 byte order mark (so spreadsheets read "£" and "–"), CRLF line ends and a header row. */
export function tableCsv(table: ChartTable): string {
  return csvDocument(
    table.head.map((column) => column.text),
    table.rows.map((row) => row.map((cell) => cell.text)),
  );
}

/** A whole number as the tables print it: "1,234". */
export function countText(value: number): string {
  return value.toLocaleString('en-GB');
}

/** A share in whole percent of a total: "42%", and "0%" of nothing. */
export function shareText(part: number, whole: number): string {
  return `${whole ? Math.round((part * 100) / whole) : 0}%`;
}

/** Tenths of a percent as printed: 805 → "80.5%"; null → "Nothing counted". */
export function tenthsText(tenths: number | null): string {
  return tenths === null ? 'Nothing counted' : `${(tenths / 10).toFixed(1)}%`;
}
