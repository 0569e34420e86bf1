/** The provider's dashboard (issue #15 item 8): its own KPIs and their trend, its patients' feedback and its referrals by month. */
import type { Deps } from '../deps.ts';
import type { ActionContext } from '../identity/principal.ts';
import { type FeedbackSummary, type FftAnswer, publicFeedback } from '../provider-quality/feedback.rules.ts';
import type { DashboardFilterInput } from './dashboard-filter.rules.ts';
import { dashboardFilterOf, type FilteredDashboard, rangeOf } from './dashboard-filter.service.ts';
import { answersByMonth, kpiResultsByMonth, type MonthlyAnswers, type StoredKpiResult } from './dashboard-quality.repo.ts';
import { type MonthlyReferrals, referralsByMonth } from './dashboard-referrals.repo.ts';
import { dashboardScopeOf } from './dashboard-scope.ts';

export interface ProviderDashboard extends FilteredDashboard {
  referrals: MonthlyReferrals[];
  /** Every stored result in the period, oldest month first. */
  kpiTrend: StoredKpiResult[];
  /** The provider sees every answer, however few (decision 0058); `published` is what the public sees for the same answers. */
  answers: MonthlyAnswers[];
  published: FeedbackSummary;
}

/** The signed-in provider's own figures for the period and service. */
export async function providerDashboard(deps: Deps, context: ActionContext, input: DashboardFilterInput): Promise<ProviderDashboard> {
  const scope = dashboardScopeOf(context, 'provider');
  const { filter, services } = await dashboardFilterOf(deps, input);
  const range = rangeOf(filter);
  const [referrals, kpiTrend, answers] = await Promise.all([
    referralsByMonth(deps.db, scope, range),
    kpiResultsByMonth(deps.db, scope, filter.months[0]!, filter.months[filter.months.length - 1]!, filter.serviceCode),
    answersByMonth(deps.db, scope.providerId, range),
  ]);
  const every = answers.flatMap((row) => Array.from({ length: row.responses }, () => row.answer as FftAnswer));
  return { filter, services, referrals, kpiTrend, answers, published: publicFeedback(every) };
}
