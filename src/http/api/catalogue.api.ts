/** The national catalogue over the API: public reads; national administrators add and edit services and publish pack versions. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ServiceRecord } from '../../domains/catalogue/catalogue.repo.ts';
import { packVersionsOfService, servicesInCatalogue } from '../../domains/catalogue/catalogue.service.ts';
import { createService, publishPackVersion, updateService } from '../../domains/catalogue/catalogue.service.ts';
import type { Deps } from '../../domains/deps.ts';
import { findVisibleService } from '../../domains/offers/service-visibility.service.ts';
import { DomainError } from '../../lib/errors.ts';
import { problemResponses } from './schemas.ts';

const NATIONAL = { roles: ['national-admin'] as const };
const Nullable = Type.Union([Type.String(), Type.Null()]);
const Service = Type.Object({
  code: Type.String(),
  name: Type.String(),
  category: Type.String(),
  phase: Type.String(),
  definition: Type.String(),
  nationalEligibility: Nullable,
  sourceUrl: Nullable,
  isRetired: Type.Boolean(),
  currentPackVersion: Type.Union([Type.Integer(), Type.Null()]),
});
const ServiceBody = Type.Object({
  name: Type.String({ maxLength: 200 }),
  category: Type.String({ maxLength: 100 }),
  phase: Type.String(),
  definition: Type.String({ maxLength: 4000 }),
  nationalEligibility: Type.Optional(Type.String({ maxLength: 1000 })),
  sourceUrl: Type.Optional(Type.String({ maxLength: 1000 })),
});

const toJson = ({ id: _id, ...service }: ServiceRecord) => service;

export function registerCatalogueApi(scope: FastifyInstance, deps: Deps): void {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/v1/services',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'The national catalogue with each service’s current pack version (open data)',
        querystring: Type.Object({ phase: Type.Optional(Type.String()) }),
        response: { 200: Type.Object({ items: Type.Array(Service) }) },
      },
    },
    async (request) => ({ items: (await servicesInCatalogue(deps, { phase: request.query.phase })).map(toJson) }),
  );

  app.get(
    '/api/v1/services/:code',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'One service with every published version of its implementation pack',
        params: Type.Object({ code: Type.String({ maxLength: 80 }) }),
        response: {
          200: Type.Object({
            service: Service,
            packs: Type.Array(
              Type.Object({ version: Type.Integer(), publishedAt: Type.String(), changeNote: Type.String(), content: Type.Unknown() }),
            ),
          }),
          404: Type.Ref('Problem'),
        },
      },
    },
    async (request) => {
      const service = await findVisibleService(deps, request.principal, request.params.code);
      if (!service) throw new DomainError('not-found', `There is no service with the code ${request.params.code}`);
      const packs = (await packVersionsOfService(deps, service.id)).map((pack) => ({
        version: pack.version,
        publishedAt: pack.publishedAt.toISOString(),
        changeNote: pack.changeNote,
        content: pack.content,
      }));
      return { service: toJson(service), packs };
    },
  );

  app.post(
    '/api/v1/services',
    {
      config: NATIONAL,
      schema: {
        tags: ['catalogue'],
        summary: 'Add a service to the national list',
        body: Type.Object({ code: Type.String({ maxLength: 80 }), ...ServiceBody.properties }),
        response: { 201: Type.Object({ code: Type.String() }), ...problemResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createService(deps, request.actionContext(), request.body)),
  );

  app.put(
    '/api/v1/services/:code',
    {
      config: NATIONAL,
      schema: {
        tags: ['catalogue'],
        summary: 'Edit a service’s definition',
        params: Type.Object({ code: Type.String({ maxLength: 80 }) }),
        body: ServiceBody,
        response: { 204: Type.Null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await updateService(deps, request.actionContext(), request.params.code, request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/services/:code/packs',
    {
      config: NATIONAL,
      schema: {
        tags: ['catalogue'],
        summary: 'Publish the next version of a service’s implementation pack (offers on older versions are unchanged)',
        params: Type.Object({ code: Type.String({ maxLength: 80 }) }),
        body: Type.Object({ changeNote: Type.String({ maxLength: 1000 }), content: Type.Unknown() }),
        response: { 201: Type.Object({ version: Type.Integer() }), ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await publishPackVersion(deps, request.actionContext(), request.params.code, request.body.content, request.body.changeNote)),
  );
}
