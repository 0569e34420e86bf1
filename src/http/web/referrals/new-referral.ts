/** Creating a referral: choose the service, fill in the patient and the protocol's questions, see the eligibility result, and only then send (issue #12 item 9). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import {
  offeredService,
  type OfferedService,
  referralSettingFor,
  servicesOfferedTo,
} from '../../../domains/referrals/referral-offer.service.ts';
import type { ReferralDecision } from '../../../domains/referrals/referral-decision.service.ts';
import { checkReferral, createReferral } from '../../../domains/referrals/referral.service.ts';
import type { ReferralInput } from '../../../domains/referrals/referral-input.rules.ts';
import { DomainError } from '../../../lib/errors.ts';
import { formatNhsNumber } from '../../../lib/nhs-number.ts';
import { datePartsOf } from '../date-input.ts';
import { attempt, type FormErrors, renderForm } from '../form.ts';
import { namedForForm } from '../form-outcome.ts';
import { get, post, registerPages } from '../page-routes.ts';
import { contactChoicesOf } from './patient-contact-form.ts';
import { dropDraft, draftFor, keepDraft } from './referral-draft.ts';
import { questionsOf, referralInputFrom, withDateError } from './referral-form.ts';

const REFERRER = { config: { roles: ['referrer'] as const } };

/** The referral form for one service, filled from what was typed or kept. */
function viewReferralForm(reply: FastifyReply, service: OfferedService, commissionerName: string, body: unknown, errors?: FormErrors) {
  const values = (body ?? {}) as Record<string, string>;
  return renderForm(
    reply,
    'pages/referrals/new.njk',
    `Refer a patient: ${service.serviceName}`,
    {
      service,
      commissionerName,
      values,
      dateOfBirth: datePartsOf(body, 'dateOfBirth'),
      questions: questionsOf(service.protocol.content, body),
      protocol: service.protocol.content,
      contactChoices: contactChoicesOf(body),
    },
    errors,
  );
}

/** The result of a check: reasons and a way back to the form when ineligible; what will be sent, with "Send referral", when eligible. */
function renderResult(reply: FastifyReply, service: OfferedService, decision: ReferralDecision, input: ReferralInput) {
  if (!decision.eligibility.eligible)
    return reply.render('pages/referrals/ineligible.njk', {
      pageTitle: 'The patient cannot be referred to this service',
      decision,
      service,
    });
  return reply.render('pages/referrals/check-result.njk', {
    pageTitle: 'The patient can be referred: check and send',
    decision,
    service,
    input,
    nhsNumber: formatNhsNumber(input.nhsNumber.replace(/\s/g, '')),
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

/** Checks eligibility and keeps the answers for sending; bad answers show the form again. */
async function submitReferralCheck(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const { setting, service } = await serviceFor(deps, request);
  const { input, dateError } = referralInputFrom(request.body, service.serviceCode, service.protocol.content);
  const outcome = await attempt(
    namedForForm(
      () => checkReferral(deps, request.actionContext(), input),
      (errors) => withDateError(errors, dateError),
    ),
  );
  if (!outcome.ok) return viewReferralForm(reply, service, setting.commissioner.name, request.body, outcome.errors);
  keepDraft(request, service.serviceCode, request.body);
  return renderResult(reply, service, outcome.value, input);
}

/** Sends the answers checked; answers no longer held send nothing, and answers now refused show the form again. */
async function submitReferralSend(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const { setting, service } = await serviceFor(deps, request);
  const draft = draftFor(request, service.serviceCode);
  if (!draft) {
    request.session.flash =
      'Nothing was sent: the answers you checked are no longer held (you may have signed in again). Fill in the form and check eligibility again.';
    return reply.redirect(`/referrals/new/${service.serviceCode}`, 303);
  }
  const { input, dateError } = referralInputFrom(draft, service.serviceCode, service.protocol.content);
  const outcome = await attempt(
    namedForForm(
      () => createReferral(deps, request.actionContext(), input),
      (errors) => withDateError(errors, dateError),
    ),
  );
  if (!outcome.ok) return viewReferralForm(reply, service, setting.commissioner.name, draft, outcome.errors);
  const decision = outcome.value;
  if (!decision.created) return renderResult(reply, service, decision, input);
  dropDraft(request);
  request.session.newReferral = { ubrn: decision.created.ubrn, accessCode: decision.created.accessCode };
  return reply.redirect(`/referrals/${decision.created.ubrn}`, 303);
}

/** The services the practice may refer to. */
async function viewNewReferral(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const setting = await referralSettingFor(deps, request.principal);
  const services = await servicesOfferedTo(deps, setting);
  return reply.render('pages/referrals/new-service.njk', { pageTitle: 'Refer a patient', setting, services });
}

/** The form again with the answers kept, to change them before sending. */
async function viewChangeReferral(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const { setting, service } = await serviceFor(deps, request);
  const draft = draftFor(request, service.serviceCode);
  if (!draft) return reply.redirect(`/referrals/new/${service.serviceCode}`, 303);
  return viewReferralForm(reply, service, setting.commissioner.name, draft);
}

export function registerNewReferralPages(app: FastifyInstance, deps: Deps): void {
  registerPages(app, [
    get('/referrals/new', (request, reply) => viewNewReferral(deps, request, reply), REFERRER),
    get(
      '/referrals/new/:service',
      async (request, reply) => {
        const { setting, service } = await serviceFor(deps, request);
        return viewReferralForm(reply, service, setting.commissioner.name, {});
      },
      REFERRER,
    ),
    get('/referrals/new/:service/change', (request, reply) => viewChangeReferral(deps, request, reply), REFERRER),
    post('/referrals/new/:service', (request, reply) => submitReferralCheck(deps, request, reply), REFERRER),
    post('/referrals/new/:service/send', (request, reply) => submitReferralSend(deps, request, reply), REFERRER),
  ]);
}
