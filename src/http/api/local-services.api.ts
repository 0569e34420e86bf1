/** Local services over the API: the proposing commissioner writes the local implementation pack of a proposal the region approved, then opens offers from it with POST /api/v1/offers. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { PackContent } from '../../domains/catalogue/implementation-pack.schema.ts';
import type { Deps } from '../../domains/deps.ts';
import { setUpLocalService } from '../../domains/proposals/local-service.service.ts';
import { problemResponses } from './schemas.ts';

const pack = PackContent.properties;
const LocalServiceBody = Type.Object(
  {
    specification: pack.specification,
    currency: pack.currency,
    currencies: Type.Optional(pack.currencies),
    complexityBands: pack.complexityBands,
    informationModel: Type.Optional(pack.informationModel),
    kpis: Type.Optional(pack.kpis),
    tariff: Type.Optional(pack.tariff),
    protocol: Type.Optional(pack.protocol),
    changeNote: Type.Optional(Type.String({ maxLength: 2000, description: 'What changed; needed from the second version on' })),
  },
  {
    description:
      'The local implementation pack. Parts left out keep the previous version’s, or the local defaults: the minimum dataset, no KPIs, a local price set in each offer, and a GP-referral protocol each offer then sets.',
  },
);

/** Lets the proposing commissioner set up and revise the local service and pack of an approved proposal over the API. */
export function registerLocalServiceApi(scope: FastifyInstance, deps: Deps): void {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/api/v1/local-proposals/:id/local-service',
    {
      config: { roles: ['commissioner'] as const },
      schema: {
        tags: ['local proposals'],
        summary:
          'Set up (or revise) the local service of a proposal your region approved: publishes its next local pack version; then open offers for it with POST /api/v1/offers',
        params: Type.Object({ id: Type.String({ maxLength: 40 }) }),
        body: LocalServiceBody,
        response: {
          201: Type.Object({ serviceCode: Type.String(), packVersion: Type.Integer() }),
          ...problemResponses,
          409: Type.Ref('Problem'),
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await setUpLocalService(deps, request.actionContext(), request.params.id, request.body)),
  );
}
