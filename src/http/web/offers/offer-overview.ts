/** The offer page: what was adopted, what changed locally, protocol, prices, coverage and history; with change links for its commissioner. */
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { mayManage } from '../../../domains/offers/offer-access.ts';
import { REFUSAL_GROUND_LABELS, REFUSAL_GROUNDS } from '../../../domains/applications/application-status.rules.ts';
import { withSmallNumbersSuppressed } from '../../../domains/map/map-applications.rules.ts';
import { applicationCountsOfOffer } from '../../../domains/map/map.service.ts';
import { complianceRuleOf } from '../../../domains/compliance/compliance-rule.service.ts';
import { listListings } from '../../../domains/listings/listing-view.repo.ts';
import { offerQuestions } from '../../../domains/offers/offer-questions.service.ts';
import { offerInFull } from '../../../domains/offers/offer-view.service.ts';
import { offerView } from './offer.presenter.ts';

export function registerOfferOverview(app: FastifyInstance, deps: Deps): void {
  app.get('/offers/:id', async (request, reply) => {
    const full = await offerInFull(deps, request.principal ?? null, (request.params as { id: string }).id);
    const view = offerView(full, deps.clock.today());
    const [live, counts, rule, questions] = await Promise.all([
      listListings(deps.db, { offerId: full.offer.id, statuses: ['live'] }), applicationCountsOfOffer(deps, full.offer.id), complianceRuleOf(deps, full.offer.id), offerQuestions(deps, request.actionContext(), full.offer.id),
    ]);
    const manages = mayManage(request.principal ?? null, full.offer);
    // Its commissioner sees exact figures; everyone else sees grounds of 1 to 4 withheld, as on the map (decision 0029).
    const published = manages ? { ...counts, refusedTotal: 0, suppressed: false } : withSmallNumbersSuppressed(counts);
    const refusals = REFUSAL_GROUNDS.map((ground) => ({ label: REFUSAL_GROUND_LABELS[ground], count: published.refused[ground] }));
    return reply.render('pages/offers/offer.njk', {
      pageTitle: `${full.offer.title} (${full.offer.reference})`, ...view, mayManage: manages, live, counts: published, refusals, rule, offerQuestions: questions,
    });
  });
}
