/** Edit pages for a draft offer's details (title, contract term, qualification window) and the commissioners it covers. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { coverageChoices } from '../../../domains/offers/offer-coverage.ts';
import type { OfferDetails } from '../../../domains/offers/offer-details.rules.ts';
import { changeCoverage, changeOfferDetails } from '../../../domains/offers/offer.service.ts';
import type { OfferRecord } from '../../../domains/offers/offer-view.service.ts';
import type { FieldError } from '../../../lib/errors.ts';
import { datePartsFromIso, datePartsOf, isoDateFromParts } from '../date-input.ts';
import { attempt, field, type FormErrors, rejected, renderForm } from '../form.ts';
import { get, post, registerPages } from '../page-routes.ts';
import { COMMISSIONER, offerForEditing } from './offer-page.ts';
import { fieldList } from './protocol-form.ts';

const DATE_FIELDS = {
  contractStart: 'The contract start date',
  contractEnd: 'The contract end date',
  windowOpens: 'The date the window opens',
  windowCloses: 'The date the window closes',
} as const;

function readDetails(body: unknown): { details: OfferDetails; dateErrors: FieldError[] } {
  const dateErrors: FieldError[] = [];
  const dates = Object.fromEntries(
    Object.entries(DATE_FIELDS).map(([name, label]) => {
      const result = isoDateFromParts(datePartsOf(body, name), name, label);
      if (result.error) dateErrors.push(result.error);
      return [name, result.value];
    }),
  ) as Record<keyof typeof DATE_FIELDS, string | null>;
  const windowKind = field(body, 'windowKind') === 'fixed' ? 'fixed' : 'rolling';
  return { details: { title: field(body, 'title'), summary: field(body, 'summary'), windowKind, ...dates }, dateErrors };
}

/** The details form, filled from the offer or from what was just sent. */
function viewOfferDetails(reply: FastifyReply, offer: OfferRecord, body: unknown, errors?: FormErrors) {
  const parts = Object.fromEntries(
    Object.keys(DATE_FIELDS).map((name) => [
      name,
      body ? datePartsOf(body, name) : datePartsFromIso(offer[name as keyof typeof DATE_FIELDS]),
    ]),
  );
  const values = body
    ? { title: field(body, 'title'), summary: field(body, 'summary'), windowKind: field(body, 'windowKind') }
    : { title: offer.title, summary: offer.summary, windowKind: offer.windowKind };
  return renderForm(reply, 'pages/offers/details.njk', 'Offer details', { offer, values, parts }, errors);
}

/** Saves the details, or shows the form again with its errors. */
async function submitOfferDetails(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const offer = await offerForEditing(deps, request);
  const { details, dateErrors } = readDetails(request.body);
  const outcome = dateErrors.length
    ? rejected(dateErrors)
    : await attempt(() => changeOfferDetails(deps, request.actionContext(), offer.id, details));
  if (!outcome.ok) return viewOfferDetails(reply, offer, request.body, outcome.errors);
  request.session.flash = 'The offer details have been saved.';
  return reply.redirect(`/offers/${offer.id}`, 303);
}

/** The coverage checkboxes: every commissioner the lead may cover, with those chosen ticked. */
async function viewOfferCoverage(deps: Deps, reply: FastifyReply, offer: OfferRecord, chosen: string[], errors?: FormErrors) {
  const commissioners = await coverageChoices(deps, offer.lead.id, offer);
  const items = commissioners.map((c) => ({
    value: c.odsCode ?? '',
    text: `${c.name}${c.odsCode ? ` (${c.odsCode})` : ''}`,
    checked: chosen.includes(c.odsCode ?? ''),
  }));
  return renderForm(reply, 'pages/offers/coverage.njk', 'Who the offer covers', { offer, items }, errors);
}

/** Saves the commissioners covered, or shows the choices again with their errors. */
async function submitOfferCoverage(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const offer = await offerForEditing(deps, request);
  const chosen = fieldList(request.body, 'coverage');
  const outcome = await attempt(() => changeCoverage(deps, request.actionContext(), offer.id, chosen));
  if (!outcome.ok) return viewOfferCoverage(deps, reply, offer, chosen, outcome.errors);
  request.session.flash = 'The commissioners the offer covers have been saved.';
  return reply.redirect(`/offers/${offer.id}`, 303);
}

export function registerOfferDetailsPages(app: FastifyInstance, deps: Deps): void {
  registerPages(app, [
    get(
      '/offers/:id/details',
      async (request, reply) => viewOfferDetails(reply, await offerForEditing(deps, request), undefined),
      COMMISSIONER,
    ),
    post('/offers/:id/details', (request, reply) => submitOfferDetails(deps, request, reply), COMMISSIONER),
    get(
      '/offers/:id/coverage',
      async (request, reply) => {
        const offer = await offerForEditing(deps, request);
        return viewOfferCoverage(
          deps,
          reply,
          offer,
          offer.coverage.map((c) => c.odsCode ?? ''),
        );
      },
      COMMISSIONER,
    ),
    post('/offers/:id/coverage', (request, reply) => submitOfferCoverage(deps, request, reply), COMMISSIONER),
  ]);
}
