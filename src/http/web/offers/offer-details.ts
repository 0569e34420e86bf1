/** Edit pages for a draft offer's details (title, contract term, qualification window) and the commissioners it covers. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { coverageChoices } from '../../../domains/offers/offer-coverage.ts';
import type { OfferDetails } from '../../../domains/offers/offer-details.rules.ts';
import { changeCoverage, changeOfferDetails } from '../../../domains/offers/offer.service.ts';
import type { OfferRecord } from '../../../domains/offers/offer-view.service.ts';
import type { FieldError } from '../../../lib/errors.ts';
import { datePartsFromIso, datePartsOf, isoDateFromParts } from '../date-input.ts';
import { field, type FormErrors, formErrors, validationErrorsOf } from '../form.ts';
import { COMMISSIONER, offerForEditing } from './offer-page.ts';
import { fieldList } from './protocol-form.ts';

const DATE_FIELDS = { contractStart: 'The contract start date', contractEnd: 'The contract end date', windowOpens: 'The date the window opens', windowCloses: 'The date the window closes' } as const;

function readDetails(body: unknown): { details: OfferDetails; dateErrors: FieldError[] } {
  const dateErrors: FieldError[] = [];
  const dates = Object.fromEntries(Object.entries(DATE_FIELDS).map(([name, label]) => {
    const result = isoDateFromParts(datePartsOf(body, name), name, label);
    if (result.error) dateErrors.push(result.error);
    return [name, result.value];
  })) as Record<keyof typeof DATE_FIELDS, string | null>;
  const windowKind = field(body, 'windowKind') === 'fixed' ? 'fixed' : 'rolling';
  return { details: { title: field(body, 'title'), summary: field(body, 'summary'), windowKind, ...dates }, dateErrors };
}

export function registerOfferDetailsPages(app: FastifyInstance, deps: Deps): void {
  const renderDetails = (reply: FastifyReply, offer: OfferRecord, body: unknown, status = 200, errors?: FormErrors) => {
    const parts = Object.fromEntries(Object.keys(DATE_FIELDS).map((name) => [name, body ? datePartsOf(body, name) : datePartsFromIso(offer[name as keyof typeof DATE_FIELDS])]));
    const values = body ? { title: field(body, 'title'), summary: field(body, 'summary'), windowKind: field(body, 'windowKind') } : { title: offer.title, summary: offer.summary, windowKind: offer.windowKind };
    return reply.status(status).render('pages/offers/details.njk', { pageTitle: `${errors ? 'Error: ' : ''}Offer details`, offer, values, parts, ...errors });
  };

  app.get('/offers/:id/details', COMMISSIONER, async (request, reply) => renderDetails(reply, await offerForEditing(deps, request), undefined));
  app.post('/offers/:id/details', COMMISSIONER, async (request, reply) => {
    const offer = await offerForEditing(deps, request);
    const { details, dateErrors } = readDetails(request.body);
    try {
      if (dateErrors.length) return renderDetails(reply, offer, request.body, 400, formErrors(dateErrors));
      await changeOfferDetails(deps, request.actionContext(), offer.id, details);
      request.session.flash = 'The offer details have been saved.';
      return reply.redirect(`/offers/${offer.id}`, 303);
    } catch (error) {
      const errors = validationErrorsOf(error);
      if (!errors) throw error;
      return renderDetails(reply, offer, request.body, 400, errors);
    }
  });

  const renderCoverage = async (reply: FastifyReply, offer: OfferRecord, chosen: string[], status = 200, errors?: FormErrors) => {
    const commissioners = await coverageChoices(deps, offer.lead.id, offer);
    const items = commissioners.map((c) => ({ value: c.odsCode ?? '', text: `${c.name}${c.odsCode ? ` (${c.odsCode})` : ''}`, checked: chosen.includes(c.odsCode ?? '') }));
    return reply.status(status).render('pages/offers/coverage.njk', { pageTitle: `${errors ? 'Error: ' : ''}Who the offer covers`, offer, items, ...errors });
  };

  app.get('/offers/:id/coverage', COMMISSIONER, async (request, reply) => {
    const offer = await offerForEditing(deps, request);
    return renderCoverage(reply, offer, offer.coverage.map((c) => c.odsCode ?? ''));
  });
  app.post('/offers/:id/coverage', COMMISSIONER, async (request, reply) => {
    const offer = await offerForEditing(deps, request);
    const chosen = fieldList(request.body, 'coverage');
    try {
      await changeCoverage(deps, request.actionContext(), offer.id, chosen);
      request.session.flash = 'The commissioners the offer covers have been saved.';
      return reply.redirect(`/offers/${offer.id}`, 303);
    } catch (error) {
      const errors = validationErrorsOf(error);
      if (!errors) throw error;
      return renderCoverage(reply, offer, chosen, 400, errors);
    }
  });
}
