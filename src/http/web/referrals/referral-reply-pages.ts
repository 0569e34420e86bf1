/** The referrer's answer to a returned referral (issue #12 item 8): reply with the information asked for and a document, which resends it; the attachments to download; and a re-referral after a closed episode. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { ALLOWED_DOCUMENT_TYPES, describeSize, MAX_DOCUMENT_BYTES } from '../../../domains/providers/document-type.rules.ts';
import { referralEventsOf } from '../../../domains/referrals/referral-record.service.ts';
import { formatUbrn } from '../../../domains/referrals/referral-reference.rules.ts';
import { downloadReplyAttachment, replyAndResend } from '../../../domains/referrals/referral-reply.service.ts';
import { type SeenReferral, viewReferral } from '../../../domains/referrals/referral-access.service.ts';
import type { PatientContact } from '../../../domains/referrals/patient-contact.rules.ts';
import type { ReferralRecord } from '../../../domains/referrals/referral.repo.ts';
import { formatDate } from '../format.ts';
import { field } from '../form.ts';
import { attemptRefusable, type Failure, renderFailure, STATE_REFUSALS } from '../form-outcome.ts';
import { post, registerPages } from '../page-routes.ts';
import { sendDocument } from '../providers/assurance.ts';
import { registerUploads, uploadedFileOf } from '../providers/multipart-upload.ts';
import { ADDRESS_FIELDS } from './patient-contact-form.ts';
import { referralForSide } from './referral-for-side.ts';
import { latestReturn } from './referral-reply.presenter.ts';

const REFERRER = { config: { roles: ['referrer'] as const } };
const READERS = { config: { roles: ['referrer', 'provider-admin', 'provider-clinician'] as const } };

/** The reply form, with the reason the referral was returned. */
async function viewReplyForm(deps: Deps, reply: FastifyReply, referral: ReferralRecord, body: unknown, failure?: Failure) {
  return renderFailure(
    reply,
    'pages/referrals/reply.njk',
    'Reply and resend the referral',
    {
      referral,
      reference: formatUbrn(referral.ubrn),
      returned: latestReturn(await referralEventsOf(deps, referral.id)),
      values: { information: field(body, 'information') },
      maxSize: describeSize(MAX_DOCUMENT_BYTES),
      accept: ALLOWED_DOCUMENT_TYPES.join(','),
    },
    failure,
  );
}

/** Sends the reply and resends the referral; bad input shows the form again, and a referral no longer returned is explained beside the reply (409). */
async function submitReply(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const referral = await referralForSide(deps, request, 'referrer', 'reply');
  const answer = { information: field(request.body, 'information'), attachment: uploadedFileOf(request.body, 'attachment') };
  const outcome = await attemptRefusable(STATE_REFUSALS, 'information', () =>
    replyAndResend(deps, request.actionContext(), referral, answer),
  );
  if (!outcome.ok) return viewReplyForm(deps, reply, referral, request.body, outcome);
  request.session.flash = `Reply sent. Referral ${formatUbrn(referral.ubrn)} is back with ${outcome.value.providerName}, who should accept it by ${formatDate(outcome.value.acceptBy)}.`;
  return reply.redirect(`/referrals/${referral.ubrn}`, 303);
}

function registerReply(app: FastifyInstance, deps: Deps): void {
  app.get('/referrals/:ubrn/reply', REFERRER, async (request, reply) =>
    viewReplyForm(deps, reply, await referralForSide(deps, request, 'referrer', 'reply-form'), {}),
  );
  app.register(async (scope) => {
    await registerUploads(scope);
    registerPages(scope, [
      post('/referrals/:ubrn/reply', (request, reply) => submitReply(deps, request, reply), {
        config: { roles: ['referrer'], csrf: false },
        preHandler: scope.csrfProtection,
      }),
    ]);
  });
}

/** The patient's contact details and communication needs as the form's fields, so a re-referral does not ask the practice to type them again. */
function contactDraft(contact: PatientContact | null): Record<string, string | string[]> {
  if (!contact) return {};
  const needs = contact.communicationNeeds;
  return {
    phone: contact.phone ?? '',
    email: contact.email ?? '',
    ...Object.fromEntries(ADDRESS_FIELDS.map((name, index) => [name, contact.addressLines[index] ?? ''])),
    interpreterLanguage: needs?.interpreterLanguage ?? '',
    formats: [...(needs?.formats ?? [])],
    access: [...(needs?.access ?? [])],
    otherNeeds: needs?.other ?? '',
  };
}

/** The referral's details as a fresh draft of the form for the same service: the patient, how they were referred and how to reach them, never the protocol answers or the clinical information, which the referrer gives again. */
function reReferralDraft(referral: SeenReferral): Record<string, string | string[]> {
  const [year = '', month = '', day = ''] = referral.patient.dateOfBirth.split('-');
  return {
    ...contactDraft(referral.contactDetails),
    nhsNumber: referral.patient.nhsNumber ?? '',
    givenName: referral.patient.givenName,
    familyName: referral.patient.familyName,
    'dateOfBirth-day': String(Number(day)),
    'dateOfBirth-month': String(Number(month)),
    'dateOfBirth-year': year,
    sex: referral.patient.sex,
    postcode: referral.patient.postcode,
    priority: referral.priority,
    route: referral.route === 'self' ? '' : referral.route,
    bodyArea: referral.bodyArea ?? '',
  };
}

/** The reply pages, attachment downloads and the re-referral start. */
export function registerReferralReplyPages(app: FastifyInstance, deps: Deps): void {
  registerReply(app, deps);

  app.get('/referrals/:ubrn/attachments/:documentId', READERS, async (request, reply) => {
    const referral = await viewReferral(deps, request.actionContext(), (request.params as { ubrn: string }).ubrn, { page: 'attachment' });
    return sendDocument(
      reply,
      await downloadReplyAttachment(deps, request.actionContext(), referral, (request.params as { documentId: string }).documentId),
    );
  });

  app.get('/referrals/:ubrn/re-refer', REFERRER, async (request, reply) => {
    const referral = await referralForSide(deps, request, 'referrer', 're-refer');
    if (!['episode-closed', 'discharged'].includes(referral.status)) return reply.redirect(`/referrals/${referral.ubrn}`, 303);
    request.session.referralDraft = { serviceCode: referral.offer.serviceCode, form: reReferralDraft(referral) };
    request.session.flash = `The patient’s details are copied from referral ${formatUbrn(referral.ubrn)}. Answer every referral question again and add the clinical information: nothing is sent until you check and send.`;
    return reply.redirect(`/referrals/new/${referral.offer.serviceCode}/change`, 303);
  });
}
