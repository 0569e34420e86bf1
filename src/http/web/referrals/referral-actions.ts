/** What the provider and the practice do to a referral from its page (issue #6 items 6–7): accept, return with a reason, record sessions, discharge, cancel. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { cancelReferral } from '../../../domains/referrals/referral-cancel.service.ts';
import { acceptReferral, dischargeReferral, returnReferral } from '../../../domains/referrals/referral-provider.service.ts';
import {
  CANCEL_REASONS,
  DISCHARGE_OUTCOME_LABELS,
  DISCHARGE_OUTCOMES,
  type ReasonCode,
  RETURN_REASONS,
} from '../../../domains/referrals/referral-reasons.rules.ts';
import { AIDS_FITTED_CHOICES, outcomeFieldsFor } from '../../../domains/referrals/outcome-fields.rules.ts';
import { formatUbrn } from '../../../domains/referrals/referral-reference.rules.ts';
import { sessionCapOfOffer } from '../../../domains/referrals/referral-record.service.ts';
import { recordContact } from '../../../domains/referrals/referral-session.service.ts';
import { datePartsOf } from '../date-input.ts';
import { formErrors } from '../form.ts';
import { attemptRefusable, type Failure, namedForForm, refusable, renderFailure, STATE_REFUSALS } from '../form-outcome.ts';
import { get, post, registerPages } from '../page-routes.ts';
import { registerCodedReasonPage } from './coded-reason-page.ts';
import { contactInputFrom } from './contact-form.ts';
import { referralForSide } from './referral-for-side.ts';
import { renderReferralPage } from './referral-page.ts';

const PROVIDER_ROLES = ['provider-admin', 'provider-clinician'] as const;
const codedOptions = (reasons: Record<string, ReasonCode>) =>
  Object.entries(reasons).map(([value, reason]) => ({
    value,
    text: reason.label,
    ...(reason.commentRequired ? { hint: 'Needs a comment' } : {}),
  }));

const AIDS_FITTED_QUESTION = {
  name: 'aidsFitted',
  legend: 'How many hearing aids were fitted?',
  hint: 'Count the aids fitted under this referral. Choose “None” if none were.',
  items: AIDS_FITTED_CHOICES.map((choice) => ({ value: String(choice.value), text: choice.text })),
};

const PROVIDER = { config: { roles: PROVIDER_ROLES } };
const providerReferral = (deps: Deps, request: FastifyRequest, page: string) => referralForSide(deps, request, 'provider', page);

/** The form to record an appointment or session, with the sessions attended so far and the cap. */
async function viewContactForm(
  deps: Deps,
  reply: FastifyReply,
  referral: Awaited<ReturnType<typeof providerReferral>>,
  body: unknown,
  failure?: Failure,
) {
  const cap = await sessionCapOfOffer(deps, referral.offer.id);
  const values = (body ?? {}) as Record<string, string>;
  return renderFailure(
    reply,
    'pages/referrals/contact.njk',
    'Record an appointment or session',
    {
      referral,
      reference: formatUbrn(referral.ubrn),
      sessions: referral.sessionsAttended,
      sessionCap: cap,
      values,
      when: datePartsOf(body, 'when'),
      outcomeFields: outcomeFieldsFor(referral.offer.serviceCode),
      reportedOn: datePartsOf(body, 'reportedOn'),
    },
    failure,
  );
}

/** Records the contact and says where the episode stands; bad input shows the form again, and a contact the referral's state no longer allows is explained beside its kind (409). */
async function submitContact(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const referral = await providerReferral(deps, request, 'contact-record');
  const { input, errors } = contactInputFrom(request.body);
  if (!input) return viewContactForm(deps, reply, referral, request.body, { errors: formErrors(errors) });
  const record = namedForForm(
    () => recordContact(deps, request.actionContext(), referral, input),
    (found) => found.map((e) => (e.field === 'scheduledFor' ? { ...e, field: 'when' } : e)),
  );
  const outcome = await attemptRefusable(['invalid-transition'], 'kind', record);
  if (!outcome.ok) return viewContactForm(deps, reply, referral, request.body, outcome);
  const { value } = outcome;
  request.session.flash =
    value.status === 'episode-closed'
      ? `Session recorded. That was session ${value.sessionsAttended} of ${value.sessionCap}: the episode is closed and the referring practice has been told the patient needs re-referral.`
      : `${input.kind === 'session' ? 'Session' : 'Appointment'} recorded. Sessions attended: ${value.sessionsAttended}${value.sessionCap ? ` of ${value.sessionCap}` : ''}.`;
  return reply.redirect(`/referrals/${referral.ubrn}`, 303);
}

/** Accepts the referral; one another person moved first is explained on the referral page (409). */
async function submitAccept(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const referral = await providerReferral(deps, request, 'accept');
  const outcome = await refusable(STATE_REFUSALS, () => acceptReferral(deps, request.actionContext(), referral));
  if (!outcome.ok) {
    const now = await providerReferral(deps, request, 'accept-refused');
    return renderReferralPage(deps, request, reply.status(409), now, {
      title: 'The referral could not be accepted',
      text: outcome.refusal.message,
    });
  }
  request.session.flash = `Referral ${formatUbrn(referral.ubrn)} accepted. Record the patient’s appointments and sessions below.`;
  return reply.redirect(`/referrals/${referral.ubrn}`, 303);
}

/** Accepting and recording contacts, for the chosen provider. */
function registerProviderPages(app: FastifyInstance, deps: Deps): void {
  registerPages(app, [
    post('/referrals/:ubrn/accept', (request, reply) => submitAccept(deps, request, reply), PROVIDER),
    get(
      '/referrals/:ubrn/contacts/new',
      async (request, reply) => viewContactForm(deps, reply, await providerReferral(deps, request, 'contact-form'), {}),
      PROVIDER,
    ),
    post('/referrals/:ubrn/contacts', (request, reply) => submitContact(deps, request, reply), PROVIDER),
  ]);
}

/** The pages that move a referral on: accept, return, contacts, discharge and cancel. */
export function registerReferralActions(app: FastifyInstance, deps: Deps): void {
  registerProviderPages(app, deps);
  registerCodedReasonPage(app, deps, {
    path: 'return',
    side: 'provider',
    roles: PROVIDER_ROLES,
    heading: 'Return the referral to the referrer',
    intro: 'The referral goes back to the practice that made it, with your reason. The patient is told their GP practice will be in touch.',
    fieldName: 'reasonCode',
    legend: 'Why are you returning it?',
    options: codedOptions(RETURN_REASONS),
    commentLabel: 'Comment for the referrer',
    commentHint: 'Say what the practice needs to do. Required for “Further information required” and “Other”.',
    buttonText: 'Return referral',
    submit: (d, context, referral, values) => returnReferral(d, context, referral, { reasonCode: values.code, comment: values.comment }),
    done: (referral) => `Referral ${formatUbrn(referral.ubrn)} returned to ${referral.referrer.organisationName ?? 'the referrer'}.`,
  });
  registerCodedReasonPage(app, deps, {
    path: 'discharge',
    side: 'provider',
    roles: PROVIDER_ROLES,
    heading: 'Discharge the patient',
    intro: 'Discharging ends the patient’s care with you under this referral. The referring practice and the patient can see it.',
    fieldName: 'outcome',
    legend: 'What was the outcome of the patient’s care?',
    options: DISCHARGE_OUTCOMES.map((value) => ({ value, text: DISCHARGE_OUTCOME_LABELS[value] })),
    commentLabel: 'Discharge summary (optional)',
    commentHint: 'For the referring practice: what was done and any advice.',
    buttonText: 'Discharge patient',
    extraFor: (referral) => (outcomeFieldsFor(referral.offer.serviceCode).aidsFitted ? AIDS_FITTED_QUESTION : undefined),
    submit: (d, context, referral, values) =>
      dischargeReferral(d, context, referral, {
        outcome: values.code,
        comment: values.comment,
        ...(values.extra ? { aidsFitted: /^[0-9]$/.test(values.extra) ? Number(values.extra) : Number.NaN } : {}),
      }),
    done: (referral) => `${referral.patient.givenName} ${referral.patient.familyName} has been discharged.`,
  });
  registerCodedReasonPage(app, deps, {
    path: 'cancel',
    side: 'referrer',
    roles: ['referrer'],
    heading: 'Cancel the referral',
    intro: 'A cancelled referral cannot be sent or treated again. If the patient still needs care, make a new referral.',
    fieldName: 'reasonCode',
    legend: 'Why are you cancelling it?',
    options: codedOptions(CANCEL_REASONS),
    commentLabel: 'Comment (optional unless “Other”)',
    commentHint: 'Anything the provider or the patient should know.',
    buttonText: 'Cancel referral',
    submit: (d, context, referral, values) => cancelReferral(d, context, referral, { reasonCode: values.code, comment: values.comment }),
    done: (referral) => `Referral ${formatUbrn(referral.ubrn)} cancelled.`,
  });
}
