/** The NHS financial year, April to March, named like "2026-27" (issue #14 item 7; decision 0048). */

/** A financial year's name: the April's year, a hyphen, and the last two digits of the next year. */
export const FINANCIAL_YEAR_PATTERN = '^[0-9]{4}-[0-9]{2}$';

/** The months of a financial year in order, April to March, as YYYY-MM. */
export const MONTH_NAMES = [
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
  'January',
  'February',
  'March',
];

/** True for a real financial year name: "2026-27", never "2026-28" or "2026-2027". */
export function isFinancialYear(name: string): boolean {
  if (!new RegExp(FINANCIAL_YEAR_PATTERN).test(name)) return false;
  const start = Number(name.slice(0, 4));
  return start >= 2000 && start <= 2099 && Number(name.slice(5)) === (start + 1) % 100;
}

/** The financial year a date (YYYY-MM-DD) or month (YYYY-MM) falls in: April 2026 to March 2027 is "2026-27". */
export function financialYearOf(date: string): string {
  const year = Number(date.slice(0, 4));
  const start = Number(date.slice(5, 7)) >= 4 ? year : year - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/** The twelve months of a financial year, April first, as YYYY-MM. */
export function monthsOf(financialYear: string): string[] {
  const start = Number(financialYear.slice(0, 4));
  return Array.from({ length: 12 }, (_, index) => {
    const month = ((index + 3) % 12) + 1;
    return `${index < 9 ? start : start + 1}-${String(month).padStart(2, '0')}`;
  });
}

/** The month `count` months before a month (YYYY-MM): one before 2027-01 is 2026-12. */
export function monthBefore(month: string, count = 1): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 - count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
