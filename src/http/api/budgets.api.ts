/** Budget plans over the API (issue #14 items 7 and 8; decision 0048): a commissioner's plans, versions, figures and CSV import; national totals. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Deps } from '../../domains/deps.ts';
import { importBudgetCsv } from '../../domains/budgets/budget-import.service.ts';
import { nationalBudgetTotals } from '../../domains/budgets/budget-national.service.ts';
import { alertThresholdsOf, setAlertThresholds } from '../../domains/budgets/budget-thresholds.service.ts';
import { budgetOf, budgetsOf, revisePlan, savePlans } from '../../domains/budgets/budget.service.ts';
import { registerUploads, uploadedFileOf } from '../web/providers/multipart-upload.ts';
import { FiguresJson, figuresJson, NationalTotals, PlanBody, PlanJson, planJson, RevisionBody, Saved } from './budget.api-shapes.ts';
import { problemResponses } from './schemas.ts';

const HOLDERS = { roles: ['commissioner', 'commissioner-finance'] as const };
const PlanId = Type.Object({ id: Type.String({ maxLength: 40 }) });
const Thresholds = Type.Object(
  { percents: Type.Array(Type.Integer({ minimum: 1, maximum: 200 }), { minItems: 1, maxItems: 5 }) },
  { additionalProperties: false },
);

function registerImport(scope: FastifyInstance, deps: Deps): void {
  scope.register(async (uploads) => {
    await registerUploads(uploads);
    uploads.post(
      '/api/v1/budget-plans/import',
      {
        config: HOLDERS,
        schema: {
          tags: ['payments'],
          consumes: ['multipart/form-data'],
          summary:
            'Import plans from a CSV "file" (columns service_code, financial_year, amount in pounds, and optionally apr … mar): all saved as new versions, or none, with each problem’s line number',
          response: { 200: Type.Object({ saved: Type.Integer() }), ...problemResponses },
        },
      },
      async (request) => importBudgetCsv(deps, request.actionContext(), uploadedFileOf(request.body, 'file')),
    );
  });
}

export function registerBudgetApi(scope: FastifyInstance, deps: Deps): void {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['payments'];
  app.get(
    '/api/v1/budget-plans',
    {
      config: HOLDERS,
      schema: {
        tags,
        summary: 'Your commissioner’s budget plans with plan, actual, committed and forecast',
        response: { 200: Type.Object({ items: Type.Array(PlanJson) }), ...problemResponses },
      },
    },
    async (request) => ({ items: (await budgetsOf(deps, request.actionContext())).map(planJson) }),
  );
  app.post(
    '/api/v1/budget-plans',
    {
      config: HOLDERS,
      schema: {
        tags,
        summary: 'Set the plan for a service and financial year (a new version if one exists)',
        body: PlanBody,
        response: { 201: Saved, ...problemResponses },
      },
    },
    async (request, reply) => reply.status(201).send((await savePlans(deps, request.actionContext(), [request.body], 'api'))[0]!),
  );
  app.get(
    '/api/v1/budget-plans/:id',
    {
      config: HOLDERS,
      schema: {
        tags,
        summary: 'One of your plans with its headline figures',
        params: PlanId,
        response: { 200: PlanJson, ...problemResponses },
      },
    },
    async (request) => planJson(await budgetOf(deps, request.actionContext(), request.params.id)),
  );
  app.put(
    '/api/v1/budget-plans/:id',
    {
      config: HOLDERS,
      schema: {
        tags,
        summary: 'Revise a plan’s amount and phasing: kept as a new version',
        params: PlanId,
        body: RevisionBody,
        response: { 200: Saved, ...problemResponses },
      },
    },
    async (request) => revisePlan(deps, request.actionContext(), request.params.id, request.body, 'api'),
  );
  app.get(
    '/api/v1/budget-plans/:id/figures',
    {
      config: HOLDERS,
      schema: {
        tags,
        summary: 'A plan’s figures month by month, with the statements and referrals they come from',
        params: PlanId,
        response: { 200: FiguresJson, ...problemResponses },
      },
    },
    async (request) => figuresJson(await budgetOf(deps, request.actionContext(), request.params.id)),
  );
  app.get(
    '/api/v1/budget-alert-thresholds',
    {
      config: HOLDERS,
      schema: {
        tags,
        summary: 'Your alert thresholds in percent of plan (90 and 100 unless set)',
        response: { 200: Thresholds, ...problemResponses },
      },
    },
    async (request) => ({ percents: await alertThresholdsOf(deps, request.actionContext()) }),
  );
  app.put(
    '/api/v1/budget-alert-thresholds',
    {
      config: HOLDERS,
      schema: {
        tags,
        summary: 'Set your alert thresholds; each alerts once per plan',
        body: Thresholds,
        response: { 200: Thresholds, ...problemResponses },
      },
    },
    async (request) => ({ percents: await setAlertThresholds(deps, request.actionContext(), request.body.percents) }),
  );
  app.get(
    '/api/v1/budget-totals',
    {
      config: { roles: ['national-admin'] as const },
      schema: {
        tags,
        summary: 'National totals by service for a financial year: plans, actuals, committed and forecast across commissioners',
        querystring: Type.Object({
          year: Type.Optional(Type.String({ maxLength: 7, description: 'e.g. 2026-27; this year if left out' })),
        }),
        response: { 200: NationalTotals, ...problemResponses },
      },
    },
    async (request) => nationalBudgetTotals(deps, request.actionContext(), request.query.year),
  );
  registerImport(scope, deps);
}
