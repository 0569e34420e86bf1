/** Calendar months (YYYY-MM) as payments use them: a statement's month, the month a run closes, the NHS financial year (April–March). */

/** A calendar month written YYYY-MM. */
export const MONTH_PATTERN = '^[0-9]{4}-(0[1-9]|1[0-2])$';

/** True for a month written YYYY-MM. */
export function isMonth(text: string): boolean {
  return new RegExp(MONTH_PATTERN).test(text);
}

/** The first day of the month after `month`, to read [month-01, next) by activity date. */
export function monthAfter(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return monthNumber === 12 ? `${year + 1}-01-01` : `${year}-${String(monthNumber + 1).padStart(2, '0')}-01`;
}

/** The month before the one containing an ISO date: the month a daily run closes. */
export function monthBefore(isoDate: string): string {
  const [year, monthNumber] = isoDate.split('-').map(Number) as [number, number];
  return monthNumber === 1 ? `${year - 1}-12` : `${year}-${String(monthNumber - 1).padStart(2, '0')}`;
}

/** The NHS financial year a month falls in, written like 2026-27 (April to March). */
export function financialYearOf(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const start = monthNumber >= 4 ? year : year - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/** The month's number in its financial year, April being 1 (ACM's FINANCIAL MONTH). */
export function financialMonthOf(month: string): number {
  const monthNumber = Number(month.slice(5, 7));
  return monthNumber >= 4 ? monthNumber - 3 : monthNumber + 9;
}
