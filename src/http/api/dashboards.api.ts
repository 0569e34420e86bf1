/** The dashboards' data over the API (issue #15 item 9; decision 0058): the same figures as the pages, each with its series and table. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { DASHBOARD_PERIODS } from '../../domains/dashboards/dashboard-filter.rules.ts';
import { DASHBOARD_ROLES, type DashboardScope } from '../../domains/dashboards/dashboard-scope.ts';
import type { Deps } from '../../domains/deps.ts';
import { figureJson } from '../web/charts/figure.ts';
import { DASHBOARDS } from '../web/dashboards/dashboards.ts';
import { filterInputOf } from '../web/dashboards/dashboard-form.ts';
import { problemResponses } from './schemas.ts';

const FilterQuery = Type.Object({
  period: Type.Optional(
    Type.Union(
      DASHBOARD_PERIODS.map((period) => Type.Literal(period)),
      { description: 'last-12-months unless given' },
    ),
  ),
  year: Type.Optional(Type.String({ maxLength: 7, description: 'With period=financial-year: like 2026-27 (this year unless given)' })),
  from: Type.Optional(Type.String({ maxLength: 7, description: 'With period=months: the first month, YYYY-MM' })),
  to: Type.Optional(Type.String({ maxLength: 7, description: 'With period=months: the last month, YYYY-MM (this month unless given)' })),
  service: Type.Optional(Type.String({ maxLength: 60, description: 'A service code; every service unless given' })),
});

const FigureJson = Type.Object({
  id: Type.String(),
  title: Type.String(),
  unit: Type.Union([Type.Literal('count'), Type.Literal('percent'), Type.Literal('working-days'), Type.Literal('pence')]),
  categories: Type.Array(Type.String(), { description: 'The months (YYYY-MM) or names along the chart' }),
  series: Type.Array(Type.Object({ name: Type.String(), values: Type.Array(Type.Union([Type.Number(), Type.Null()])) })),
  table: Type.Object(
    { columns: Type.Array(Type.String()), rows: Type.Array(Type.Array(Type.String())) },
    { description: 'The page’s table and CSV' },
  ),
});

const DashboardJson = Type.Object({
  months: Type.Array(Type.String(), { description: 'The period’s months, YYYY-MM, oldest first' }),
  figures: Type.Array(FigureJson),
});

const SUMMARIES: Record<DashboardScope['kind'], string> = {
  commissioner: 'Your commissioner’s dashboard: referrals by month and provider, market share, waits, KPI status and spend against budget',
  provider: 'Your provider’s dashboard: its KPIs by month, Friends and Family Test answers and referrals by month',
  national: 'The national dashboard: uptake, qualified providers per service, sector shares and the KPI spread',
};

export function registerDashboardApi(scope: FastifyInstance, deps: Deps): void {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();
  for (const kind of Object.keys(SUMMARIES) as DashboardScope['kind'][])
    app.get(
      `/api/v1/dashboards/${kind}`,
      {
        config: { roles: DASHBOARD_ROLES[kind] },
        schema: {
          tags: ['quality'],
          summary: SUMMARIES[kind],
          querystring: FilterQuery,
          response: { 200: DashboardJson, ...problemResponses },
        },
      },
      async (request) => {
        const { months, figures } = await DASHBOARDS[kind].figures(deps, request.actionContext(), filterInputOf(request.query));
        return { months, figures: figures.map(figureJson) };
      },
    );
}
