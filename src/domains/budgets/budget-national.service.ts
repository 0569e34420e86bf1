/** National totals of budgets by service across commissioners (issue #14 item 8): national users see aggregates only, no commissioner or provider detail. */
import { DomainError, validationFailed } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import type { ActionContext } from '../identity/principal.ts';
import { percentOfPlan } from './budget-alert.rules.ts';
import { figuresOf } from './budget-figures.service.ts';
import { plansWithLatestVersion } from './budget-plan.repo.ts';
import { financialYearOf, isFinancialYear } from './financial-year.rules.ts';

export interface ServiceTotals {
  serviceCode: string;
  serviceName: string;
  commissioners: number;
  planPence: number;
  actualToDatePence: number;
  committedPence: number;
  forecastPence: number;
  percentOfPlan: number;
}

/** Plans, actuals, committed spend and forecasts added up by service for a financial year (this one unless asked), for national users only. */
export async function nationalBudgetTotals(
  deps: Deps,
  context: ActionContext,
  asked?: string,
): Promise<{ financialYear: string; services: ServiceTotals[] }> {
  if (context.principal?.role !== 'national-admin') throw new DomainError('forbidden', 'Only national users see national budget totals');
  const today = deps.clock.today();
  const financialYear = asked?.trim() || financialYearOf(today);
  if (!isFinancialYear(financialYear))
    throw validationFailed([{ field: 'year', message: 'Enter the financial year as April’s year and the next, like 2026-27' }]);
  const totals = new Map<string, ServiceTotals>();
  for (const plan of await plansWithLatestVersion(deps.db, { financialYear })) {
    const { forecast } = await figuresOf(deps.db, plan, today);
    const row = totals.get(plan.serviceCode) ?? {
      serviceCode: plan.serviceCode,
      serviceName: plan.serviceName,
      commissioners: 0,
      planPence: 0,
      actualToDatePence: 0,
      committedPence: 0,
      forecastPence: 0,
      percentOfPlan: 0,
    };
    row.commissioners += 1;
    row.planPence += plan.amountPence;
    row.actualToDatePence += forecast.actualToDatePence;
    row.committedPence += forecast.committedCountedPence;
    row.forecastPence += forecast.forecastPence;
    row.percentOfPlan = percentOfPlan(row.forecastPence, row.planPence);
    totals.set(plan.serviceCode, row);
  }
  return { financialYear, services: [...totals.values()].sort((a, b) => a.serviceName.localeCompare(b.serviceName)) };
}
