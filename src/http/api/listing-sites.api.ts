/** A listing's sites over the API (issue #12 item 11): read them with their ids, and the provider's administrator adds or removes one (at least one stays); the commissioner is told. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Deps } from '../../domains/deps.ts';
import type { ActionContext } from '../../domains/identity/principal.ts';
import { listingWithHistory } from '../../domains/listings/listing-read.service.ts';
import { addListingSite, removeListingSite } from '../../domains/listings/listing-sites.service.ts';
import { problemResponses } from './schemas.ts';

const Id = Type.Object({ id: Type.String({ maxLength: 40 }) });
const SiteOf = Type.Object({ id: Type.String({ maxLength: 40 }), siteId: Type.String({ maxLength: 40 }) });
const Sites = Type.Object({
  listingId: Type.String(),
  sites: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), postcode: Type.String(), deliveryMode: Type.String() })),
});

async function sitesJson(deps: Deps, context: ActionContext, id: string) {
  const { listing } = await listingWithHistory(deps, context.principal!, id);
  return {
    listingId: listing.id,
    sites: listing.sites.map((site) => ({ id: site.id, name: site.name, postcode: site.postcode, deliveryMode: site.deliveryMode })),
  };
}

export function registerListingSiteApi(scope: FastifyInstance, deps: Deps): void {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();
  const admin = { roles: ['provider-admin'] as const };

  app.get(
    '/api/v1/listings/:id/sites',
    {
      config: { roles: ['provider-admin', 'provider-clinician', 'commissioner', 'assessor'] as const },
      schema: {
        tags: ['listings'],
        summary: 'The open sites delivering a listing, with their ids',
        params: Id,
        response: { 200: Sites, ...problemResponses },
      },
    },
    async (request) => sitesJson(deps, request.actionContext(), request.params.id),
  );

  app.post(
    '/api/v1/listings/:id/sites',
    {
      config: admin,
      schema: {
        tags: ['listings'],
        summary: 'Add one of your open sites to your listing; the lead commissioner is told and the listing history records it',
        params: Id,
        body: Type.Object({ siteId: Type.String({ maxLength: 40 }) }),
        response: { 201: Sites, ...problemResponses },
      },
    },
    async (request, reply) => {
      await addListingSite(deps, request.actionContext(), request.params.id, request.body.siteId);
      return reply.status(201).send(await sitesJson(deps, request.actionContext(), request.params.id));
    },
  );

  app.delete(
    '/api/v1/listings/:id/sites/:siteId',
    {
      config: admin,
      schema: {
        tags: ['listings'],
        summary: 'Remove a site from your listing while another open site remains (removing the last is a 400)',
        params: SiteOf,
        response: { 200: Sites, ...problemResponses },
      },
    },
    async (request) => {
      await removeListingSite(deps, request.actionContext(), request.params.id, request.params.siteId);
      return sitesJson(deps, request.actionContext(), request.params.id);
    },
  );
}
