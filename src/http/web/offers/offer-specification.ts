/** The local specification page: each Schedule 2 section starts as the pack's text; a changed section needs a reason and is kept as a difference. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { amendSpecification } from '../../../domains/offers/offer.service.ts';
import type { OfferRecord } from '../../../domains/offers/offer-view.service.ts';
import {
  type Amendment,
  localSpecification,
  SPECIFICATION_SECTIONS,
  type SpecificationSection,
} from '../../../domains/offers/specification-amendments.rules.ts';
import { attempt, field, type FormErrors, renderForm } from '../form.ts';
import { get, post, registerPages } from '../page-routes.ts';
import { COMMISSIONER, offerForEditing } from './offer-page.ts';

const SECTIONS = Object.keys(SPECIFICATION_SECTIONS) as SpecificationSection[];

/** Each section with the pack's text beside the local text and reason proposed. */
function viewOfferSpecification(reply: FastifyReply, offer: OfferRecord, proposed: Amendment[], errors?: FormErrors) {
  const sections = SECTIONS.map((section) => {
    const amendment = proposed.find((candidate) => candidate.section === section);
    return {
      section,
      label: SPECIFICATION_SECTIONS[section],
      packText: offer.pack.content.specification[section],
      text: amendment?.text ?? '',
      reason: amendment?.reason ?? '',
    };
  });
  return renderForm(reply, 'pages/offers/specification.njk', 'Local specification', { offer, sections }, errors);
}

/** The local specification as it stands: the pack's text with the offer's amendments applied. */
async function showOfferSpecification(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const offer = await offerForEditing(deps, request);
  const local = localSpecification(offer.pack.content.specification, offer.amendments);
  return viewOfferSpecification(
    reply,
    offer,
    SECTIONS.map((section) => ({
      section,
      text: local[section],
      reason: offer.amendments.find((a) => a.section === section)?.reason ?? '',
    })),
  );
}

/** Saves the amended sections, or shows the form again with its errors. */
async function submitOfferSpecification(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const offer = await offerForEditing(deps, request);
  const proposed = SECTIONS.map((section) => ({
    section,
    text: field(request.body, section),
    reason: field(request.body, `${section}-reason`),
  }));
  const outcome = await attempt(() => amendSpecification(deps, request.actionContext(), offer.id, proposed));
  if (!outcome.ok) return viewOfferSpecification(reply, offer, proposed, outcome.errors);
  const { amended } = outcome.value;
  request.session.flash = amended
    ? `The local specification has been saved with ${amended} amended section${amended === 1 ? '' : 's'}.`
    : 'The specification is the national pack’s, unchanged.';
  return reply.redirect(`/offers/${offer.id}`, 303);
}

export function registerOfferSpecificationPage(app: FastifyInstance, deps: Deps): void {
  registerPages(app, [
    get('/offers/:id/specification', (request, reply) => showOfferSpecification(deps, request, reply), COMMISSIONER),
    post('/offers/:id/specification', (request, reply) => submitOfferSpecification(deps, request, reply), COMMISSIONER),
  ]);
}
