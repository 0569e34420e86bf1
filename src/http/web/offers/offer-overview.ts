/** The offer page: what was adopted, what changed locally, protocol, prices, coverage and history; with change links for its commissioner. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { mayManage } from '../../../domains/offers/offer-access.ts';
import { REFUSAL_GROUND_LABELS, REFUSAL_GROUNDS } from '../../../domains/applications/application-status.rules.ts';
import { withSmallNumbersSuppressed } from '../../../domains/map/map-applications.rules.ts';
import { applicationCountsOfOffer } from '../../../domains/map/map.service.ts';
import { complianceRuleOf } from '../../../domains/compliance/compliance-rule.service.ts';
import { liveProvidersOf } from '../../../domains/listings/listing-read.service.ts';
import { offerQuestions } from '../../../domains/offers/offer-questions.service.ts';
import { offerInFull } from '../../../domains/offers/offer-view.service.ts';
import { get, registerPages } from '../page-routes.ts';
import { offerView } from './offer.presenter.ts';

/** One offer as the signed-in user (or the public) may see it, with its live providers and application figures. */
async function viewOffer(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const principal = request.principal ?? null;
  const full = await offerInFull(deps, principal, (request.params as { id: string }).id);
  const view = offerView(full, deps.clock.today());
  const [live, counts, rule, questions] = await Promise.all([
    liveProvidersOf(deps, principal, full.offer.id),
    applicationCountsOfOffer(deps, full.offer.id),
    complianceRuleOf(deps, full.offer.id),
    offerQuestions(deps, request.actionContext(), full.offer.id),
  ]);
  const manages = mayManage(principal, full.offer);
  // Its commissioner sees exact figures; everyone else sees grounds of 1 to 4 withheld, as on the map (decision 0029).
  const published = manages ? { ...counts, refusedTotal: 0, suppressed: false } : withSmallNumbersSuppressed(counts);
  const refusals = REFUSAL_GROUNDS.map((ground) => ({ label: REFUSAL_GROUND_LABELS[ground], count: published.refused[ground] }));
  return reply.render('pages/offers/offer.njk', {
    pageTitle: `${full.offer.title} (${full.offer.reference})`,
    ...view,
    mayManage: manages,
    live,
    counts: published,
    refusals,
    rule,
    offerQuestions: questions,
  });
}

export function registerOfferOverview(app: FastifyInstance, deps: Deps): void {
  registerPages(app, [get('/offers/:id', (request, reply) => viewOffer(deps, request, reply))]);
}
