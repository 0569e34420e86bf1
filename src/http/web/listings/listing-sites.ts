/** The provider's site choices on a listing page (issue #12 item 11): add one of its open sites, or remove one while another remains. */
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { addListingSite, removeListingSite } from '../../../domains/listings/listing-sites.service.ts';
import { DomainError } from '../../../lib/errors.ts';
import { field, formErrors, validationErrorsOf } from '../form.ts';
import { renderListingPage } from './listing-page.ts';

const PROVIDER_ADMIN = { config: { roles: ['provider-admin'] as const } };

export function registerListingSitePages(app: FastifyInstance, deps: Deps): void {
  app.post('/listings/:id/sites', PROVIDER_ADMIN, async (request, reply) => {
    const id = (request.params as { id: string }).id;
    const values = { siteId: field(request.body, 'siteId') };
    try {
      const site = await addListingSite(deps, request.actionContext(), id, values.siteId);
      request.session.flash = `${site.name} now delivers this offer. The commissioner has been told.`;
      return reply.redirect(`/listings/${id}`, 303);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'invalid-transition') return renderListingPage(deps, request, reply, 409, formErrors([{ field: 'siteId', message: error.message }]), values);
      const found = validationErrorsOf(error);
      if (!found) throw error;
      return renderListingPage(deps, request, reply, 400, found, values);
    }
  });

  app.post('/listings/:id/sites/:siteId/remove', PROVIDER_ADMIN, async (request, reply) => {
    const { id, siteId } = request.params as { id: string; siteId: string };
    try {
      const site = await removeListingSite(deps, request.actionContext(), id, siteId);
      request.session.flash = `${site.name} no longer delivers this offer. The commissioner has been told.`;
      return reply.redirect(`/listings/${id}`, 303);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'invalid-transition') return renderListingPage(deps, request, reply, 409, formErrors([{ field: 'sites', message: error.message }]));
      const found = validationErrorsOf(error);
      if (!found) throw error;
      return renderListingPage(deps, request, reply, 400, found);
    }
  });
}
