/** Budget plans for a commissioner's own people (commissioners and finance officers): list, view, set and revise (issue #14 item 7; decision 0048). */
import type { Executor } from '../../db/executor.ts';
import { DomainError, validationFailed } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import { recordAudit } from '../identity/audit.repo.ts';
import { isUuid } from '../identity/organisation.repo.ts';
import type { ActionContext } from '../identity/principal.ts';
import { alertsOf } from './budget-alert.repo.ts';
import { checkBudgetAlerts } from './budget-alerts.service.ts';
import { figuresOf, type PlanFigures, type PlanSpend, spendOf } from './budget-figures.service.ts';
import { type PlanInput, planInputErrors } from './budget-input.rules.ts';
import { spreadEvenly } from './budget-phasing.rules.ts';
import { budgetableServices, planHistory, plansWithLatestVersion, savePlanVersion, servicesByCode } from './budget-plan.repo.ts';

export type PlanSource = 'form' | 'api' | 'csv';

/** The commissioner whose budgets the principal manages: its own organisation, for commissioners and their finance officers only. */
export function budgetHolderOf(context: ActionContext): string {
  const principal = context.principal;
  if (principal?.role === 'commissioner' || principal?.role === 'commissioner-finance') return principal.organisationId;
  throw new DomainError('forbidden', 'Only commissioners and their finance officers manage budgets');
}

/** The principal's plans with their figures today, newest year first. */
export async function budgetsOf(deps: Deps, context: ActionContext): Promise<PlanFigures[]> {
  const plans = await plansWithLatestVersion(deps.db, { commissionerId: budgetHolderOf(context) });
  const today = deps.clock.today();
  return Promise.all(plans.map((plan) => figuresOf(deps.db, plan, today)));
}

/** The spend against the principal's plans of a financial year (of one service when chosen): the commissioner dashboard's, so no other plan is worked out. */
export async function spendAgainstPlansOf(
  deps: Deps,
  context: ActionContext,
  only: { financialYear: string; serviceCode: string | null },
): Promise<PlanSpend[]> {
  const plans = await plansWithLatestVersion(deps.db, { commissionerId: budgetHolderOf(context), financialYear: only.financialYear });
  const today = deps.clock.today();
  const shown = plans.filter((plan) => only.serviceCode === null || plan.serviceCode === only.serviceCode);
  return Promise.all(shown.map((plan) => spendOf(deps.db, plan, today)));
}

/** One of the principal's own plans; any other id, or another commissioner's plan, is not found (ids reveal nothing). */
async function ownPlan(deps: Deps, context: ActionContext, planId: string) {
  const commissionerId = budgetHolderOf(context);
  const [plan] = isUuid(planId) ? await plansWithLatestVersion(deps.db, { commissionerId, planId }) : [];
  if (!plan) throw new DomainError('not-found', 'There is no such budget plan');
  return plan;
}

/** A plan's figures with its versions and the alerts raised on it. */
export async function budgetOf(deps: Deps, context: ActionContext, planId: string) {
  const plan = await ownPlan(deps, context, planId);
  const [figures, history, alerts] = await Promise.all([
    figuresOf(deps.db, plan, deps.clock.today()),
    planHistory(deps.db, plan.id),
    alertsOf(deps.db, plan.id),
  ]);
  return { ...figures, history, alerts };
}

/** The services a plan can be set for, for the form's list. */
export function servicesToBudget(deps: Deps) {
  return budgetableServices(deps.db);
}

/** Where a plan came from, for its errors: the form's field, or a CSV file's line. */
export type PlanPlace = (index: number) => { field: string; prefix: string };

/** Saves a version of each plan in one transaction (all or nothing); an unknown service is an error placed by `placeOf`. */
export async function savePlans(
  deps: Deps,
  context: ActionContext,
  plans: readonly PlanInput[],
  source: PlanSource,
  placeOf: PlanPlace = () => ({ field: 'serviceCode', prefix: '' }),
): Promise<{ planId: string; version: number }[]> {
  const commissionerId = budgetHolderOf(context);
  const errors = plans.flatMap((plan) => planInputErrors(plan));
  if (errors.length) throw validationFailed(errors);
  const services = await servicesByCode(deps.db, [...new Set(plans.map((plan) => plan.serviceCode))]);
  const unknown = plans.flatMap((plan, index) =>
    services.has(plan.serviceCode.toLowerCase())
      ? []
      : [
          {
            field: placeOf(index).field,
            message: `${placeOf(index).prefix}There is no service with the code "${plan.serviceCode}" on the catalogue`,
          },
        ],
  );
  if (unknown.length) throw validationFailed(unknown);
  const saved = await deps.db.transaction().execute(async (trx) => {
    const results = [];
    for (const plan of plans)
      results.push(
        await saveOne(trx, context, commissionerId, services.get(plan.serviceCode.toLowerCase())!.id, plan, source, deps.clock.now()),
      );
    return results;
  });
  await checkBudgetAlerts(deps, { commissionerId, today: deps.clock.today() });
  return saved;
}

async function saveOne(
  trx: Executor,
  context: ActionContext,
  commissionerId: string,
  serviceId: string,
  plan: PlanInput,
  source: PlanSource,
  at: Date,
) {
  const principal = context.principal!;
  const saved = await savePlanVersion(trx, {
    commissionerId,
    serviceId,
    financialYear: plan.financialYear,
    amountPence: plan.amountPence,
    phasing: plan.monthlyPence ? 'monthly' : 'even',
    monthlyPence: plan.monthlyPence ?? spreadEvenly(plan.amountPence, 12),
    source,
    setAt: at,
    setByUserId: principal.kind === 'user' ? principal.userId : null,
    setByApiKeyId: principal.kind === 'api-key' ? principal.apiKeyId : null,
  });
  await recordAudit(trx, context, {
    action: 'budget.plan.set',
    entityType: 'budget-plan',
    entityId: saved.planId,
    details: { version: saved.version, amountPence: plan.amountPence, financialYear: plan.financialYear, source },
  });
  return saved;
}

/** A new version of one of the principal's plans: a new amount and phasing for the same service and year. */
export async function revisePlan(
  deps: Deps,
  context: ActionContext,
  planId: string,
  change: Pick<PlanInput, 'amountPence' | 'monthlyPence'>,
  source: PlanSource,
): Promise<{ planId: string; version: number }> {
  const plan = await ownPlan(deps, context, planId);
  const [saved] = await savePlans(deps, context, [{ serviceCode: plan.serviceCode, financialYear: plan.financialYear, ...change }], source);
  return saved!;
}
