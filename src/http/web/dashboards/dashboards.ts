/** The dashboard pages (issue #15 item 8; decision 0058): commissioner, provider and national figures with charts, tables and CSV downloads, filtered by period and service. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { commissionerDashboard } from '../../../domains/dashboards/commissioner-dashboard.service.ts';
import type { ServiceChoice } from '../../../domains/dashboards/dashboard-filter.service.ts';
import { DASHBOARD_ROLES, type DashboardScope } from '../../../domains/dashboards/dashboard-scope.ts';
import { nationalDashboard } from '../../../domains/dashboards/national-dashboard.service.ts';
import { providerDashboard } from '../../../domains/dashboards/provider-dashboard.service.ts';
import { servicesToBudget } from '../../../domains/budgets/budget.service.ts';
import { sendCsv } from '../csv-reply.ts';
import type { Deps } from '../../../domains/deps.ts';
import type { ActionContext } from '../../../domains/identity/principal.ts';
import { DomainError } from '../../../lib/errors.ts';
import { tableCsv } from '../charts/chart-table.ts';
import type { Figure } from '../charts/figure.ts';
import { attempt, renderForm } from '../form.ts';
import { get, registerPages } from '../page-routes.ts';
import { commissionerFigures } from './commissioner-figures.ts';
import { periodWords } from './dashboard-figures.ts';
import { filterFormModel, filterInputOf, filterQueryOf } from './dashboard-form.ts';
import { nationalFigures } from './national-figures.ts';
import { providerFigures } from './provider-figures.ts';

type Kind = DashboardScope['kind'];
type Input = ReturnType<typeof filterInputOf>;
/** A dashboard's figures with its months and the services its filter was checked against (the form's choices). */
type DashboardFigures = { months: string[]; figures: Figure[]; services: ServiceChoice[] };

/** Each dashboard's title and how its figures are worked out. */
export const DASHBOARDS: Record<
  Kind,
  { title: string; figures: (deps: Deps, context: ActionContext, input: Input) => Promise<DashboardFigures> }
> = {
  commissioner: {
    title: 'Commissioner dashboard',
    figures: async (deps, context, input) => {
      const dashboard = await commissionerDashboard(deps, context, input);
      return { months: dashboard.filter.months, figures: commissionerFigures(dashboard), services: dashboard.services };
    },
  },
  provider: {
    title: 'Provider dashboard',
    figures: async (deps, context, input) => {
      const dashboard = await providerDashboard(deps, context, input);
      return { months: dashboard.filter.months, figures: providerFigures(dashboard), services: dashboard.services };
    },
  },
  national: {
    title: 'National dashboard',
    figures: async (deps, context, input) => {
      const dashboard = await nationalDashboard(deps, context, input);
      return { months: dashboard.filter.months, figures: nationalFigures(dashboard), services: dashboard.services };
    },
  },
};

async function viewDashboard(deps: Deps, kind: Kind, request: FastifyRequest, reply: FastifyReply) {
  const input = filterInputOf(request.query);
  const outcome = await attempt(() => DASHBOARDS[kind].figures(deps, request.actionContext(), input));
  const query = filterQueryOf(input);
  const model = {
    kind,
    title: DASHBOARDS[kind].title,
    values: input,
    // The services the filter was checked against are the form's choices; only a refused filter reads them again.
    ...filterFormModel(input, outcome.ok ? outcome.value.services : await servicesToBudget(deps), deps.clock.today()),
    figures: outcome.ok ? outcome.value.figures : [],
    period: outcome.ok ? periodWords(outcome.value.months) : '',
    csvBase: `/dashboards/${kind}.csv?${query ? `${query}&` : ''}figure=`,
  };
  return renderForm(reply, 'pages/dashboards/dashboard.njk', DASHBOARDS[kind].title, model, outcome.ok ? undefined : outcome.errors);
}

/** One figure's table as CSV; without a figure named, the dashboard itself, where each figure has its own link. */
async function downloadFigure(deps: Deps, kind: Kind, request: FastifyRequest, reply: FastifyReply) {
  const wanted = (request.query as { figure?: unknown }).figure;
  if (wanted === undefined || wanted === '') return reply.redirect(`/dashboards/${kind}`, 303);
  const { figures } = await DASHBOARDS[kind].figures(deps, request.actionContext(), filterInputOf(request.query));
  const found = figures.find((shown) => shown.id === wanted);
  if (!found) throw new DomainError('not-found', 'There is no such figure on this dashboard');
  return sendCsv(reply, `${kind}-${found.id}.csv`, tableCsv(found.table));
}

export function registerDashboardPages(app: FastifyInstance, deps: Deps): void {
  registerPages(
    app,
    (Object.keys(DASHBOARDS) as Kind[]).flatMap((kind) => [
      get(`/dashboards/${kind}`, (request, reply) => viewDashboard(deps, kind, request, reply), {
        config: { roles: DASHBOARD_ROLES[kind] },
      }),
      get(`/dashboards/${kind}.csv`, (request, reply) => downloadFigure(deps, kind, request, reply), {
        config: { roles: DASHBOARD_ROLES[kind] },
      }),
    ]),
  );
}
