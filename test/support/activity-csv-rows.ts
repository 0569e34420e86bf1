/** Test builders for activity-line CSV files: rows in the template's column order, and a file of them under the template's headings. */
import { ACTIVITY_CSV_HEADINGS } from '../../src/domains/payments/activity-csv-format.rules.ts';

/** One back and neck pain session row (line id, referral, currency, date, attendance, band, kind, reverses), with any values replaced. */
export function aSessionRow(
  lineId: string,
  referralReference: string,
  overrides: Partial<Record<'date' | 'attendance' | 'currency', string>> = {},
) {
  return [
    lineId,
    referralReference,
    overrides.currency ?? 'session',
    overrides.date ?? '2027-02-01',
    overrides.attendance ?? '5',
    'STANDARD',
    '',
    '',
  ].join(',');
}

/** A CSV file as a spreadsheet saves it: a UTF-8 BOM, the template's headings, CRLF line ends. */
export function aCsvFile(rows: readonly string[]): string {
  return `\uFEFF${ACTIVITY_CSV_HEADINGS}\r\n${rows.join('\r\n')}\r\n`;
}

/** Eight sessions (1 to 8 February 2027) for each referral, in referral order: the cap of the back and neck pain pack, so all are payable. */
export function eightSessionsEach(prefix: string, ubrns: readonly string[]): string[] {
  return ubrns.flatMap((ubrn, referral) =>
    Array.from({ length: 8 }, (_, day) => aSessionRow(`${prefix}-${referral}-${day + 1}`, ubrn, { date: `2027-02-0${day + 1}` })),
  );
}
