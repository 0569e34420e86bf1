/** The dashboards' filter (issue #15 item 8; decision 0058): a period of whole months — the last 12, a financial year or months chosen — and a service. */
import { type FieldError, validationFailed } from '../../lib/errors.ts';
import { financialYearOf, isFinancialYear, monthBefore, monthsOf } from '../budgets/financial-year.rules.ts';

export const DASHBOARD_PERIODS = ['last-12-months', 'financial-year', 'months'] as const;
export type DashboardPeriod = (typeof DASHBOARD_PERIODS)[number];

/** The longest period a dashboard shows, and how far back months can be chosen: three years. */
export const MAX_DASHBOARD_MONTHS = 36;

/** The filter as typed in the form or the API's query: every field optional text. */
export interface DashboardFilterInput {
  period?: string;
  year?: string;
  from?: string;
  to?: string;
  service?: string;
}

export interface DashboardFilter {
  period: DashboardPeriod;
  /** The months shown, oldest first, as YYYY-MM; the current month counts to date. */
  months: string[];
  /** First and last day of the period (the last day may be after today). */
  fromDate: string;
  toDate: string;
  /** The financial year the period ends in: the budget year shown. */
  financialYear: string;
  serviceCode: string | null;
}

const MONTH = /^[0-9]{4}-(0[1-9]|1[0-2])$/;

/** The months from one to another, inclusive. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let month = to; month >= from && months.length <= MAX_DASHBOARD_MONTHS; month = monthBefore(month)) months.unshift(month);
  return months;
}

/** The last day of a month (YYYY-MM). */
export function lastDayOf(month: string): string {
  const [year, number] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return `${month}-${String(new Date(Date.UTC(year, number, 0)).getUTCDate()).padStart(2, '0')}`;
}

function chosenMonths(input: DashboardFilterInput, thisMonth: string, errors: FieldError[]): string[] {
  const from = input.from?.trim() ?? '';
  const to = input.to?.trim() || thisMonth;
  if (!MONTH.test(from)) errors.push({ field: 'from', message: 'Choose the first month to show' });
  if (!MONTH.test(to)) errors.push({ field: 'to', message: 'Choose the last month to show' });
  if (errors.length) return [];
  if (to > thisMonth) errors.push({ field: 'to', message: 'The last month cannot be after this month' });
  else if (from > to) errors.push({ field: 'to', message: 'The last month must be the same as or after the first month' });
  else if (from < monthBefore(thisMonth, MAX_DASHBOARD_MONTHS - 1) || monthsBetween(from, to).length > MAX_DASHBOARD_MONTHS)
    errors.push({ field: 'from', message: `Choose months within the last ${MAX_DASHBOARD_MONTHS} months` });
  return errors.length ? [] : monthsBetween(from, to);
}

function periodMonths(period: DashboardPeriod, input: DashboardFilterInput, today: string, errors: FieldError[]): string[] {
  const thisMonth = today.slice(0, 7);
  if (period === 'last-12-months') return monthsBetween(monthBefore(thisMonth, 11), thisMonth);
  if (period === 'months') return chosenMonths(input, thisMonth, errors);
  const year = input.year?.trim() || financialYearOf(today);
  if (!isFinancialYear(year) || year > financialYearOf(today)) {
    errors.push({ field: 'year', message: 'Choose a financial year from the list' });
    return [];
  }
  return monthsOf(year);
}

/** Checks a filter against today, reporting every bad field at once; an empty filter is the last 12 months of every service. */
export function checkDashboardFilter(input: DashboardFilterInput, today: string, serviceCodes: readonly string[]): DashboardFilter {
  const errors: FieldError[] = [];
  const period = (input.period?.trim() || 'last-12-months') as DashboardPeriod;
  if (!DASHBOARD_PERIODS.includes(period)) errors.push({ field: 'period', message: 'Choose a period' });
  const months = DASHBOARD_PERIODS.includes(period) ? periodMonths(period, input, today, errors) : [];
  const serviceCode = input.service?.trim() || null;
  if (serviceCode && !serviceCodes.includes(serviceCode)) errors.push({ field: 'service', message: 'Choose a service from the list' });
  if (errors.length) throw validationFailed(errors);
  return {
    period,
    months,
    fromDate: `${months[0]!}-01`,
    toDate: lastDayOf(months[months.length - 1]!),
    financialYear: financialYearOf(months[months.length - 1]!),
    serviceCode,
  };
}

/** The months a person can choose from, newest first: this month and the 35 before it. */
export function monthChoices(today: string): string[] {
  return monthsBetween(monthBefore(today.slice(0, 7), MAX_DASHBOARD_MONTHS - 1), today.slice(0, 7)).reverse();
}

/** The financial years a person can choose from, newest first: this one and the two before it. */
export function financialYearChoices(today: string): string[] {
  const start = Number(financialYearOf(today).slice(0, 4));
  return [0, 1, 2].map((back) => financialYearOf(`${start - back}-04-01`));
}
