/** A provider admin's list of offers open for applications, with its own application to each. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { openOffersForProvider } from '../../../domains/applications/application-view.service.ts';
import type { Deps } from '../../../domains/deps.ts';
import { formatDate } from '../format.ts';
import { get, registerPages } from '../page-routes.ts';
import { applicationStatusTag } from './application.presenter.ts';

export const PROVIDER_ADMIN = { config: { roles: ['provider-admin'] as const } };

/** The offers open for applications, with the provider's latest application to each. */
async function viewProviderOffers(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const offers = await openOffersForProvider(deps, request.actionContext());
  return reply.render('pages/applications/offers.njk', {
    pageTitle: 'Offers open for applications',
    columnClass: 'nhsuk-grid-column-full',
    offers: offers.map(({ offer, windowOpen, latest }) => ({
      id: offer.id,
      title: offer.title,
      reference: offer.reference,
      service: offer.service.name,
      lead: offer.lead.name,
      windowOpen,
      window:
        offer.windowKind === 'rolling'
          ? `Rolling, from ${formatDate(offer.windowOpens)}`
          : `${formatDate(offer.windowOpens)} to ${formatDate(offer.windowCloses)}`,
      latest: latest && {
        id: latest.id,
        tag: applicationStatusTag(latest.status),
        active: ['draft', 'submitted', 'clarification'].includes(latest.status),
        qualified: latest.status === 'qualified',
      },
    })),
  });
}

export function registerProviderOffersPage(app: FastifyInstance, deps: Deps): void {
  registerPages(app, [get('/provider/offers', (request, reply) => viewProviderOffers(deps, request, reply), PROVIDER_ADMIN)]);
}
