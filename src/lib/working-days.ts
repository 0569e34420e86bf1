/** Working days in England: Monday to Friday except English bank holidays (gov.uk/bank-holidays), listed as data for 2011–2030. */

/** England and Wales bank holidays by year (MM-DD), including the substitute days and the one-off holidays of 2011, 2012, 2022 and 2023. */
const BANK_HOLIDAYS: Record<number, readonly string[]> = {
  2011: ['01-03', '04-22', '04-25', '04-29', '05-02', '05-30', '08-29', '12-26', '12-27'],
  2012: ['01-02', '04-06', '04-09', '05-07', '06-04', '06-05', '08-27', '12-25', '12-26'],
  2013: ['01-01', '03-29', '04-01', '05-06', '05-27', '08-26', '12-25', '12-26'],
  2014: ['01-01', '04-18', '04-21', '05-05', '05-26', '08-25', '12-25', '12-26'],
  2015: ['01-01', '04-03', '04-06', '05-04', '05-25', '08-31', '12-25', '12-28'],
  2016: ['01-01', '03-25', '03-28', '05-02', '05-30', '08-29', '12-26', '12-27'],
  2017: ['01-02', '04-14', '04-17', '05-01', '05-29', '08-28', '12-25', '12-26'],
  2018: ['01-01', '03-30', '04-02', '05-07', '05-28', '08-27', '12-25', '12-26'],
  2019: ['01-01', '04-19', '04-22', '05-06', '05-27', '08-26', '12-25', '12-26'],
  2020: ['01-01', '04-10', '04-13', '05-08', '05-25', '08-31', '12-25', '12-28'],
  2021: ['01-01', '04-02', '04-05', '05-03', '05-31', '08-30', '12-27', '12-28'],
  2022: ['01-03', '04-15', '04-18', '05-02', '06-02', '06-03', '08-29', '09-19', '12-26', '12-27'],
  2023: ['01-02', '04-07', '04-10', '05-01', '05-08', '05-29', '08-28', '12-25', '12-26'],
  2024: ['01-01', '03-29', '04-01', '05-06', '05-27', '08-26', '12-25', '12-26'],
  2025: ['01-01', '04-18', '04-21', '05-05', '05-26', '08-25', '12-25', '12-26'],
  2026: ['01-01', '04-03', '04-06', '05-04', '05-25', '08-31', '12-25', '12-28'],
  2027: ['01-01', '03-26', '03-29', '05-03', '05-31', '08-30', '12-27', '12-28'],
  2028: ['01-03', '04-14', '04-17', '05-01', '05-29', '08-28', '12-25', '12-26'],
  2029: ['01-01', '03-30', '04-02', '05-07', '05-28', '08-27', '12-25', '12-26'],
  2030: ['01-01', '04-19', '04-22', '05-06', '05-27', '08-26', '12-25', '12-26'],
};

const HOLIDAYS = new Set(Object.entries(BANK_HOLIDAYS).flatMap(([year, days]) => days.map((day) => `${year}-${day}`)));

/** The years the holiday data covers; outside them only weekends are excluded. */
export const BANK_HOLIDAY_YEARS = { first: 2011, last: 2030 } as const;

/** True for an English bank holiday (within the years covered). */
export function isBankHoliday(isoDate: string): boolean {
  return HOLIDAYS.has(isoDate);
}

/** True for a weekday that is not a bank holiday. */
export function isWorkingDay(isoDate: string): boolean {
  const weekday = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !isBankHoliday(isoDate);
}

/** The ISO date a number of calendar days after another. */
export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const DAY_MS = 86_400_000;
/** Days since 1970-01-05, a Monday, so a day's place in its week is its number modulo 7 (0 is Monday). */
const mondayNumber = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS - 4;
/** The bank holidays that fall on weekdays, by day number, in order: each is a weekday that is not a working day. */
const WEEKDAY_HOLIDAYS = [...HOLIDAYS]
  .map(mondayNumber)
  .filter((day) => ((day % 7) + 7) % 7 < 5)
  .sort((a, b) => a - b);

/** How many weekday bank holidays fall on or before a day number (binary search). */
function holidaysThrough(day: number): number {
  let low = 0;
  let high = WEEKDAY_HOLIDAYS.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (WEEKDAY_HOLIDAYS[middle]! <= day) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Ordinals already worked out, by date: a year of referrals names a few hundred dates thousands of times. */
const ORDINALS = new Map<string, number>();
const MEMO_LIMIT = 20_000;

/**
 * A working day's number in a count of working days from a fixed Monday (a day off carries the number of the working day
 * before it), so the working days between two dates are a subtraction: five per whole week, the weekdays of the last part
 * week, less the weekday bank holidays passed. Arithmetic, not a loop over the days between.
 */
export function workingDayOrdinal(isoDate: string): number {
  const known = ORDINALS.get(isoDate);
  if (known !== undefined) return known;
  const day = mondayNumber(isoDate);
  const weeks = Math.floor(day / 7);
  const ordinal = weeks * 5 + Math.min(day - weeks * 7 + 1, 5) - holidaysThrough(day);
  if (ORDINALS.size >= MEMO_LIMIT) ORDINALS.clear();
  ORDINALS.set(isoDate, ordinal);
  return ordinal;
}

/** The working days after `from` up to and including `to` (0 when `to` is not after `from`); the day something arrives does not count. */
export function workingDaysBetween(from: string, to: string, skip?: (isoDate: string) => boolean): number {
  if (!skip && Number.isFinite(mondayNumber(from)) && Number.isFinite(mondayNumber(to)))
    return to > from ? workingDayOrdinal(to) - workingDayOrdinal(from) : 0;
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (isWorkingDay(day) && !skip?.(day)) count += 1;
  return count;
}

/** The nth working day after a date (the day itself does not count), as workingDaysBetween counts: a deadline in working days. */
export function workingDayAfter(isoDate: string, workingDays: number): string {
  let day = isoDate;
  for (let counted = 0; counted < workingDays;) {
    day = addDays(day, 1);
    if (isWorkingDay(day)) counted += 1;
  }
  return day;
}
