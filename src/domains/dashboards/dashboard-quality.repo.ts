/** Stored KPI results and Friends and Family Test answers for the dashboards (migration 0024; decision 0058). */
import { type ExpressionBuilder, sql } from 'kysely';
import type { Executor } from '../../db/executor.ts';
import type { Database } from '../../db/schema.ts';
import type { DashboardRange } from './dashboard-referrals.repo.ts';
import type { DashboardScope } from './dashboard-scope.ts';

export interface StoredKpiResult {
  offerId: string;
  providerId: string;
  providerName: string;
  serviceCode: string;
  serviceName: string;
  kpiCode: string;
  kpiName: string;
  endMonth: string;
  thresholdPercent: number;
  direction: string;
  numerator: number;
  denominator: number;
  percentTenths: number | null;
  status: string;
}

export interface MonthlyAnswers {
  month: string;
  answer: string;
  responses: number;
}

type Results = ExpressionBuilder<Database & { k: Database['kpi_results'] }, 'k'>;

function resultsInScope(eb: Results, scope: DashboardScope) {
  if (scope.kind === 'provider') return eb('k.provider_organisation_id', '=', scope.providerId);
  if (scope.kind === 'national') return eb.lit(true);
  const places = eb
    .selectFrom('organisations')
    .select('id')
    .where((inner) => inner.or([inner('id', '=', scope.commissionerId), inner('parent_id', '=', scope.commissionerId)]));
  return eb('k.commissioner_organisation_id', 'in', places);
}

function resultsBetween(db: Executor, scope: DashboardScope, fromMonth: string, toMonth: string, serviceCode: string | null) {
  return db
    .selectFrom('kpi_results as k')
    .innerJoin('services as s', 's.id', 'k.service_id')
    .innerJoin('organisations as p', 'p.id', 'k.provider_organisation_id')
    .select([
      'k.offer_id as offerId',
      'p.id as providerId',
      'p.name as providerName',
      's.code as serviceCode',
      's.name as serviceName',
      'k.kpi_code as kpiCode',
      'k.kpi_name as kpiName',
      'k.end_month as endMonth',
      'k.threshold_percent as thresholdPercent',
      'k.direction',
      'k.numerator',
      'k.denominator',
      'k.percent_tenths as percentTenths',
      'k.status',
    ])
    .where((eb) => resultsInScope(eb, scope))
    .where('k.end_month', '>=', fromMonth)
    .where('k.end_month', '<=', toMonth)
    .$if(serviceCode !== null, (query) => query.where('s.code', '=', serviceCode!));
}

/** The latest result in the period of each KPI of each provider on each offer: its status today, as far as the period goes. */
export async function latestKpiResults(
  db: Executor,
  scope: DashboardScope,
  fromMonth: string,
  toMonth: string,
  serviceCode: string | null,
): Promise<StoredKpiResult[]> {
  const rows = await resultsBetween(db, scope, fromMonth, toMonth, serviceCode)
    .distinctOn(['k.offer_id', 'k.provider_organisation_id', 'k.kpi_code'])
    .orderBy('k.offer_id')
    .orderBy('k.provider_organisation_id')
    .orderBy('k.kpi_code')
    .orderBy('k.end_month', 'desc')
    .execute();
  return rows.sort((a, b) => a.providerName.localeCompare(b.providerName) || a.kpiName.localeCompare(b.kpiName));
}

/** Every result in the period, oldest month first: a KPI's trend. */
export async function kpiResultsByMonth(
  db: Executor,
  scope: DashboardScope,
  fromMonth: string,
  toMonth: string,
  serviceCode: string | null,
): Promise<StoredKpiResult[]> {
  return resultsBetween(db, scope, fromMonth, toMonth, serviceCode).orderBy('k.end_month').orderBy('k.kpi_name').execute();
}

/** A provider's Friends and Family Test answers in the period, counted by month answered and answer. */
export async function answersByMonth(db: Executor, providerId: string, range: DashboardRange): Promise<MonthlyAnswers[]> {
  const month = sql<string>`to_char(a.answered_on, 'YYYY-MM')`;
  const rows = await db
    .selectFrom('feedback_responses as a')
    .innerJoin('offers as f', 'f.id', 'a.offer_id')
    .innerJoin('services as s', 's.id', 'f.service_id')
    .select([month.as('month'), 'a.answer'])
    .select((eb) => eb.fn.countAll<string>().as('responses'))
    .where('a.provider_organisation_id', '=', providerId)
    .where('a.answered_on', '>=', range.fromDate)
    .where('a.answered_on', '<=', range.toDate)
    .$if(range.serviceCode !== null, (query) => query.where('s.code', '=', range.serviceCode!))
    .groupBy([month, 'a.answer'])
    .orderBy('month')
    .execute();
  return rows.map((row) => ({ ...row, responses: Number(row.responses) }));
}
