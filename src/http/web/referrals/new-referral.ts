/** Creating a referral: choose the service, fill in the patient and the protocol's questions, see the eligibility result, and only then send (issue #12 item 9). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { offeredService, type OfferedService, referralSettingFor, servicesOfferedTo } from '../../../domains/referrals/referral-offer.service.ts';
import type { ReferralDecision } from '../../../domains/referrals/referral-decision.service.ts';
import { checkReferral, createReferral } from '../../../domains/referrals/referral.service.ts';
import type { ReferralInput } from '../../../domains/referrals/referral-input.rules.ts';
import { DomainError } from '../../../lib/errors.ts';
import { formatNhsNumber } from '../../../lib/nhs-number.ts';
import { datePartsOf } from '../date-input.ts';
import { type FormErrors, formErrors, validationErrorsOf } from '../form.ts';
import { contactChoicesOf } from './patient-contact-form.ts';
import { dropDraft, draftFor, keepDraft } from './referral-draft.ts';
import { questionsOf, referralInputFrom, withDateError } from './referral-form.ts';

const REFERRER = { config: { roles: ['referrer'] as const } };

function renderForm(reply: FastifyReply, service: OfferedService, commissionerName: string, body: unknown, status = 200, errors?: FormErrors) {
  const values = (body ?? {}) as Record<string, string>;
  return reply.status(status).render('pages/referrals/new.njk', {
    pageTitle: `${errors ? 'Error: ' : ''}Refer a patient: ${service.serviceName}`, service, commissionerName, values, dateOfBirth: datePartsOf(body, 'dateOfBirth'),
    questions: questionsOf(service.protocol.content, body), protocol: service.protocol.content, contactChoices: contactChoicesOf(body), ...errors,
  });
}

/** The result of a check: reasons and a way back to the form when ineligible; what will be sent, with "Send referral", when eligible. */
function renderResult(reply: FastifyReply, service: OfferedService, decision: ReferralDecision, input: ReferralInput) {
  if (!decision.eligibility.eligible) return reply.render('pages/referrals/ineligible.njk', { pageTitle: 'The patient cannot be referred to this service', decision, service });
  return reply.render('pages/referrals/check-result.njk', { pageTitle: 'The patient can be referred: check and send', decision, service, input, nhsNumber: formatNhsNumber(input.nhsNumber.replace(/\s/g, '')) });
}

async function serviceFor(deps: Deps, request: FastifyRequest) {
  const setting = await referralSettingFor(deps, request.principal);
  const code = (request.params as { service: string }).service;
  try {
    return { setting, service: await offeredService(deps, setting, code) };
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'validation-failed') throw error;
    throw new DomainError('not-found', `${setting.commissioner.name} does not commission that service through AQP`);
  }
}

function registerCheck(app: FastifyInstance, deps: Deps): void {
  app.post('/referrals/new/:service', REFERRER, async (request, reply) => {
    const { setting, service } = await serviceFor(deps, request);
    const { input, dateError } = referralInputFrom(request.body, service.serviceCode, service.protocol.content);
    try {
      const decision = await checkReferral(deps, request.actionContext(), input);
      keepDraft(request, service.serviceCode, request.body);
      return renderResult(reply, service, decision, input);
    } catch (error) {
      const errors = validationErrorsOf(error);
      if (!errors || !(error instanceof DomainError)) throw error;
      return renderForm(reply, service, setting.commissioner.name, request.body, 400, formErrors(withDateError(error.details.fieldErrors ?? [], dateError)));
    }
  });
}

function registerSend(app: FastifyInstance, deps: Deps): void {
  app.post('/referrals/new/:service/send', REFERRER, async (request, reply) => {
    const { setting, service } = await serviceFor(deps, request);
    const draft = draftFor(request, service.serviceCode);
    if (!draft) {
      request.session.flash = 'Nothing was sent: the answers you checked are no longer held (you may have signed in again). Fill in the form and check eligibility again.';
      return reply.redirect(`/referrals/new/${service.serviceCode}`, 303);
    }
    const { input, dateError } = referralInputFrom(draft, service.serviceCode, service.protocol.content);
    try {
      const decision = await createReferral(deps, request.actionContext(), input);
      if (!decision.created) return renderResult(reply, service, decision, input);
      dropDraft(request);
      request.session.newReferral = { ubrn: decision.created.ubrn, accessCode: decision.created.accessCode };
      return reply.redirect(`/referrals/${decision.created.ubrn}`, 303);
    } catch (error) {
      const errors = validationErrorsOf(error);
      if (!errors || !(error instanceof DomainError)) throw error;
      return renderForm(reply, service, setting.commissioner.name, draft, 400, formErrors(withDateError(error.details.fieldErrors ?? [], dateError)));
    }
  });
}

export function registerNewReferralPages(app: FastifyInstance, deps: Deps): void {
  app.get('/referrals/new', REFERRER, async (request, reply) => {
    const setting = await referralSettingFor(deps, request.principal);
    const services = await servicesOfferedTo(deps, setting);
    return reply.render('pages/referrals/new-service.njk', { pageTitle: 'Refer a patient', setting, services });
  });

  app.get('/referrals/new/:service', REFERRER, async (request, reply) => {
    const { setting, service } = await serviceFor(deps, request);
    return renderForm(reply, service, setting.commissioner.name, {});
  });

  app.get('/referrals/new/:service/change', REFERRER, async (request, reply) => {
    const { setting, service } = await serviceFor(deps, request);
    const draft = draftFor(request, service.serviceCode);
    if (!draft) return reply.redirect(`/referrals/new/${service.serviceCode}`, 303);
    return renderForm(reply, service, setting.commissioner.name, draft);
  });

  registerCheck(app, deps);
  registerSend(app, deps);
}
