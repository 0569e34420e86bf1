/** The checked filter every dashboard starts from, with the services to choose from (decision 0058). */
import { servicesToBudget } from '../budgets/budget.service.ts';
import type { Deps } from '../deps.ts';
import { checkDashboardFilter, type DashboardFilter, type DashboardFilterInput } from './dashboard-filter.rules.ts';
import type { DashboardRange } from './dashboard-referrals.repo.ts';

export interface ServiceChoice {
  code: string;
  name: string;
}

export interface FilteredDashboard {
  filter: DashboardFilter;
  services: ServiceChoice[];
}

/** Checks the filter against today and the services in use; a bad field is a validation error for the form or the API. */
export async function dashboardFilterOf(deps: Deps, input: DashboardFilterInput): Promise<FilteredDashboard> {
  const services = await servicesToBudget(deps);
  const filter = checkDashboardFilter(
    input,
    deps.clock.today(),
    services.map((service) => service.code),
  );
  return { filter, services };
}

/** The filter as the repositories take it. */
export function rangeOf(filter: DashboardFilter): DashboardRange {
  return { fromDate: filter.fromDate, toDate: filter.toDate, serviceCode: filter.serviceCode };
}
