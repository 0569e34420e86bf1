/** A provider admin's list of offers open for applications, with its own application to each. */
import type { FastifyInstance } from 'fastify';
import { openOffersForProvider } from '../../../domains/applications/application-view.service.ts';
import type { Deps } from '../../../domains/deps.ts';
import { formatDate } from '../format.ts';
import { applicationStatusTag } from './application.presenter.ts';

export const PROVIDER_ADMIN = { config: { roles: ['provider-admin'] as const } };

export function registerProviderOffersPage(app: FastifyInstance, deps: Deps): void {
  app.get('/provider/offers', PROVIDER_ADMIN, async (request, reply) => {
    const offers = await openOffersForProvider(deps, request.actionContext());
    return reply.render('pages/applications/offers.njk', {
      pageTitle: 'Offers open for applications', columnClass: 'nhsuk-grid-column-full',
      offers: offers.map(({ offer, windowOpen, latest }) => ({
        id: offer.id, title: offer.title, reference: offer.reference, service: offer.service.name, lead: offer.lead.name, windowOpen,
        window: offer.windowKind === 'rolling' ? `Rolling, from ${formatDate(offer.windowOpens)}` : `${formatDate(offer.windowOpens)} to ${formatDate(offer.windowCloses)}`,
        latest: latest && { id: latest.id, tag: applicationStatusTag(latest.status), active: ['draft', 'submitted', 'clarification'].includes(latest.status), qualified: latest.status === 'qualified' },
      })),
    });
  });
}
