/** The offer page: what was adopted, what changed locally, protocol, prices, coverage and history; with change links for its commissioner. */
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { mayManage } from '../../../domains/offers/offer-access.ts';
import { offerInFull } from '../../../domains/offers/offer-view.service.ts';
import { offerView } from './offer.presenter.ts';

export function registerOfferOverview(app: FastifyInstance, deps: Deps): void {
  app.get('/offers/:id', async (request, reply) => {
    const full = await offerInFull(deps.db, request.principal ?? null, (request.params as { id: string }).id);
    const view = offerView(full, deps.clock.today());
    return reply.render('pages/offers/offer.njk', { pageTitle: `${full.offer.title} (${full.offer.reference})`, ...view, mayManage: mayManage(request.principal ?? null, full.offer) });
  });
}
