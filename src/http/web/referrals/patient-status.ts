/** The patient's pages, without signing in: reference, access code and date of birth lead to the referral's status, and to choosing while a choice is awaited. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { isChoiceOrder } from '../../../domains/referrals/choice-list.rules.ts';
import { offerChoiceList } from '../../../domains/referrals/choice-list.service.ts';
import { chooseProvider } from '../../../domains/referrals/choice.service.ts';
import { verifyPatientAccess } from '../../../domains/referrals/patient-access.service.ts';
import { viewReferralAsPatient } from '../../../domains/referrals/referral-access.service.ts';
import { REFERRAL_STATUS_LABELS, whatHappensNext } from '../../../domains/referrals/referral-status.rules.ts';
import { DomainError } from '../../../lib/errors.ts';
import { datePartsOf, isoDateFromParts } from '../date-input.ts';
import { field, type FormErrors, formErrors, validationErrorsOf } from '../form.ts';
import { formatUbrn } from '../../../domains/referrals/referral-reference.rules.ts';
import { formatDate } from '../format.ts';
import { choiceFromValue } from './choice-list.presenter.ts';
import { choicePageContext } from './choice-list-page.ts';
import { afterChoosing } from './patient-choice-change.ts';
import { PATIENT_ACCESS_MINUTES, patientUbrnOf } from './referral-session.ts';

/** Per address, on top of the per-reference limit: enough for a person who mistypes, too few for guessing. */
const ATTEMPTS_PER_MINUTE = 10;

function renderStart(reply: FastifyReply, body: unknown, status = 200, errors?: FormErrors) {
  return reply.status(status).render('pages/referrals/status-start.njk', {
    pageTitle: `${errors ? 'Error: ' : ''}Check your referral`, values: { reference: field(body, 'reference'), accessCode: field(body, 'accessCode') }, dateOfBirth: datePartsOf(body, 'dateOfBirth'), ...errors,
  });
}

async function renderStatus(deps: Deps, request: FastifyRequest, reply: FastifyReply, ubrn: string, status = 200, errors?: FormErrors) {
  const referral = await viewReferralAsPatient(deps, request.actionContext(), ubrn, 'patient-status');
  const order = (request.query as { order?: string }).order;
  const list = referral.status === 'awaiting-choice' ? await offerChoiceList(deps, request.actionContext(), referral, isChoiceOrder(order) ? order : 'distance') : undefined;
  return reply.status(status).render('pages/referrals/status.njk', {
    pageTitle: `${errors ? 'Error: ' : ''}Your referral`, columnClass: list ? 'nhsuk-grid-column-full' : undefined, statusLabel: REFERRAL_STATUS_LABELS[referral.status],
    next: whatHappensNext(referral.status, { providerName: referral.chosen?.providerName, acceptBy: referral.acceptBy ? formatDate(referral.acceptBy) : null, selfReferred: referral.route === 'self' }),
    action: '/referral-status/choice', base: '/referral-status/referral', ...(list ? await choicePageContext(deps, referral, list, 'patient') : { referral, reference: formatUbrn(referral.ubrn) }), ...errors,
    ...(await afterChoosing(deps, referral)),
  });
}

export function registerPatientStatusPages(app: FastifyInstance, deps: Deps): void {
  app.get('/referral-status', async (_request, reply) => renderStart(reply, {}));

  app.post('/referral-status', { config: { rateLimit: { max: ATTEMPTS_PER_MINUTE, timeWindow: '1 minute' } } }, async (request, reply) => {
    const dateOfBirth = isoDateFromParts(datePartsOf(request.body, 'dateOfBirth'), 'dateOfBirth', 'Date of birth');
    try {
      const ubrn = await verifyPatientAccess(deps, request.actionContext(), { reference: field(request.body, 'reference'), accessCode: field(request.body, 'accessCode'), dateOfBirth: dateOfBirth.value });
      request.session.patientReferral = { ubrn, until: Date.now() + PATIENT_ACCESS_MINUTES * 60_000 };
      return reply.redirect('/referral-status/referral', 303);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'too-many-requests') return renderStart(reply, request.body, 429, formErrors([{ field: 'reference', message: error.message }]));
      const errors = validationErrorsOf(error);
      if (!errors || !(error instanceof DomainError)) throw error;
      const fieldErrors = (error.details.fieldErrors ?? []).map((fieldError) => (fieldError.field === 'dateOfBirth' && dateOfBirth.error ? dateOfBirth.error : fieldError));
      return renderStart(reply, request.body, 400, formErrors(fieldErrors));
    }
  });

  app.get('/referral-status/referral', async (request, reply) => {
    const ubrn = patientUbrnOf(request);
    if (!ubrn) return reply.redirect('/referral-status', 303);
    return renderStatus(deps, request, reply, ubrn);
  });

  app.post('/referral-status/choice', async (request, reply) => {
    const ubrn = patientUbrnOf(request);
    if (!ubrn) return reply.redirect('/referral-status', 303);
    const referral = await viewReferralAsPatient(deps, request.actionContext(), ubrn, 'patient-choice');
    try {
      const sent = await chooseProvider(deps, request.actionContext(), referral, choiceFromValue(field(request.body, 'choice')), 'patient');
      request.session.flash = `Your referral has been sent to ${sent.providerName}, ${sent.siteName}.`;
      return reply.redirect('/referral-status/referral', 303);
    } catch (error) {
      const errors = validationErrorsOf(error) ?? (error instanceof DomainError && error.code === 'conflict' ? formErrors([{ field: 'choice', message: error.message }]) : undefined);
      if (!errors) throw error;
      return renderStatus(deps, request, reply, ubrn, 400, errors);
    }
  });
}
