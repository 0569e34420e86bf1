/** NHS financial quarters (Q1 is April to June) and when a quarter's quality return is due and late (issue #15 item 4; decision 0055). */
import { MONTH_NAMES } from '../budgets/financial-year.rules.ts';
import { addDays, workingDayAfter } from '../../lib/working-days.ts';

/** Working days after a quarter ends by which its return is due, unless the deployment sets another (UNCONFIRMED: our reading of quarterly contract reporting, decision 0055). */
export const DEFAULT_RETURN_DUE_WORKING_DAYS = 15;
/** The most recent quarters a provider is shown for each listing. */
export const QUARTERS_SHOWN = 8;

const QUARTER = /^(\d{4})-(\d{2})-Q([1-4])$/;

/** True for a real quarter code, "2026-27-Q1", never "2026-28-Q1". */
export function isQuarter(code: string): boolean {
  const match = QUARTER.exec(code);
  return !!match && Number(match[2]) === (Number(match[1]) + 1) % 100;
}

/** The quarter a date falls in: 15 May 2026 is "2026-27-Q1", 15 February 2027 is "2026-27-Q4". */
export function quarterOf(isoDate: string): string {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  const start = month >= 4 ? year : year - 1;
  const quarter = Math.floor(((month + 8) % 12) / 3);
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}-Q${quarter + 1}`;
}

/** The first and last day of a quarter. */
export function quarterBounds(code: string): { from: string; to: string } {
  const [, startYear, , number] = QUARTER.exec(code)!;
  const firstMonth = 4 + (Number(number) - 1) * 3;
  const year = Number(startYear) + (firstMonth > 12 ? 1 : 0);
  const month = ((firstMonth - 1) % 12) + 1;
  const from = `${year}-${String(month).padStart(2, '0')}-01`;
  const next = month + 3 > 12 ? `${year + 1}-${String(month - 9).padStart(2, '0')}-01` : `${year}-${String(month + 3).padStart(2, '0')}-01`;
  return { from, to: addDays(next, -1) };
}

/** A quarter in words: "Q1 2026-27 (April to June 2026)". */
export function quarterLabel(code: string): string {
  const { from, to } = quarterBounds(code);
  const monthName = (date: string) => MONTH_NAMES[(Number(date.slice(5, 7)) + 8) % 12];
  return `${code.slice(8)} ${code.slice(0, 7)} (${monthName(from)} to ${monthName(to)} ${to.slice(0, 4)})`;
}

/** The day a quarter's return is due: the given number of working days after the quarter ends (bank holidays honoured). */
export function returnDueOn(code: string, workingDays: number): string {
  return workingDayAfter(quarterBounds(code).to, workingDays);
}

/** The quarters that have ended by `today` and overlap the contract, newest first, at most QUARTERS_SHOWN. */
export function quartersToReturn(contract: { start: string | null; end: string | null }, today: string): string[] {
  if (!contract.start) return [];
  const quarters: string[] = [];
  for (let day = addDays(quarterBounds(quarterOf(today)).from, -1); quarters.length < QUARTERS_SHOWN;) {
    const quarter = quarterOf(day);
    const { from, to } = quarterBounds(quarter);
    if (to < contract.start) break;
    if (!contract.end || from <= contract.end) quarters.push(quarter);
    day = addDays(from, -1);
  }
  return quarters;
}

/** Where one quarter's return stands: not submitted and still due, overdue, submitted by the due day, or submitted late. */
export type ReturnStanding = 'due' | 'overdue' | 'submitted' | 'submitted-late';

/** The standing of a return on `today`; late is flagged both when it came after the due day and when it is overdue. */
export function returnStanding(facts: { dueOn: string; submittedOn: string | null; today: string }): ReturnStanding {
  if (facts.submittedOn) return facts.submittedOn > facts.dueOn ? 'submitted-late' : 'submitted';
  return facts.today > facts.dueOn ? 'overdue' : 'due';
}

/** True for a late return: submitted after its due day, or not submitted and overdue. */
export function isLate(standing: ReturnStanding): boolean {
  return standing === 'overdue' || standing === 'submitted-late';
}

/** Decision 0055: a return may be submitted again until its due day; after the due day a submitted return is final. */
export function mayResubmit(facts: { dueOn: string; today: string }): boolean {
  return facts.today <= facts.dueOn;
}
