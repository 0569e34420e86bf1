/** KPIs over the API (issue #15 items 1, 2 and 9; decision 0052): an offer's KPIs and local thresholds, on-demand runs, stored results and the referrals counted behind one. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Deps } from '../../domains/deps.ts';
import { MONTH_PATTERN } from '../../domains/payments/month.rules.ts';
import { offerKpis, setOfferKpiThreshold } from '../../domains/provider-quality/offer-kpis.service.ts';
import { countedReferralsOf, kpiResultsFor } from '../../domains/provider-quality/kpi-results.service.ts';
import { requestKpiRun } from '../../domains/provider-quality/kpi-run.service.ts';
import {
  CountedReferralsJson,
  KpiResultJson,
  KpiRunJson,
  OfferKpisJson,
  offerKpisJson,
  ResultsQuery,
  ThresholdBody,
} from './quality.api-shapes.ts';
import { problemResponses } from './schemas.ts';

const tags = ['quality'];
const Id = Type.Object({ id: Type.String({ maxLength: 40 }) });
const KpiParams = Type.Object({ id: Type.String({ maxLength: 40 }), code: Type.String({ maxLength: 60 }) });
const READERS = [
  'provider-admin',
  'provider-clinician',
  'commissioner',
  'commissioner-finance',
  'national-admin',
  'regional-reviewer',
] as const;

function registerOfferKpiRoutes(app: FastifyInstance, deps: Deps): void {
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();
  typed.get(
    '/api/v1/offers/:id/kpis',
    {
      schema: {
        tags,
        summary:
          'The KPIs an offer is measured by: how each is measured, the pack’s threshold and the offer’s own, and every threshold set',
        params: Id,
        response: { 200: OfferKpisJson, ...problemResponses },
      },
    },
    async (request) => offerKpisJson(await offerKpis(deps, request.principal ?? null, request.params.id)),
  );
  typed.put(
    '/api/v1/offers/:id/kpis/:code',
    {
      config: { roles: ['commissioner'] as const },
      schema: {
        tags,
        summary: 'Set the offer’s own threshold for one of its KPIs from this month on (null: the pack’s again); audited',
        params: KpiParams,
        body: ThresholdBody,
        response: { 204: Type.Null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      const { thresholdPercent, reason } = request.body;
      await setOfferKpiThreshold(deps, request.actionContext(), request.params.id, {
        kpiCode: request.params.code,
        thresholdPercent,
        reason,
      });
      return reply.status(204).send(null);
    },
  );
}

/** Registers the KPI routes. */
export function registerQualityApi(scope: FastifyInstance, deps: Deps): void {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();
  registerOfferKpiRoutes(scope, deps);
  app.post(
    '/api/v1/kpi-runs',
    {
      config: { roles: ['commissioner', 'national-admin'] as const },
      schema: {
        tags,
        summary:
          'Work out and store KPIs for an end month now (a commissioner its own offers, a national admin every offer); a re-run replaces the values in place',
        body: Type.Object({ month: Type.String({ pattern: MONTH_PATTERN }) }, { additionalProperties: false }),
        response: { 201: KpiRunJson, ...problemResponses },
      },
    },
    async (request, reply) => {
      const run = await requestKpiRun(deps, request.actionContext(), request.body.month);
      return reply.status(201).send({ runId: run.runId, month: run.endMonth, results: run.results });
    },
  );
  app.get(
    '/api/v1/kpi-results',
    {
      config: { roles: READERS },
      schema: {
        tags,
        summary: 'Stored KPI results: a provider its own, a commissioner its offers’, national users all; newest end month first',
        querystring: ResultsQuery,
        response: { 200: Type.Object({ items: Type.Array(KpiResultJson) }), ...problemResponses },
      },
    },
    async (request) => {
      const { provider, offer, service, month } = request.query;
      const filter = { providerId: provider, offerId: offer, serviceCode: service, endMonth: month };
      return { items: await kpiResultsFor(deps, request.principal ?? null, filter) };
    },
  );
  app.get(
    '/api/v1/kpi-results/:id/referrals',
    {
      config: { roles: ['provider-admin', 'provider-clinician', 'commissioner'] as const },
      schema: {
        tags,
        summary:
          'The referrals counted behind one KPI result (UBRN, the day counted, whether it met the KPI): patient data for the provider and commissioner only, audited',
        params: Id,
        response: { 200: CountedReferralsJson, ...problemResponses },
      },
    },
    async (request) => countedReferralsOf(deps, request.actionContext(), request.params.id),
  );
}
