/** The budget pages (issue #14 item 7; decision 0048): a commissioner's plans, setting and changing one, its figures with a chart and CSV, and national totals. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { nationalBudgetTotals } from '../../../domains/budgets/budget-national.service.ts';
import { budgetOf, budgetsOf, revisePlan, savePlans, servicesToBudget } from '../../../domains/budgets/budget.service.ts';
import { financialYearOf } from '../../../domains/budgets/financial-year.rules.ts';
import { datedFileName, sendCsv, sendListCsv } from '../csv-reply.ts';
import { listTableModel } from '../list-table.ts';
import type { Deps } from '../../../domains/deps.ts';
import { formatPence } from '../../../lib/money.ts';
import { attempt, formErrors, type FormErrors, renderForm } from '../form.ts';
import { namedForForm } from '../form-outcome.ts';
import { get, post, registerPages } from '../page-routes.ts';
import { budgetChart } from './budget-chart.presenter.ts';
import { formValues, MONTH_FIELDS, planFromForm, renderPlanForm, renamed } from './budget-form.ts';
import { registerBudgetImport } from './budget-import.ts';
import { PLAN_LIST_COLUMNS, planDetail } from './budget.presenter.ts';
import { budgetTableCsv } from './budget-table.csv.ts';

const HOLDERS = { config: { roles: ['commissioner', 'commissioner-finance'] as const } };
const NATIONAL = { config: { roles: ['national-admin'] as const } };
const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;

async function viewList(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const plans = await budgetsOf(deps, request.actionContext());
  const shown = { caption: 'Budget plans', csvHref: '/payments/budgets.csv', what: 'these budget plans' };
  return reply.render('pages/budgets/list.njk', { pageTitle: 'Budgets', plans: listTableModel(PLAN_LIST_COLUMNS, plans, shown) });
}

/** The same list as CSV. */
async function downloadList(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const plans = await budgetsOf(deps, request.actionContext());
  return sendListCsv(reply, datedFileName('budgets', deps.clock.today()), PLAN_LIST_COLUMNS, plans);
}

async function viewNew(deps: Deps, reply: FastifyReply, values: Record<string, string>, errors?: FormErrors) {
  const services = await servicesToBudget(deps);
  return renderPlanForm(reply, 'Set a budget plan', { action: '/payments/budgets/new', services, values }, errors);
}

/** Saves a new plan (or a new version of the plan for that service and year) and shows its figures. */
async function submitNew(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const values = formValues(request.body);
  const read = planFromForm(values);
  if ('errors' in read) return viewNew(deps, reply, values, formErrors(read.errors));
  const outcome = await attempt(namedForForm(() => savePlans(deps, request.actionContext(), [read.input], 'form'), renamed));
  if (!outcome.ok) return viewNew(deps, reply, values, outcome.errors);
  request.session.flash = 'Budget plan saved. Any alert its forecast now crosses has been sent to your messages.';
  return reply.redirect(`/payments/budgets/${outcome.value[0]!.planId}`, 303);
}

async function viewEdit(deps: Deps, request: FastifyRequest, reply: FastifyReply, typed?: Record<string, string>, errors?: FormErrors) {
  const { plan } = await budgetOf(deps, request.actionContext(), idOf(request));
  const monthly = plan.phasing === 'monthly' ? plan.monthlyPence : [];
  const values = typed ?? {
    amount: (plan.amountPence / 100).toFixed(2),
    ...Object.fromEntries(
      MONTH_FIELDS.map((month, index) => [month.name, monthly[index] === undefined ? '' : (monthly[index] / 100).toFixed(2)]),
    ),
  };
  const fixed = { serviceName: plan.serviceName, financialYear: plan.financialYear };
  return renderPlanForm(reply, 'Change the budget plan', { action: `/payments/budgets/${plan.id}/edit`, fixed, values }, errors);
}

/** Saves the change as a new version of the plan. */
async function submitEdit(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const { plan } = await budgetOf(deps, request.actionContext(), idOf(request));
  const values = formValues(request.body);
  const read = planFromForm({ ...values, serviceCode: plan.serviceCode, financialYear: plan.financialYear });
  if ('errors' in read) return viewEdit(deps, request, reply, values, formErrors(read.errors));
  const change = { amountPence: read.input.amountPence, monthlyPence: read.input.monthlyPence };
  const outcome = await attempt(namedForForm(() => revisePlan(deps, request.actionContext(), plan.id, change, 'form'), renamed));
  if (!outcome.ok) return viewEdit(deps, request, reply, values, outcome.errors);
  request.session.flash = `Budget plan changed to ${formatPence(change.amountPence)} (version ${outcome.value.version}).`;
  return reply.redirect(`/payments/budgets/${plan.id}`, 303);
}

async function viewPlan(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const figures = await budgetOf(deps, request.actionContext(), idOf(request));
  const detail = planDetail(figures);
  const title = `${detail.serviceName} budget ${detail.financialYear}`;
  return reply.render('pages/budgets/plan.njk', {
    pageTitle: title,
    title,
    detail,
    chart: budgetChart(figures.forecast.months),
    history: figures.history.map((version) => ({ ...version, amount: formatPence(version.amountPence) })),
    alerts: figures.alerts.map((alert) => ({ ...alert, forecast: formatPence(alert.forecastPence), plan: formatPence(alert.planPence) })),
  });
}

async function downloadPlan(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const figures = await budgetOf(deps, request.actionContext(), idOf(request));
  return sendCsv(reply, `budget-${figures.plan.serviceCode}-${figures.plan.financialYear}.csv`, budgetTableCsv(figures));
}

async function viewNational(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const year = (request.query as { year?: string }).year;
  const outcome = await attempt(() => nationalBudgetTotals(deps, request.actionContext(), year));
  const shown = outcome.ok ? outcome.value : await nationalBudgetTotals(deps, request.actionContext(), financialYearOf(deps.clock.today()));
  const services = shown.services.map((row) => ({
    ...row,
    plan: formatPence(row.planPence),
    actual: formatPence(row.actualToDatePence),
    committed: formatPence(row.committedPence),
    forecast: formatPence(row.forecastPence),
  }));
  const model = { financialYear: shown.financialYear, services, values: { year: year ?? shown.financialYear } };
  return renderForm(reply, 'pages/budgets/national.njk', 'National budget totals', model, outcome.ok ? undefined : outcome.errors);
}

export function registerBudgetPages(app: FastifyInstance, deps: Deps): void {
  registerPages(app, [
    get('/payments/budgets', (request, reply) => viewList(deps, request, reply), HOLDERS),
    get('/payments/budgets.csv', (request, reply) => downloadList(deps, request, reply), HOLDERS),
    get(
      '/payments/budgets/new',
      (_request, reply) => viewNew(deps, reply, { financialYear: financialYearOf(deps.clock.today()) }),
      HOLDERS,
    ),
    post('/payments/budgets/new', (request, reply) => submitNew(deps, request, reply), HOLDERS),
    get('/payments/budgets/national', (request, reply) => viewNational(deps, request, reply), NATIONAL),
    get('/payments/budgets/:id', (request, reply) => viewPlan(deps, request, reply), HOLDERS),
    get('/payments/budgets/:id.csv', (request, reply) => downloadPlan(deps, request, reply), HOLDERS),
    get('/payments/budgets/:id/edit', (request, reply) => viewEdit(deps, request, reply), HOLDERS),
    post('/payments/budgets/:id/edit', (request, reply) => submitEdit(deps, request, reply), HOLDERS),
  ]);
  registerBudgetImport(app, deps);
}
