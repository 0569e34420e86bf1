/** Budget plans and their versions: a change is a new version, never an update (decision 0048). */
import { sql } from 'kysely';
import type { Executor } from '../../db/executor.ts';

export interface PlanVersionToSave {
  commissionerId: string;
  serviceId: string;
  financialYear: string;
  amountPence: number;
  phasing: 'even' | 'monthly';
  monthlyPence: number[];
  source: 'form' | 'api' | 'csv';
  setAt: Date;
  setByUserId: string | null;
  setByApiKeyId: string | null;
}

export interface StoredPlan {
  id: string;
  commissionerId: string;
  commissionerName: string;
  serviceId: string;
  serviceCode: string;
  serviceName: string;
  financialYear: string;
  version: number;
  amountPence: number;
  phasing: string;
  monthlyPence: number[];
  setAt: Date;
  setBy: string | null;
}

/** Saves a new version of the plan for the commissioner, service and year (creating the plan the first time); returns the plan and version. */
export async function savePlanVersion(trx: Executor, plan: PlanVersionToSave): Promise<{ planId: string; version: number }> {
  await trx
    .insertInto('budget_plans')
    .values({
      commissioner_organisation_id: plan.commissionerId,
      service_id: plan.serviceId,
      financial_year: plan.financialYear,
      created_at: plan.setAt,
    })
    .onConflict((oc) => oc.columns(['commissioner_organisation_id', 'service_id', 'financial_year']).doNothing())
    .execute();
  const { id } = await trx
    .selectFrom('budget_plans')
    .select('id')
    .where('commissioner_organisation_id', '=', plan.commissionerId)
    .where('service_id', '=', plan.serviceId)
    .where('financial_year', '=', plan.financialYear)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const { latest } = await trx
    .selectFrom('budget_plan_versions')
    .select((eb) => eb.fn.max('version').as('latest'))
    .where('plan_id', '=', id)
    .executeTakeFirstOrThrow();
  const version = Number(latest ?? 0) + 1;
  await trx
    .insertInto('budget_plan_versions')
    .values({
      plan_id: id,
      version,
      amount_pence: plan.amountPence,
      phasing: plan.phasing,
      monthly_pence: JSON.stringify(plan.monthlyPence),
      source: plan.source,
      set_at: plan.setAt,
      set_by_user_id: plan.setByUserId,
      set_by_api_key_id: plan.setByApiKeyId,
    })
    .execute();
  return { planId: id, version };
}

/** Which plans to read: one commissioner's (optionally one plan or one year), or every commissioner's for a year. */
export interface PlanFilter {
  commissionerId?: string;
  planId?: string;
  financialYear?: string;
}

/** Plans with their latest version, by year (newest first) and service name. */
export async function plansWithLatestVersion(db: Executor, filter: PlanFilter): Promise<StoredPlan[]> {
  let query = db
    .selectFrom('budget_plans as p')
    .innerJoin('budget_plan_versions as v', 'v.plan_id', 'p.id')
    .innerJoin('services as s', 's.id', 'p.service_id')
    .innerJoin('organisations as c', 'c.id', 'p.commissioner_organisation_id')
    .leftJoin('users as u', 'u.id', 'v.set_by_user_id')
    .leftJoin('api_keys as k', 'k.id', 'v.set_by_api_key_id')
    .select([
      'p.id',
      'p.commissioner_organisation_id as commissionerId',
      'c.name as commissionerName',
      'p.service_id as serviceId',
      's.code as serviceCode',
      's.name as serviceName',
      'p.financial_year as financialYear',
      'v.version',
      'v.amount_pence as amountPence',
      'v.phasing',
      'v.monthly_pence as monthlyPence',
      'v.set_at as setAt',
      sql<string | null>`coalesce(u.display_name, k.name)`.as('setBy'),
    ])
    .where('v.version', '=', (eb) =>
      eb
        .selectFrom('budget_plan_versions as w')
        .select((w) => w.fn.max('w.version').as('m'))
        .whereRef('w.plan_id', '=', 'p.id'),
    );
  if (filter.commissionerId) query = query.where('p.commissioner_organisation_id', '=', filter.commissionerId);
  if (filter.planId) query = query.where('p.id', '=', filter.planId);
  if (filter.financialYear) query = query.where('p.financial_year', '=', filter.financialYear);
  return query.orderBy('p.financial_year', 'desc').orderBy('s.name').orderBy('c.name').execute();
}

/** Every version of one plan, newest first: who set the amount and when. */
export async function planHistory(db: Executor, planId: string) {
  return db
    .selectFrom('budget_plan_versions as v')
    .leftJoin('users as u', 'u.id', 'v.set_by_user_id')
    .leftJoin('api_keys as k', 'k.id', 'v.set_by_api_key_id')
    .select([
      'v.version',
      'v.amount_pence as amountPence',
      'v.phasing',
      'v.source',
      'v.set_at as setAt',
      sql<string | null>`coalesce(u.display_name, k.name)`.as('setBy'),
    ])
    .where('v.plan_id', '=', planId)
    .orderBy('v.version', 'desc')
    .execute();
}

/** The catalogue services by code (any case), to name a plan's service as people type it. */
export async function servicesByCode(db: Executor, codes: readonly string[]): Promise<Map<string, { id: string; code: string }>> {
  if (!codes.length) return new Map();
  const rows = await db
    .selectFrom('services')
    .select(['id', 'code'])
    .where((eb) =>
      eb(
        eb.fn('lower', ['code']),
        'in',
        codes.map((code) => code.toLowerCase()),
      ),
    )
    .execute();
  return new Map(rows.map((row) => [row.code.toLowerCase(), row]));
}

/** The services a commissioner can budget for: those on the catalogue that are not retired, by name. */
export async function budgetableServices(db: Executor): Promise<{ code: string; name: string }[]> {
  return db.selectFrom('services').select(['code', 'name']).where('is_retired', '=', false).orderBy('name').execute();
}
