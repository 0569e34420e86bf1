/** What the provider and the practice do to a referral from its page (issue #6 items 6–7): accept, return with a reason, record sessions, discharge, cancel. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { cancelReferral } from '../../../domains/referrals/referral-cancel.service.ts';
import { acceptReferral, dischargeReferral, returnReferral } from '../../../domains/referrals/referral-provider.service.ts';
import { CANCEL_REASONS, DISCHARGE_OUTCOME_LABELS, DISCHARGE_OUTCOMES, type ReasonCode, RETURN_REASONS } from '../../../domains/referrals/referral-reasons.rules.ts';
import { formatUbrn } from '../../../domains/referrals/referral-reference.rules.ts';
import { sessionCapOfOffer } from '../../../domains/referrals/referral-record.service.ts';
import { recordContact } from '../../../domains/referrals/referral-session.service.ts';
import { DomainError } from '../../../lib/errors.ts';
import { datePartsOf } from '../date-input.ts';
import { type FormErrors, formErrors, validationErrorsOf } from '../form.ts';
import { registerCodedReasonPage } from './coded-reason-page.ts';
import { contactInputFrom } from './contact-form.ts';
import { referralForSide } from './referral-for-side.ts';
import { renderReferralPage } from './referral-page.ts';

const PROVIDER_ROLES = ['provider-admin', 'provider-clinician'] as const;
const codedOptions = (reasons: Record<string, ReasonCode>) => Object.entries(reasons).map(([value, reason]) => ({ value, text: reason.label, ...(reason.commentRequired ? { hint: 'Needs a comment' } : {}) }));

const providerReferral = (deps: Deps, request: FastifyRequest, page: string) => referralForSide(deps, request, 'provider', page);

async function renderContactForm(deps: Deps, reply: FastifyReply, referral: Awaited<ReturnType<typeof providerReferral>>, body: unknown, status = 200, errors?: FormErrors) {
  const cap = await sessionCapOfOffer(deps, referral.offer.id);
  const values = (body ?? {}) as Record<string, string>;
  return reply.status(status).render('pages/referrals/contact.njk', {
    pageTitle: `${errors ? 'Error: ' : ''}Record an appointment or session`, referral, reference: formatUbrn(referral.ubrn), sessions: referral.sessionsAttended, sessionCap: cap, values, when: datePartsOf(body, 'when'), ...errors,
  });
}

function registerContactPages(app: FastifyInstance, deps: Deps): void {
  const options = { config: { roles: PROVIDER_ROLES } };
  app.get('/referrals/:ubrn/contacts/new', options, async (request, reply) => renderContactForm(deps, reply, await providerReferral(deps, request, 'contact-form'), {}));

  app.post('/referrals/:ubrn/contacts', options, async (request, reply) => {
    const referral = await providerReferral(deps, request, 'contact-record');
    const { input, errors } = contactInputFrom(request.body);
    if (!input) return renderContactForm(deps, reply, referral, request.body, 400, formErrors(errors));
    try {
      const outcome = await recordContact(deps, request.actionContext(), referral, input);
      request.session.flash = outcome.status === 'episode-closed'
        ? `Session recorded. That was session ${outcome.sessionsAttended} of ${outcome.sessionCap}: the episode is closed and the referring practice has been told the patient needs re-referral.`
        : `${input.kind === 'session' ? 'Session' : 'Appointment'} recorded. Sessions attended: ${outcome.sessionsAttended}${outcome.sessionCap ? ` of ${outcome.sessionCap}` : ''}.`;
      return reply.redirect(`/referrals/${referral.ubrn}`, 303);
    } catch (error) {
      const fieldErrors = validationErrorsOf(error) && error instanceof DomainError ? (error.details.fieldErrors ?? []).map((e) => (e.field === 'scheduledFor' ? { ...e, field: 'when' } : e)) : undefined;
      if (fieldErrors) return renderContactForm(deps, reply, referral, request.body, 400, formErrors(fieldErrors));
      if (error instanceof DomainError && error.code === 'invalid-transition') return renderContactForm(deps, reply, referral, request.body, 409, formErrors([{ field: 'kind', message: error.message }]));
      throw error;
    }
  });
}

function registerAccept(app: FastifyInstance, deps: Deps): void {
  app.post('/referrals/:ubrn/accept', { config: { roles: PROVIDER_ROLES } }, async (request, reply) => {
    const referral = await providerReferral(deps, request, 'accept');
    try {
      await acceptReferral(deps, request.actionContext(), referral);
    } catch (error) {
      if (!(error instanceof DomainError) || !['conflict', 'invalid-transition'].includes(error.code)) throw error;
      const now = await providerReferral(deps, request, 'accept-refused');
      return renderReferralPage(deps, request, reply.status(409), now, { title: 'The referral could not be accepted', text: error.message });
    }
    request.session.flash = `Referral ${formatUbrn(referral.ubrn)} accepted. Record the patient’s appointments and sessions below.`;
    return reply.redirect(`/referrals/${referral.ubrn}`, 303);
  });
}

/** The pages that move a referral on: accept, return, contacts, discharge and cancel. */
export function registerReferralActions(app: FastifyInstance, deps: Deps): void {
  registerAccept(app, deps);
  registerContactPages(app, deps);
  registerCodedReasonPage(app, deps, {
    path: 'return', side: 'provider', roles: PROVIDER_ROLES, heading: 'Return the referral to the referrer',
    intro: 'The referral goes back to the practice that made it, with your reason. The patient is told their GP practice will be in touch.',
    fieldName: 'reasonCode', legend: 'Why are you returning it?', options: codedOptions(RETURN_REASONS),
    commentLabel: 'Comment for the referrer', commentHint: 'Say what the practice needs to do. Required for “Further information required” and “Other”.', buttonText: 'Return referral',
    submit: (d, context, referral, values) => returnReferral(d, context, referral, { reasonCode: values.code, comment: values.comment }),
    done: (referral) => `Referral ${formatUbrn(referral.ubrn)} returned to ${referral.referrer.organisationName ?? 'the referrer'}.`,
  });
  registerCodedReasonPage(app, deps, {
    path: 'discharge', side: 'provider', roles: PROVIDER_ROLES, heading: 'Discharge the patient',
    intro: 'Discharging ends the patient’s care with you under this referral. The referring practice and the patient can see it.',
    fieldName: 'outcome', legend: 'What was the outcome of the patient’s care?', options: DISCHARGE_OUTCOMES.map((value) => ({ value, text: DISCHARGE_OUTCOME_LABELS[value] })),
    commentLabel: 'Discharge summary (optional)', commentHint: 'For the referring practice: what was done and any advice.', buttonText: 'Discharge patient',
    submit: (d, context, referral, values) => dischargeReferral(d, context, referral, { outcome: values.code, comment: values.comment }),
    done: (referral) => `${referral.patient.givenName} ${referral.patient.familyName} has been discharged.`,
  });
  registerCodedReasonPage(app, deps, {
    path: 'cancel', side: 'referrer', roles: ['referrer'], heading: 'Cancel the referral',
    intro: 'A cancelled referral cannot be sent or treated again. If the patient still needs care, make a new referral.',
    fieldName: 'reasonCode', legend: 'Why are you cancelling it?', options: codedOptions(CANCEL_REASONS),
    commentLabel: 'Comment (optional unless “Other”)', commentHint: 'Anything the provider or the patient should know.', buttonText: 'Cancel referral',
    submit: (d, context, referral, values) => cancelReferral(d, context, referral, { reasonCode: values.code, comment: values.comment }),
    done: (referral) => `Referral ${formatUbrn(referral.ubrn)} cancelled.`,
  });
}
