/** Stored KPI results as their readers see them (issue #15 items 2 and 9, decision 0052): providers their own, commissioners their offers', national users all; the referrals behind a result for the provider and commissioner only. */
import { DomainError } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import type { ActionContext, Principal } from '../identity/principal.ts';
import { offerReference } from '../offers/offer.repo.ts';
import {
  countedReferralsSeenBy,
  countKpiResults,
  type KpiResultFilter,
  kpiResultRows,
  type KpiResultRow,
  type KpiResultScope,
} from './kpi-results-read.repo.ts';

export interface KpiResultView {
  id: string;
  offerId: string;
  offerReference: string;
  providerId: string;
  providerName: string;
  commissionerId: string;
  commissionerName: string;
  serviceCode: string;
  serviceName: string;
  kpiCode: string;
  kpiName: string;
  period: string;
  endMonth: string;
  periodFrom: string;
  periodTo: string;
  thresholdPercent: number;
  direction: string;
  minimumCount: number;
  numerator: number;
  denominator: number;
  /** The value in percent to one decimal place, or null when nothing was counted. */
  percent: number | null;
  status: string;
  computedAt: string;
}

export interface CountedReferral {
  position: number;
  ubrn: string;
  countedOn: string;
  met: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NATIONAL = new Set(['national-admin', 'regional-reviewer']);
const PROVIDERS = new Set(['provider-admin', 'provider-clinician']);
const COMMISSIONERS = new Set(['commissioner', 'commissioner-finance']);

/** Whose results this principal may see; anyone else is refused. */
function scopeOf(principal: Principal | null): KpiResultScope {
  if (principal && PROVIDERS.has(principal.role)) return { provider: principal.organisationId };
  if (principal && COMMISSIONERS.has(principal.role)) return { commissioner: principal.organisationId };
  if (principal && NATIONAL.has(principal.role)) return 'all';
  throw new DomainError('forbidden', 'KPI results are for providers, commissioners and national users');
}

function viewOf(row: KpiResultRow): KpiResultView {
  return {
    id: row.id,
    offerId: row.offer_id,
    offerReference: offerReference(row.offer_number),
    providerId: row.provider_organisation_id,
    providerName: row.provider_name,
    commissionerId: row.commissioner_organisation_id,
    commissionerName: row.commissioner_name,
    serviceCode: row.service_code,
    serviceName: row.service_name,
    kpiCode: row.kpi_code,
    kpiName: row.kpi_name,
    period: row.period,
    endMonth: row.end_month,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    thresholdPercent: row.threshold_percent,
    direction: row.direction,
    minimumCount: row.minimum_count,
    numerator: row.numerator,
    denominator: row.denominator,
    percent: row.percent_tenths === null ? null : row.percent_tenths / 10,
    status: row.status,
    computedAt: new Date(row.computed_at).toISOString(),
  };
}

/** The stored KPI results the reader may see, filtered by provider, offer, service and end month. */
export async function kpiResultsFor(deps: Deps, principal: Principal | null, filter: KpiResultFilter): Promise<KpiResultView[]> {
  const scope = scopeOf(principal);
  const ids = [filter.providerId, filter.offerId].filter(Boolean) as string[];
  if (ids.some((id) => !UUID.test(id))) return [];
  return (await kpiResultRows(deps.db, scope, filter)).map(viewOf);
}

/** One page of the stored KPI results the reader may see (as kpiResultsFor, in the same order), with how many there are in all. */
export async function kpiResultsPage(
  deps: Deps,
  principal: Principal | null,
  filter: KpiResultFilter,
  page: { limit: number; offset: number },
): Promise<{ results: KpiResultView[]; total: number }> {
  const scope = scopeOf(principal);
  const [rows, total] = await Promise.all([
    kpiResultRows(deps.db, scope, filter, page.limit, page.offset),
    countKpiResults(deps.db, scope, filter),
  ]);
  return { results: rows.map(viewOf), total };
}

/** One result with the referrals counted behind it (UBRN, counted date, met), for its provider and commissioner only; audited as a view. */
export async function countedReferralsOf(
  deps: Deps,
  context: ActionContext,
  resultId: string,
): Promise<{ result: KpiResultView; referrals: CountedReferral[] }> {
  const principal = context.principal;
  if (!principal || !(PROVIDERS.has(principal.role) || principal.role === 'commissioner'))
    throw new DomainError('forbidden', 'The referrals behind a KPI are for the provider and the commissioner only');
  const scope = scopeOf(principal);
  const seen = await deps.db
    .transaction()
    .execute(async (trx) => (UUID.test(resultId) ? countedReferralsSeenBy(trx, context, scope, resultId) : undefined));
  if (!seen) throw new DomainError('not-found', 'There is no such KPI result');
  return {
    result: viewOf(seen.result),
    referrals: seen.referrals.map((row) => ({ position: row.position, ubrn: row.ubrn, countedOn: row.counted_on, met: row.met })),
  };
}
