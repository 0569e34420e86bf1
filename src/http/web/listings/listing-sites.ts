/** The provider's site choices on a listing page (issue #12 item 11): add one of its open sites, or remove one while another remains. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { addListingSite, removeListingSite } from '../../../domains/listings/listing-sites.service.ts';
import { field } from '../form.ts';
import { attemptRefusable } from '../form-outcome.ts';
import { post, registerPages } from '../page-routes.ts';
import { viewListing } from './listing-page.ts';

const PROVIDER_ADMIN = { config: { roles: ['provider-admin'] as const } };

/** Adds one of the provider's open sites to the listing, or shows the page again with the error beside the choice. */
async function submitListingSite(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const id = (request.params as { id: string }).id;
  const values = { siteId: field(request.body, 'siteId') };
  const outcome = await attemptRefusable(['invalid-transition'], 'siteId', () =>
    addListingSite(deps, request.actionContext(), id, values.siteId),
  );
  if (!outcome.ok) return viewListing(deps, request, reply, outcome.errors, values, outcome.status);
  request.session.flash = `${outcome.value.name} now delivers this offer. The commissioner has been told.`;
  return reply.redirect(`/listings/${id}`, 303);
}

/** Removes a site from the listing while another remains, or shows the page again with the error beside the sites. */
async function submitListingSiteRemoval(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const { id, siteId } = request.params as { id: string; siteId: string };
  const outcome = await attemptRefusable(['invalid-transition'], 'sites', () =>
    removeListingSite(deps, request.actionContext(), id, siteId),
  );
  if (!outcome.ok) return viewListing(deps, request, reply, outcome.errors, {}, outcome.status);
  request.session.flash = `${outcome.value.name} no longer delivers this offer. The commissioner has been told.`;
  return reply.redirect(`/listings/${id}`, 303);
}

export function registerListingSitePages(app: FastifyInstance, deps: Deps): void {
  registerPages(app, [
    post('/listings/:id/sites', (request, reply) => submitListingSite(deps, request, reply), PROVIDER_ADMIN),
    post('/listings/:id/sites/:siteId/remove', (request, reply) => submitListingSiteRemoval(deps, request, reply), PROVIDER_ADMIN),
  ]);
}
