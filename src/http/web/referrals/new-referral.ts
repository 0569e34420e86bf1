/** Creating a referral: choose the service, fill in the patient and the protocol's questions, and see eligibility before anything is sent. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { offeredService, type OfferedService, referralSettingFor, servicesOfferedTo } from '../../../domains/referrals/referral-offer.service.ts';
import { createReferral } from '../../../domains/referrals/referral.service.ts';
import { DomainError } from '../../../lib/errors.ts';
import { datePartsOf } from '../date-input.ts';
import { type FormErrors, formErrors, validationErrorsOf } from '../form.ts';
import { contactChoicesOf } from './patient-contact-form.ts';
import { questionsOf, referralInputFrom, withDateError } from './referral-form.ts';

const REFERRER = { config: { roles: ['referrer'] as const } };

function renderForm(reply: FastifyReply, service: OfferedService, commissionerName: string, body: unknown, status = 200, errors?: FormErrors) {
  const values = (body ?? {}) as Record<string, string>;
  return reply.status(status).render('pages/referrals/new.njk', {
    pageTitle: `${errors ? 'Error: ' : ''}Refer a patient: ${service.serviceName}`, service, commissionerName, values, dateOfBirth: datePartsOf(body, 'dateOfBirth'),
    questions: questionsOf(service.protocol.content, body), protocol: service.protocol.content, contactChoices: contactChoicesOf(body), ...errors,
  });
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

  app.post('/referrals/new/:service', REFERRER, async (request, reply) => {
    const { setting, service } = await serviceFor(deps, request);
    const { input, dateError } = referralInputFrom(request.body, service.serviceCode, service.protocol.content);
    try {
      const decision = await createReferral(deps, request.actionContext(), input);
      if (!decision.created) return reply.render('pages/referrals/ineligible.njk', { pageTitle: 'The patient cannot be referred to this service', decision, service });
      request.session.newReferral = { ubrn: decision.created.ubrn, accessCode: decision.created.accessCode };
      return reply.redirect(`/referrals/${decision.created.ubrn}`, 303);
    } catch (error) {
      const errors = validationErrorsOf(error);
      if (!errors || !(error instanceof DomainError)) throw error;
      return renderForm(reply, service, setting.commissioner.name, request.body, 400, formErrors(withDateError(error.details.fieldErrors ?? [], dateError)));
    }
  });
}
