/** The referral protocol editor: ages, sexes, routes, exclusions with their redirect advice, prerequisites, repeat limits, priorities and deadline. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { protocolFieldErrors } from '../../../domains/catalogue/referral-protocol.rules.ts';
import type { ReferralProtocol } from '../../../domains/catalogue/referral-protocol.schema.ts';
import type { Deps } from '../../../domains/deps.ts';
import { latestProtocolOf, type OfferRecord } from '../../../domains/offers/offer-view.service.ts';
import { saveOfferProtocol } from '../../../domains/offers/offer-terms.service.ts';
import { type FormErrors, formErrors } from '../form.ts';
import { COMMISSIONER, offerForEditing } from './offer-page.ts';
import { BLANK_ROWS, formErrorFor, keepPatientWording, protocolFromForm } from './protocol-form.ts';

const ROUTE_ITEMS = [{ value: 'gp', text: 'GP' }, { value: 'other-clinician', text: 'Other clinician (for example a physiotherapist or practice nurse)' }, { value: 'self', text: 'Self-referral by the patient' }];

/** The editor's values: existing questions plus blank rows for new ones. */
function editorValues(protocol: ReferralProtocol) {
  const text = (value: number | undefined) => (value === undefined ? '' : String(value));
  return {
    ageMin: text(protocol.ageMin), ageMax: text(protocol.ageMax), sexes: protocol.sexes, routes: protocol.routes, priorities: protocol.priorities,
    acceptanceDeadlineWorkingDays: text(protocol.acceptanceDeadlineWorkingDays),
    repeatMaxReferrals: text(protocol.repeatLimit?.maxReferrals), repeatWithinMonths: text(protocol.repeatLimit?.withinMonths), repeatPer: protocol.repeatLimit?.per ?? 'service',
    exclusions: [...protocol.exclusions.map((q) => ({ id: q.id, question: q.question, answer: q.redirectAdvice })), ...Array.from({ length: BLANK_ROWS }, () => ({ id: '', question: '', answer: '' }))],
    prerequisites: [...protocol.prerequisites.map((q) => ({ id: q.id, question: q.question, answer: q.adviceIfNotMet })), ...Array.from({ length: BLANK_ROWS }, () => ({ id: '', question: '', answer: '' }))],
  };
}

export function registerOfferProtocolPage(app: FastifyInstance, deps: Deps): void {
  const render = (reply: FastifyReply, offer: OfferRecord, values: ReturnType<typeof editorValues>, version: number, status = 200, errors?: FormErrors) =>
    reply.status(status).render('pages/offers/protocol.njk', {
      pageTitle: `${errors ? 'Error: ' : ''}Referral protocol`, offer, values, version, routeItems: ROUTE_ITEMS.map((item) => ({ ...item, checked: (values.routes as string[]).includes(item.value) })), nationalAgeMin: offer.pack.content.protocol.ageMin, ...errors,
    });

  app.get('/offers/:id/protocol', COMMISSIONER, async (request, reply) => {
    const offer = await offerForEditing(deps, request);
    const current = await latestProtocolOf(deps, offer.id);
    return render(reply, offer, editorValues(current?.content ?? offer.pack.content.protocol), current?.version ?? 0);
  });

  app.post('/offers/:id/protocol', COMMISSIONER, async (request, reply) => {
    const offer = await offerForEditing(deps, request);
    const parsed = protocolFromForm(request.body);
    const errors = [...parsed.errors, ...(parsed.errors.length ? [] : protocolFieldErrors(parsed.protocol).map((error) => formErrorFor(error, parsed)))];
    if (errors.length) {
      const current = await latestProtocolOf(deps, offer.id);
      const values = { ...editorValues(parsed.protocol), ...rawNumbers(request.body) };
      return render(reply, offer, values, current?.version ?? 0, 400, formErrors(errors));
    }
    const previous = await latestProtocolOf(deps, offer.id);
    const { version } = await saveOfferProtocol(deps, request.actionContext(), offer.id, keepPatientWording(previous?.content ?? offer.pack.content.protocol, parsed.protocol));
    request.session.flash = `Version ${version} of the referral protocol has been saved. New referrals are judged against it.`;
    return reply.redirect(`/offers/${offer.id}`, 303);
  });
}

/** Number boxes re-shown as typed, so a mistake can be corrected where it was made. */
function rawNumbers(body: unknown) {
  const raw = (name: string) => String((body as Record<string, unknown>)[name] ?? '');
  return { ageMin: raw('ageMin'), ageMax: raw('ageMax'), acceptanceDeadlineWorkingDays: raw('acceptanceDeadlineWorkingDays'), repeatMaxReferrals: raw('repeatMaxReferrals'), repeatWithinMonths: raw('repeatWithinMonths') };
}
