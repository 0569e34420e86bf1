/** The national dashboard (issue #15 item 8): uptake over time, qualified providers per service, the sectors' shares and the KPI spread across providers. */
import type { Deps } from '../deps.ts';
import type { ActionContext } from '../identity/principal.ts';
import type { DashboardFilterInput } from './dashboard-filter.rules.ts';
import { dashboardFilterOf, type FilteredDashboard, rangeOf } from './dashboard-filter.service.ts';
import { type QualifiedProvider, qualifiedProviders, providerTypes } from './dashboard-national.repo.ts';
import { latestKpiResults, type StoredKpiResult } from './dashboard-quality.repo.ts';
import { type MonthlyReferrals, referralsByMonth } from './dashboard-referrals.repo.ts';
import { dashboardScopeOf } from './dashboard-scope.ts';

export interface NationalDashboard extends FilteredDashboard {
  referrals: MonthlyReferrals[];
  qualified: QualifiedProvider[];
  /** The sector of every provider that had referrals in the period (null: no profile, so not recorded). */
  sectors: Map<string, string | null>;
  kpis: StoredKpiResult[];
}

/** Figures across every commissioner and provider, for national users only. */
export async function nationalDashboard(deps: Deps, context: ActionContext, input: DashboardFilterInput): Promise<NationalDashboard> {
  const scope = dashboardScopeOf(context, 'national');
  const { filter, services } = await dashboardFilterOf(deps, input);
  const [referrals, qualified, kpis] = await Promise.all([
    referralsByMonth(deps.db, scope, rangeOf(filter)),
    qualifiedProviders(deps.db, filter.serviceCode),
    latestKpiResults(deps.db, scope, filter.months[0]!, filter.months[filter.months.length - 1]!, filter.serviceCode),
  ]);
  const sectors = await providerTypes(deps.db, [...new Set(referrals.map((row) => row.providerId))]);
  return { filter, services, referrals, qualified, sectors, kpis };
}
