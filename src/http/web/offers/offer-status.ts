/** The status page: publish, open for applications, close or withdraw an offer, with a reason kept in its history. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import type { OfferRecord } from '../../../domains/offers/offer-view.service.ts';
import { changeOfferStatus } from '../../../domains/offers/offer-terms.service.ts';
import { isOfferStatus, nextStatuses, OFFER_STATUS_LABELS } from '../../../domains/offers/offer-status.rules.ts';
import { field, type FormErrors, formErrors, titleOf } from '../form.ts';
import { attemptRefusable } from '../form-outcome.ts';
import { get, post, registerPages } from '../page-routes.ts';
import { COMMISSIONER, offerForEditing } from './offer-page.ts';

const HINTS: Record<string, string> = {
  published: 'The offer appears on the AQP map and in the open data. Its details, coverage and specification can no longer change.',
  open: 'Providers can apply to qualify. The qualification window must have opened.',
  closed: 'No new applications. Qualified providers carry on.',
  withdrawn: 'The offer ends for good. Say why.',
};

/** The status form: the moves open from the offer's status, each with what it means. */
function viewOfferStatus(
  reply: FastifyReply,
  offer: OfferRecord,
  values: { status: string; reason: string },
  errors?: FormErrors,
  status = errors ? 400 : 200,
) {
  return reply.status(status).render('pages/offers/status.njk', {
    pageTitle: titleOf('Change the offer’s status', errors),
    offer,
    values,
    currentStatus: OFFER_STATUS_LABELS[offer.status],
    ...errors,
    items: nextStatuses(offer.status).map((next) => ({ value: next, text: OFFER_STATUS_LABELS[next], hint: { text: HINTS[next] } })),
  });
}

/** Moves the offer on, or shows the form again with its errors; a move its status forbids is refused beside the choice (409). */
async function submitOfferStatus(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const offer = await offerForEditing(deps, request);
  const values = { status: field(request.body, 'status'), reason: field(request.body, 'reason') };
  const next = values.status;
  if (!isOfferStatus(next))
    return viewOfferStatus(reply, offer, values, formErrors([{ field: 'status', message: 'Select what should happen to the offer' }]));
  const outcome = await attemptRefusable(['invalid-transition'], 'status', () =>
    changeOfferStatus(deps, request.actionContext(), offer.id, next, values.reason),
  );
  if (!outcome.ok) return viewOfferStatus(reply, offer, values, outcome.errors, outcome.status);
  request.session.flash = `The offer is now ${OFFER_STATUS_LABELS[next].toLowerCase()}.`;
  return reply.redirect(`/offers/${offer.id}`, 303);
}

export function registerOfferStatusPage(app: FastifyInstance, deps: Deps): void {
  registerPages(app, [
    get(
      '/offers/:id/status',
      async (request, reply) => viewOfferStatus(reply, await offerForEditing(deps, request), { status: '', reason: '' }),
      COMMISSIONER,
    ),
    post('/offers/:id/status', (request, reply) => submitOfferStatus(deps, request, reply), COMMISSIONER),
  ]);
}
