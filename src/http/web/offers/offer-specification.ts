/** The local specification page: each Schedule 2 section starts as the pack's text; a changed section needs a reason and is kept as a difference. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { amendSpecification } from '../../../domains/offers/offer.service.ts';
import type { OfferRecord } from '../../../domains/offers/offer-view.service.ts';
import { type Amendment, localSpecification, SPECIFICATION_SECTIONS, type SpecificationSection } from '../../../domains/offers/specification-amendments.rules.ts';
import { field, type FormErrors, validationErrorsOf } from '../form.ts';
import { COMMISSIONER, offerForEditing } from './offer-page.ts';

const SECTIONS = Object.keys(SPECIFICATION_SECTIONS) as SpecificationSection[];

export function registerOfferSpecificationPage(app: FastifyInstance, deps: Deps): void {
  const render = (reply: FastifyReply, offer: OfferRecord, proposed: Amendment[], status = 200, errors?: FormErrors) => {
    const sections = SECTIONS.map((section) => {
      const amendment = proposed.find((candidate) => candidate.section === section);
      return { section, label: SPECIFICATION_SECTIONS[section], packText: offer.pack.content.specification[section], text: amendment?.text ?? '', reason: amendment?.reason ?? '' };
    });
    return reply.status(status).render('pages/offers/specification.njk', { pageTitle: `${errors ? 'Error: ' : ''}Local specification`, offer, sections, ...errors });
  };

  app.get('/offers/:id/specification', COMMISSIONER, async (request, reply) => {
    const offer = await offerForEditing(deps, request);
    const local = localSpecification(offer.pack.content.specification, offer.amendments);
    return render(reply, offer, SECTIONS.map((section) => ({ section, text: local[section], reason: offer.amendments.find((a) => a.section === section)?.reason ?? '' })));
  });

  app.post('/offers/:id/specification', COMMISSIONER, async (request, reply) => {
    const offer = await offerForEditing(deps, request);
    const proposed = SECTIONS.map((section) => ({ section, text: field(request.body, section), reason: field(request.body, `${section}-reason`) }));
    try {
      const { amended } = await amendSpecification(deps, request.actionContext(), offer.id, proposed);
      request.session.flash = amended ? `The local specification has been saved with ${amended} amended section${amended === 1 ? '' : 's'}.` : 'The specification is the national pack’s, unchanged.';
      return reply.redirect(`/offers/${offer.id}`, 303);
    } catch (error) {
      const errors = validationErrorsOf(error);
      if (!errors) throw error;
      return render(reply, offer, proposed, 400, errors);
    }
  });
}
