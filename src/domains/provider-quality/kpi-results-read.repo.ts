/** Reads stored KPI results for people to see (issue #15 items 2 and 9, decision 0052): filtered to what the reader's organisation may see, and the referrals counted behind one result, audited as a view with the read. */
import type { Executor } from '../../db/executor.ts';
import { recordAudit } from '../identity/audit.repo.ts';
import type { ActionContext } from '../identity/principal.ts';

/** Whose results a reader sees: one provider's, one commissioner's offers', or every one (national users). */
export type KpiResultScope = { provider: string } | { commissioner: string } | 'all';

export interface KpiResultFilter {
  providerId?: string;
  offerId?: string;
  serviceCode?: string;
  endMonth?: string;
}

function resultsQuery(db: Executor, scope: KpiResultScope) {
  let query = db
    .selectFrom('kpi_results as r')
    .innerJoin('offers as o', 'o.id', 'r.offer_id')
    .innerJoin('services as s', 's.id', 'r.service_id')
    .innerJoin('organisations as p', 'p.id', 'r.provider_organisation_id')
    .innerJoin('organisations as c', 'c.id', 'r.commissioner_organisation_id');
  if (scope === 'all') return query;
  if ('provider' in scope) return query.where('r.provider_organisation_id', '=', scope.provider);
  query = query.where((eb) =>
    eb.or([
      eb('r.commissioner_organisation_id', '=', scope.commissioner),
      eb.exists(
        eb
          .selectFrom('offer_commissioners as oc')
          .select('oc.offer_id')
          .whereRef('oc.offer_id', '=', 'r.offer_id')
          .where('oc.organisation_id', '=', scope.commissioner),
      ),
    ]),
  );
  return query;
}

const COLUMNS = [
  'r.id',
  'r.offer_id',
  'o.number as offer_number',
  'r.provider_organisation_id',
  'p.name as provider_name',
  'r.commissioner_organisation_id',
  'c.name as commissioner_name',
  's.code as service_code',
  's.name as service_name',
  'r.kpi_code',
  'r.kpi_name',
  'r.period',
  'r.end_month',
  'r.period_from',
  'r.period_to',
  'r.threshold_percent',
  'r.direction',
  'r.minimum_count',
  'r.numerator',
  'r.denominator',
  'r.percent_tenths',
  'r.status',
  'r.computed_at',
] as const;

function filtered(db: Executor, scope: KpiResultScope, filter: KpiResultFilter) {
  let query = resultsQuery(db, scope);
  if (filter.providerId) query = query.where('r.provider_organisation_id', '=', filter.providerId);
  if (filter.offerId) query = query.where('r.offer_id', '=', filter.offerId);
  if (filter.serviceCode) query = query.where('s.code', '=', filter.serviceCode);
  if (filter.endMonth) query = query.where('r.end_month', '=', filter.endMonth);
  return query;
}

/** The stored results the scope may see, filtered, newest end month first, then by provider and KPI; `offset` skips that many (a page). */
export async function kpiResultRows(db: Executor, scope: KpiResultScope, filter: KpiResultFilter, limit = 2000, offset = 0) {
  return filtered(db, scope, filter)
    .select(COLUMNS)
    .orderBy('r.end_month', 'desc')
    .orderBy('p.name')
    .orderBy('o.number')
    .orderBy('r.kpi_code')
    .orderBy('r.id')
    .limit(limit)
    .offset(offset)
    .execute();
}

/** How many stored results the scope may see under the filter: the length of the list a page shows part of. */
export async function countKpiResults(db: Executor, scope: KpiResultScope, filter: KpiResultFilter): Promise<number> {
  const row = await filtered(db, scope, filter)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export type KpiResultRow = Awaited<ReturnType<typeof kpiResultRows>>[number];

/** One result the scope may see with the referrals counted behind it, audited as a view of patient data in the same transaction; undefined (audited as refused) when it is not theirs to see. */
export async function countedReferralsSeenBy(trx: Executor, context: ActionContext, scope: KpiResultScope, resultId: string) {
  const result = await resultsQuery(trx, scope).select(COLUMNS).where('r.id', '=', resultId).executeTakeFirst();
  if (!result) {
    await recordAudit(trx, context, { action: 'kpi-result.referrals-view', outcome: 'denied', entityType: 'kpi-result', entityId: null });
    return undefined;
  }
  const referrals = await trx
    .selectFrom('kpi_result_counts as k')
    .innerJoin('referrals as f', 'f.id', 'k.referral_id')
    .select(['k.position', 'f.ubrn', 'k.counted_on', 'k.met'])
    .where('k.result_id', '=', resultId)
    .orderBy('k.position')
    .execute();
  await recordAudit(trx, context, {
    action: 'kpi-result.referrals-view',
    entityType: 'kpi-result',
    entityId: resultId,
    details: { referrals: referrals.length, kpiCode: result.kpi_code, endMonth: result.end_month },
  });
  return { result, referrals };
}
