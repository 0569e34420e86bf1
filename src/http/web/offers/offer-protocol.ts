/** The referral protocol editor: ages, sexes, routes, exclusions with their redirect advice, prerequisites, repeat limits, priorities and deadline. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { protocolFieldErrors } from '../../../domains/catalogue/referral-protocol.rules.ts';
import type { ReferralProtocol } from '../../../domains/catalogue/referral-protocol.schema.ts';
import type { Deps } from '../../../domains/deps.ts';
import { latestProtocolOf, type OfferRecord } from '../../../domains/offers/offer-view.service.ts';
import { saveOfferProtocol } from '../../../domains/offers/offer-terms.service.ts';
import { type FormErrors, formErrors, renderForm } from '../form.ts';
import { memoisedFragment } from '../fragment-memo.ts';
import { get, post, registerPages } from '../page-routes.ts';
import { COMMISSIONER, offerForEditing } from './offer-page.ts';
import { BLANK_ROWS, formErrorFor, keepPatientWording, protocolFromForm } from './protocol-form.ts';

const ROUTE_ITEMS = [
  { value: 'gp', text: 'GP' },
  { value: 'other-clinician', text: 'Other clinician (for example a physiotherapist or practice nurse)' },
  { value: 'self', text: 'Self-referral by the patient' },
];

/** The editor's values: existing questions plus blank rows for new ones. */
function editorValues(protocol: ReferralProtocol) {
  const text = (value: number | undefined) => (value === undefined ? '' : String(value));
  return {
    ageMin: text(protocol.ageMin),
    ageMax: text(protocol.ageMax),
    sexes: protocol.sexes,
    routes: protocol.routes,
    priorities: protocol.priorities,
    acceptanceDeadlineWorkingDays: text(protocol.acceptanceDeadlineWorkingDays),
    repeatMaxReferrals: text(protocol.repeatLimit?.maxReferrals),
    repeatWithinMonths: text(protocol.repeatLimit?.withinMonths),
    repeatPer: protocol.repeatLimit?.per ?? 'service',
    exclusions: [
      ...protocol.exclusions.map((q) => ({ id: q.id, question: q.question, answer: q.redirectAdvice })),
      ...Array.from({ length: BLANK_ROWS }, () => ({ id: '', question: '', answer: '' })),
    ],
    prerequisites: [
      ...protocol.prerequisites.map((q) => ({ id: q.id, question: q.question, answer: q.adviceIfNotMet })),
      ...Array.from({ length: BLANK_ROWS }, () => ({ id: '', question: '', answer: '' })),
    ],
  };
}

/** The protocol editor, filled from the latest version (or the pack's) or from what was just sent; its fields are rendered once per values and errors. */
function viewOfferProtocol(
  reply: FastifyReply,
  offer: OfferRecord,
  values: ReturnType<typeof editorValues>,
  version: number,
  errors?: FormErrors,
) {
  const fields = {
    values,
    routeItems: ROUTE_ITEMS.map((item) => ({ ...item, checked: (values.routes as string[]).includes(item.value) })),
    fieldErrors: errors?.fieldErrors,
  };
  return renderForm(
    reply,
    'pages/offers/protocol.njk',
    'Referral protocol',
    {
      offer,
      version,
      nationalAgeMin: offer.pack.content.protocol.ageMin,
      fieldsHtml: memoisedFragment(reply, 'pages/offers/protocol-fields.njk', fields),
    },
    errors,
  );
}

/** The editor for the offer's current protocol. */
async function showOfferProtocol(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const offer = await offerForEditing(deps, request);
  const current = await latestProtocolOf(deps, offer.id);
  return viewOfferProtocol(reply, offer, editorValues(current?.content ?? offer.pack.content.protocol), current?.version ?? 0);
}

/** Saves a new protocol version, or shows the editor again with its errors. */
async function submitOfferProtocol(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const offer = await offerForEditing(deps, request);
  const parsed = protocolFromForm(request.body);
  const errors = [
    ...parsed.errors,
    ...(parsed.errors.length ? [] : protocolFieldErrors(parsed.protocol).map((error) => formErrorFor(error, parsed))),
  ];
  const previous = await latestProtocolOf(deps, offer.id);
  if (errors.length)
    return viewOfferProtocol(
      reply,
      offer,
      { ...editorValues(parsed.protocol), ...rawNumbers(request.body) },
      previous?.version ?? 0,
      formErrors(errors),
    );
  const { version } = await saveOfferProtocol(
    deps,
    request.actionContext(),
    offer.id,
    keepPatientWording(previous?.content ?? offer.pack.content.protocol, parsed.protocol),
  );
  request.session.flash = `Version ${version} of the referral protocol has been saved. New referrals are judged against it.`;
  return reply.redirect(`/offers/${offer.id}`, 303);
}

export function registerOfferProtocolPage(app: FastifyInstance, deps: Deps): void {
  registerPages(app, [
    get('/offers/:id/protocol', (request, reply) => showOfferProtocol(deps, request, reply), COMMISSIONER),
    post('/offers/:id/protocol', (request, reply) => submitOfferProtocol(deps, request, reply), COMMISSIONER),
  ]);
}

/** Number boxes re-shown as typed, so a mistake can be corrected where it was made. */
function rawNumbers(body: unknown) {
  const raw = (name: string) => String((body as Record<string, unknown>)[name] ?? '');
  return {
    ageMin: raw('ageMin'),
    ageMax: raw('ageMax'),
    acceptanceDeadlineWorkingDays: raw('acceptanceDeadlineWorkingDays'),
    repeatMaxReferrals: raw('repeatMaxReferrals'),
    repeatWithinMonths: raw('repeatWithinMonths'),
  };
}
