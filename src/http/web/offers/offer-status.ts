/** The status page: publish, open for applications, close or withdraw an offer, with a reason kept in its history. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import type { OfferRecord } from '../../../domains/offers/offer-view.service.ts';
import { changeOfferStatus } from '../../../domains/offers/offer-terms.service.ts';
import { isOfferStatus, nextStatuses, OFFER_STATUS_LABELS } from '../../../domains/offers/offer-status.rules.ts';
import { DomainError } from '../../../lib/errors.ts';
import { field, type FormErrors, formErrors, validationErrorsOf } from '../form.ts';
import { COMMISSIONER, offerForEditing } from './offer-page.ts';

const HINTS: Record<string, string> = {
  published: 'The offer appears on the AQP map and in the open data. Its details, coverage and specification can no longer change.',
  open: 'Providers can apply to qualify. The qualification window must have opened.',
  closed: 'No new applications. Qualified providers carry on.',
  withdrawn: 'The offer ends for good. Say why.',
};

export function registerOfferStatusPage(app: FastifyInstance, deps: Deps): void {
  const render = (reply: FastifyReply, offer: OfferRecord, values: { status: string; reason: string }, status = 200, errors?: FormErrors) =>
    reply.status(status).render('pages/offers/status.njk', {
      pageTitle: `${errors ? 'Error: ' : ''}Change the offer’s status`, offer, values, currentStatus: OFFER_STATUS_LABELS[offer.status], ...errors,
      items: nextStatuses(offer.status).map((next) => ({ value: next, text: OFFER_STATUS_LABELS[next], hint: { text: HINTS[next] } })),
    });

  app.get('/offers/:id/status', COMMISSIONER, async (request, reply) => render(reply, await offerForEditing(deps, request), { status: '', reason: '' }));

  app.post('/offers/:id/status', COMMISSIONER, async (request, reply) => {
    const offer = await offerForEditing(deps, request);
    const values = { status: field(request.body, 'status'), reason: field(request.body, 'reason') };
    if (!isOfferStatus(values.status)) return render(reply, offer, values, 400, formErrors([{ field: 'status', message: 'Select what should happen to the offer' }]));
    try {
      await changeOfferStatus(deps, request.actionContext(), offer.id, values.status, values.reason);
      request.session.flash = `The offer is now ${OFFER_STATUS_LABELS[values.status].toLowerCase()}.`;
      return reply.redirect(`/offers/${offer.id}`, 303);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'invalid-transition') return render(reply, offer, values, 409, formErrors([{ field: 'status', message: error.message }]));
      const errors = validationErrorsOf(error);
      if (!errors) throw error;
      return render(reply, offer, values, 400, errors);
    }
  });
}
