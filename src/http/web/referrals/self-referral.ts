/** Self-referral pages (issue #6 item 8): public, no sign-in; where you are, the services you may refer yourself to, the form, and the result, then straight on to choosing a provider. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { routeReasons } from '../../../domains/referrals/eligibility.rules.ts';
import { allowsSelfReferral } from '../../../domains/referrals/referral-offer.service.ts';
import { type PatientLocation, selfReferralFormFor, selfReferralServicesFor } from '../../../domains/referrals/self-referral-location.service.ts';
import { checkSelfReferral, refuseAutomatedSelfReferral, SELF_REFERRALS_PER_TEN_MINUTES } from '../../../domains/referrals/self-referral.service.ts';
import { DomainError } from '../../../lib/errors.ts';
import { field, type FormErrors, formErrors, validationErrorsOf } from '../form.ts';
import { pageRequest, paginationView } from '../pagination.ts';
import { withDateError } from './referral-form.ts';
import { draftOf, keepDraft } from './self-referral-draft.ts';
import { formFor, renderRefusal, renderSelfReferralForm } from './self-referral-page.ts';
import { HONEYPOT_FIELD, locationFrom, locationQuery, selfReferralInputFrom } from './self-referral-form.ts';

function renderStart(reply: FastifyReply, source: unknown, status = 200, errors?: FormErrors) {
  return reply.status(status).render('pages/referrals/self-referral-start.njk', { pageTitle: `${errors ? 'Error: ' : ''}Refer yourself`, location: locationFrom(source), ...errors });
}

const serviceOf = (request: FastifyRequest) => (request.params as { service: string }).service;

async function listServices(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const location = locationFrom(request.query);
  const page = pageRequest((request.query as { page?: string }).page);
  try {
    const answer = await selfReferralServicesFor(deps, location, page);
    if (answer.kind === 'practices') {
      const practices = answer.practices.map((practice) => ({ ...practice, href: `/self-referral/services?${locationQuery({ ...location, practice: practice.odsCode ?? '' })}` }));
      return reply.render('pages/referrals/self-referral-practices.njk', { pageTitle: 'Choose your GP surgery', location, practices, pagination: paginationView(page, answer.total, '/self-referral/services', { postcode: location.postcode, practice: location.practice }) });
    }
    return reply.render('pages/referrals/self-referral-services.njk', { pageTitle: 'Services you can refer yourself to', setting: answer.setting, services: answer.services, query: locationQuery(location), location });
  } catch (error) {
    const errors = validationErrorsOf(error);
    if (!errors) throw error;
    return renderStart(reply, request.query, 400, errors);
  }
}

/** The public self-referral pages: where the patient is registered, the services open to them, the form and the outcome. */
export function registerSelfReferralPages(app: FastifyInstance, deps: Deps): void {
  app.get('/self-referral', async (request, reply) => renderStart(reply, request.query));
  app.get('/self-referral/services', async (request, reply) => listServices(deps, request, reply));

  app.get('/self-referral/services/:service', async (request, reply) => {
    const form = await formFor(deps, locationFrom(request.query), serviceOf(request));
    if ('errors' in form) return renderStart(reply, request.query, 400, form.errors);
    if (!allowsSelfReferral(form.service)) {
      return renderRefusal(reply, { serviceName: form.service.servicePublicName, commissionerName: form.setting.commissioner.areaName, reasons: routeReasons(form.service.protocol.content, 'self'), location: form.location });
    }
    return renderSelfReferralForm(reply, form, draftOf(request, form.service.serviceCode)?.fields ?? {});
  });

  app.post('/self-referral/services/:service', { config: { rateLimit: { max: SELF_REFERRALS_PER_TEN_MINUTES, timeWindow: '10 minutes' } } }, async (request, reply) => {
    if (field(request.body, HONEYPOT_FIELD)) {
      await refuseAutomatedSelfReferral(deps, request.actionContext(), serviceOf(request));
      return reply.redirect('/self-referral', 303);
    }
    const form = await formFor(deps, locationFrom(request.body), serviceOf(request));
    if ('errors' in form) return renderStart(reply, request.body, 400, form.errors);
    const { input, dateError } = selfReferralInputFrom(request.body, form.service.serviceCode, form.service.protocol.content);
    try {
      const decision = await checkSelfReferral(deps, request.actionContext(), form, input);
      if (!decision.eligibility.eligible) return renderRefusal(reply, { serviceName: form.service.servicePublicName, commissionerName: form.setting.commissioner.areaName, reasons: decision.eligibility.reasons, location: form.location });
      keepDraft(request, form.service.serviceCode, request.body);
      return reply.redirect('/self-referral/check', 303);
    } catch (error) {
      const errors = validationErrorsOf(error);
      if (!errors || !(error instanceof DomainError)) throw error;
      return renderSelfReferralForm(reply, form, request.body, 400, formErrors(withDateError(error.details.fieldErrors ?? [], dateError)));
    }
  });
}
