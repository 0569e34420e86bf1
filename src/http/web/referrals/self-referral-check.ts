/** Check your answers, then send (issue #12 item 4; decision 0031): the self-referral is saved only from this page, and the confirmation says honestly what happens next. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { contactInputOf } from '../../../domains/referrals/patient-contact.rules.ts';
import { formatUbrn } from '../../../domains/referrals/referral-reference.rules.ts';
import { decideSelfReferral, SELF_REFERRALS_PER_TEN_MINUTES } from '../../../domains/referrals/self-referral.service.ts';
import { attempt } from '../form.ts';
import { namedForForm } from '../form-outcome.ts';
import { get, post, registerPages } from '../page-routes.ts';
import { withDateError } from './referral-form.ts';
import { PATIENT_ACCESS_MINUTES, patientUbrnOf, takeNewAccessCode } from './referral-session.ts';
import { checkAnswersRows } from './self-referral-check.presenter.ts';
import { draftOf, forgetDraft } from './self-referral-draft.ts';
import { locationFrom, locationQuery, selfReferralInputFrom } from './self-referral-form.ts';
import { formFor, renderRefusal, viewSelfReferralForm } from './self-referral-page.ts';

/** The kept answers with the form they belong to, or undefined when they have expired (or the place no longer offers the service). */
async function draftForm(deps: Deps, request: FastifyRequest) {
  const draft = draftOf(request);
  if (!draft) return undefined;
  const form = await formFor(deps, locationFrom(draft.fields), draft.serviceCode);
  if ('errors' in form) return undefined;
  const { input, dateError } = selfReferralInputFrom(draft.fields, form.service.serviceCode, form.service.protocol.content);
  return { draft, form, input, dateError };
}

/** Saves the self-referral from the kept answers and goes on to the confirmation; answers no longer eligible show the refusal, and answers the service refuses show the form again. */
async function submitSelfReferralCheck(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const kept = await draftForm(deps, request);
  if (!kept) return reply.redirect('/self-referral', 303);
  const decide = namedForForm(
    () => decideSelfReferral(deps, request.actionContext(), kept.form, kept.input),
    (errors) => withDateError(errors, kept.dateError),
  );
  const outcome = await attempt(decide);
  if (!outcome.ok) return viewSelfReferralForm(reply, kept.form, kept.draft.fields, outcome.errors);
  const decision = outcome.value;
  if (!decision.created)
    return renderRefusal(reply, {
      serviceName: kept.form.service.servicePublicName,
      commissionerName: kept.form.setting.commissioner.areaName,
      reasons: decision.eligibility.reasons,
      location: kept.form.location,
    });
  forgetDraft(request);
  const { ubrn, accessCode } = decision.created;
  request.session.newReferral = { ubrn, accessCode };
  request.session.patientReferral = { ubrn, until: Date.now() + PATIENT_ACCESS_MINUTES * 60_000 };
  const by = kept.input.sendReferenceBy;
  request.session.referenceDelivery =
    by === 'email' || by === 'text' ? { ubrn, by, to: by === 'email' ? kept.input.email.trim() : kept.input.phone.trim() } : undefined;
  return reply.redirect('/self-referral/confirmation', 303);
}

/** The answers kept, to check before sending. */
async function viewSelfReferralCheck(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const kept = await draftForm(deps, request);
  if (!kept) return reply.redirect('/self-referral', 303);
  return reply.render('pages/referrals/self-referral-check.njk', {
    pageTitle: 'Check your answers before sending your self-referral',
    form: kept.form,
    formHref: `/self-referral/services/${kept.form.service.serviceCode}?${locationQuery(kept.form.location)}`,
    rows: checkAnswersRows(kept.form, { ...kept.input, ...contactInputOf(kept.input) }),
  });
}

/** The reference and access code, shown once, with how they will also be sent. */
async function viewConfirmation(request: FastifyRequest, reply: FastifyReply) {
  const ubrn = patientUbrnOf(request);
  const accessCode = ubrn && takeNewAccessCode(request, ubrn);
  if (!ubrn || !accessCode) return reply.redirect(ubrn ? '/referral-status/referral' : '/self-referral', 303);
  const delivery = request.session.referenceDelivery?.ubrn === ubrn ? request.session.referenceDelivery : undefined;
  request.session.referenceDelivery = undefined;
  return reply.render('pages/referrals/self-referral-confirmation.njk', {
    pageTitle: 'Now choose your provider',
    reference: formatUbrn(ubrn),
    accessCode,
    delivery,
  });
}

/** The check-your-answers page, the send that saves the self-referral, and the confirmation. */
export function registerSelfReferralCheck(app: FastifyInstance, deps: Deps): void {
  registerPages(app, [
    get('/self-referral/check', (request, reply) => viewSelfReferralCheck(deps, request, reply)),
    post('/self-referral/check', (request, reply) => submitSelfReferralCheck(deps, request, reply), {
      config: { rateLimit: { max: SELF_REFERRALS_PER_TEN_MINUTES, timeWindow: '10 minutes' } },
    }),
    get('/self-referral/confirmation', (request, reply) => viewConfirmation(request, reply)),
  ]);
}
