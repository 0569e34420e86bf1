/** The dashboards' filter form (GET, no JavaScript): period, financial year, months and service, read from the query and offered as choices. */
import { type DashboardFilterInput, financialYearChoices, monthChoices } from '../../../domains/dashboards/dashboard-filter.rules.ts';
import type { ServiceChoice } from '../../../domains/dashboards/dashboard-filter.service.ts';
import { field } from '../form.ts';
import { monthName } from './dashboard-figures.ts';

/** The filter as typed, from the query string. */
export function filterInputOf(query: unknown): Required<DashboardFilterInput> {
  return {
    period: field(query, 'period'),
    year: field(query, 'year'),
    from: field(query, 'from'),
    to: field(query, 'to'),
    service: field(query, 'service'),
  };
}

/** The same filter as a query string, for the CSV links; empty fields are left out. */
export function filterQueryOf(input: DashboardFilterInput): string {
  return new URLSearchParams(Object.entries(input).filter(([, value]) => value)).toString();
}

const option = (value: string, text: string, selected: string) => ({ value, text, selected: value === selected });

/** The form's radios and selects with what was chosen. */
export function filterFormModel(input: Required<DashboardFilterInput>, services: readonly ServiceChoice[], today: string) {
  const period = input.period || 'last-12-months';
  const months = monthChoices(today);
  return {
    periods: [
      { value: 'last-12-months', text: 'The last 12 months', checked: period === 'last-12-months' },
      { value: 'financial-year', text: 'A financial year', checked: period === 'financial-year' },
      { value: 'months', text: 'Months I choose', checked: period === 'months' },
    ],
    years: financialYearChoices(today).map((year) => option(year, year, input.year)),
    fromMonths: [option('', 'Choose a month', input.from), ...months.map((month) => option(month, monthName(month), input.from))],
    toMonths: [option('', 'This month', input.to), ...months.map((month) => option(month, monthName(month), input.to))],
    services: [option('', 'Every service', input.service), ...services.map((service) => option(service.code, service.name, input.service))],
  };
}
