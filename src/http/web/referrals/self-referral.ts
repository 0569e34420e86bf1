/** Self-referral pages (issue #6 item 8): public, no sign-in; where you are, the services you may refer yourself to, the form, and the result, then straight on to choosing a provider. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { type IneligibilityReason, routeReasons } from '../../../domains/referrals/eligibility.rules.ts';
import { allowsSelfReferral } from '../../../domains/referrals/referral-offer.service.ts';
import { selfReferralServicesFor } from '../../../domains/referrals/self-referral-location.service.ts';
import {
  checkSelfReferral,
  refuseAutomatedSelfReferral,
  SELF_REFERRALS_PER_TEN_MINUTES,
} from '../../../domains/referrals/self-referral.service.ts';
import { attempt, field, type FormErrors, renderForm } from '../form.ts';
import { namedForForm } from '../form-outcome.ts';
import { get, post, registerPages } from '../page-routes.ts';
import { pageRequest, paginationView } from '../pagination.ts';
import { withDateError } from './referral-form.ts';
import { draftOf, keepDraft } from './self-referral-draft.ts';
import { formFor, renderRefusal, type SelfReferralForm, viewSelfReferralForm } from './self-referral-page.ts';
import { HONEYPOT_FIELD, locationFrom, locationQuery, selfReferralInputFrom } from './self-referral-form.ts';

/** Where the patient is registered: postcode, or GP surgery. */
function viewSelfReferralStart(reply: FastifyReply, source: unknown, errors?: FormErrors) {
  return renderForm(reply, 'pages/referrals/self-referral-start.njk', 'Refer yourself', { location: locationFrom(source) }, errors);
}

const serviceOf = (request: FastifyRequest) => (request.params as { service: string }).service;

/** The GP surgeries near the postcode to choose from, or the services open to the patient's surgery; a place not found shows the start again. */
async function viewSelfReferralServices(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const location = locationFrom(request.query);
  const page = pageRequest((request.query as { page?: string }).page);
  const outcome = await attempt(() => selfReferralServicesFor(deps, location, page));
  if (!outcome.ok) return viewSelfReferralStart(reply, request.query, outcome.errors);
  const answer = outcome.value;
  if (answer.kind === 'practices') {
    const practices = answer.practices.map((practice) => ({
      ...practice,
      href: `/self-referral/services?${locationQuery({ ...location, practice: practice.odsCode ?? '' })}`,
    }));
    return reply.render('pages/referrals/self-referral-practices.njk', {
      pageTitle: 'Choose your GP surgery',
      location,
      practices,
      pagination: paginationView(page, answer.total, '/self-referral/services', {
        postcode: location.postcode,
        practice: location.practice,
      }),
    });
  }
  return reply.render('pages/referrals/self-referral-services.njk', {
    pageTitle: 'Services you can refer yourself to',
    setting: answer.setting,
    services: answer.services,
    query: locationQuery(location),
    location,
  });
}

/** The refusal for a service the patient cannot refer themselves to. */
function refuse(reply: FastifyReply, form: SelfReferralForm, reasons: IneligibilityReason[]) {
  return renderRefusal(reply, {
    serviceName: form.service.servicePublicName,
    commissionerName: form.setting.commissioner.areaName,
    reasons,
    location: form.location,
  });
}

/** The form for one service, filled from answers kept; a service closed to self-referral is refused with its reasons. */
async function viewSelfReferral(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const form = await formFor(deps, locationFrom(request.query), serviceOf(request));
  if ('errors' in form) return viewSelfReferralStart(reply, request.query, form.errors);
  if (!allowsSelfReferral(form.service)) return refuse(reply, form, routeReasons(form.service.protocol.content, 'self'));
  return viewSelfReferralForm(reply, form, draftOf(request, form.service.serviceCode)?.fields ?? {});
}

/** Checks the answers and keeps them for the check-your-answers page; an ineligible patient sees why, bad answers the form again, and a robot nothing. */
async function submitSelfReferral(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  if (field(request.body, HONEYPOT_FIELD)) {
    await refuseAutomatedSelfReferral(deps, request.actionContext(), serviceOf(request));
    return reply.redirect('/self-referral', 303);
  }
  const form = await formFor(deps, locationFrom(request.body), serviceOf(request));
  if ('errors' in form) return viewSelfReferralStart(reply, request.body, form.errors);
  const { input, dateError } = selfReferralInputFrom(request.body, form.service.serviceCode, form.service.protocol.content);
  const outcome = await attempt(
    namedForForm(
      () => checkSelfReferral(deps, request.actionContext(), form, input),
      (errors) => withDateError(errors, dateError),
    ),
  );
  if (!outcome.ok) return viewSelfReferralForm(reply, form, request.body, outcome.errors);
  if (!outcome.value.eligibility.eligible) return refuse(reply, form, outcome.value.eligibility.reasons);
  keepDraft(request, form.service.serviceCode, request.body);
  return reply.redirect('/self-referral/check', 303);
}

/** The public self-referral pages: where the patient is registered, the services open to them, the form and the outcome. */
export function registerSelfReferralPages(app: FastifyInstance, deps: Deps): void {
  registerPages(app, [
    get('/self-referral', async (request, reply) => viewSelfReferralStart(reply, request.query)),
    get('/self-referral/services', (request, reply) => viewSelfReferralServices(deps, request, reply)),
    get('/self-referral/services/:service', (request, reply) => viewSelfReferral(deps, request, reply)),
    post('/self-referral/services/:service', (request, reply) => submitSelfReferral(deps, request, reply), {
      config: { rateLimit: { max: SELF_REFERRALS_PER_TEN_MINUTES, timeWindow: '10 minutes' } },
    }),
  ]);
}
