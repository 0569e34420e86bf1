/** The commissioner's dashboard (issue #15 item 8): referrals by month and provider, market share, waits, KPI status and spend against budget. */
import { workingDaysBetween } from '../../lib/working-days.ts';
import { spendAgainstPlansOf } from '../budgets/budget.service.ts';
import type { Deps } from '../deps.ts';
import type { ActionContext } from '../identity/principal.ts';
import { breachesFor } from '../provider-quality/breach-read.service.ts';
import { mayWorkBreaches } from '../provider-quality/breach-access.ts';
import type { BreachRecord } from '../provider-quality/breach.repo.ts';
import { median, MIN_REFERRALS_FOR_WAIT } from '../provider-quality/waits.rules.ts';
import type { DashboardFilterInput } from './dashboard-filter.rules.ts';
import { dashboardFilterOf, type FilteredDashboard, rangeOf } from './dashboard-filter.service.ts';
import { latestKpiResults, type StoredKpiResult } from './dashboard-quality.repo.ts';
import { type FirstAppointment, firstAppointments, type MonthlyReferrals, referralsByMonth } from './dashboard-referrals.repo.ts';
import { dashboardScopeOf } from './dashboard-scope.ts';

export interface ProviderWait {
  providerId: string;
  providerName: string;
  /** Median working days from sending to the first attended appointment; null under MIN_REFERRALS_FOR_WAIT patients. */
  medianWorkingDays: number | null;
  patients: number;
}

export interface BudgetLine {
  planId: string;
  serviceName: string;
  financialYear: string;
  planPence: number;
  actualToDatePence: number;
  forecastPence: number;
  percentOfPlan: number;
}

export interface CommissionerDashboard extends FilteredDashboard {
  referrals: MonthlyReferrals[];
  waits: ProviderWait[];
  kpis: StoredKpiResult[];
  /** The breaches open today on the commissioner's offers (of the service chosen), whatever the period; null for a role that does not work breaches (finance). */
  openBreaches: BreachRecord[] | null;
  budgets: BudgetLine[];
}

/** Each provider's median wait to first appointment over patients first seen in the period; small numbers say nothing, as on choice lists. */
export function waitsByProvider(seen: readonly FirstAppointment[]): ProviderWait[] {
  const byProvider = new Map<string, FirstAppointment[]>();
  for (const row of seen) {
    const rows = byProvider.get(row.providerId);
    if (rows) rows.push(row);
    else byProvider.set(row.providerId, [row]);
  }
  return [...byProvider.values()]
    .map((rows) => ({
      providerId: rows[0]!.providerId,
      providerName: rows[0]!.providerName,
      medianWorkingDays:
        rows.length < MIN_REFERRALS_FOR_WAIT ? null : median(rows.map((row) => workingDaysBetween(row.sentOn, row.seenOn))),
      patients: rows.length,
    }))
    .sort((a, b) => a.providerName.localeCompare(b.providerName));
}

/** The commissioner's own figures (with its places') for the period and service; spend is the plans of the financial year the period ends in. */
export async function commissionerDashboard(
  deps: Deps,
  context: ActionContext,
  input: DashboardFilterInput,
): Promise<CommissionerDashboard> {
  const scope = dashboardScopeOf(context, 'commissioner');
  const { filter, services } = await dashboardFilterOf(deps, input);
  const range = rangeOf(filter);
  const [referrals, seen, kpis, plans, breaches] = await Promise.all([
    referralsByMonth(deps.db, scope, range),
    firstAppointments(deps.db, scope, range),
    latestKpiResults(deps.db, scope, filter.months[0]!, filter.months[filter.months.length - 1]!, filter.serviceCode),
    spendAgainstPlansOf(deps, context, { financialYear: filter.financialYear, serviceCode: filter.serviceCode }),
    mayWorkBreaches(context.principal) ? breachesFor(deps, context, 'open') : null,
  ]);
  const openBreaches =
    breaches && breaches.filter((breach) => filter.serviceCode === null || breach.offer.serviceCode === filter.serviceCode);
  const budgets = plans.map((spend) => ({
    planId: spend.plan.id,
    serviceName: spend.plan.serviceName,
    financialYear: spend.plan.financialYear,
    planPence: spend.plan.amountPence,
    actualToDatePence: spend.forecast.actualToDatePence,
    forecastPence: spend.forecast.forecastPence,
    percentOfPlan: spend.percentOfPlan,
  }));
  return { filter, services, referrals, waits: waitsByProvider(seen), kpis, openBreaches, budgets };
}
