/** The Friends and Family Test on the patient's referral pages (issue #15 item 5; decision 0054): one question and an optional comment, once care has finished, once per referral. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { FEEDBACK_COMMENT_MAX, feedbackStateOf, giveFeedback } from '../../../domains/provider-quality/feedback.service.ts';
import { FFT_ANSWERS, FFT_QUESTION } from '../../../domains/provider-quality/feedback.rules.ts';
import { viewReferralAsPatient } from '../../../domains/referrals/referral-access.service.ts';
import { formatUbrn } from '../../../domains/referrals/referral-reference.rules.ts';
import type { ReferralRecord } from '../../../domains/referrals/referral.repo.ts';
import { field } from '../form.ts';
import { attemptRefusable, type Failure, renderFailure, STATE_REFUSALS } from '../form-outcome.ts';
import { get, post, registerPages } from '../page-routes.ts';
import { patientUbrnOf } from './referral-session.ts';

const ANSWER_ITEMS = Object.entries(FFT_ANSWERS).map(([value, text]) => ({ value, text }));

/** What the status page says about feedback for this referral: nothing before care has finished, a link while it is open, thanks once given. */
export async function feedbackOnStatusPage(deps: Deps, referral: ReferralRecord) {
  return { feedback: await feedbackStateOf(deps, referral) };
}

function viewFeedbackForm(reply: FastifyReply, referral: ReferralRecord, values: Record<string, string>, failure?: Failure) {
  return renderFailure(
    reply,
    'pages/referrals/feedback.njk',
    'Tell us about your experience',
    {
      question: FFT_QUESTION,
      items: ANSWER_ITEMS,
      maxLength: FEEDBACK_COMMENT_MAX,
      values,
      reference: formatUbrn(referral.ubrn),
      providerName: referral.chosen?.providerName,
    },
    failure,
  );
}

async function patientReferral(deps: Deps, request: FastifyRequest, page: string) {
  const ubrn = patientUbrnOf(request);
  return ubrn ? viewReferralAsPatient(deps, request.actionContext(), ubrn, page) : undefined;
}

async function viewFeedbackPage(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const referral = await patientReferral(deps, request, 'patient-feedback');
  if (!referral) return reply.redirect('/referral-status', 303);
  if ((await feedbackStateOf(deps, referral)) !== 'open') return reply.redirect('/referral-status/referral', 303);
  return viewFeedbackForm(reply, referral, {});
}

/** Stores the answer and thanks the patient; a missing answer or a long comment is shown next to its field, and a second answer is refused (409). */
async function submitFeedback(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const referral = await patientReferral(deps, request, 'patient-feedback-give');
  if (!referral) return reply.redirect('/referral-status', 303);
  const values = { answer: field(request.body, 'answer'), comment: field(request.body, 'comment') };
  const outcome = await attemptRefusable(STATE_REFUSALS, 'answer', () =>
    giveFeedback(deps, request.actionContext(), referral, { answer: values.answer, comment: values.comment }),
  );
  if (!outcome.ok) return viewFeedbackForm(reply, referral, values, outcome);
  request.session.flash = 'Thank you for telling us about your experience.';
  return reply.redirect('/referral-status/referral', 303);
}

/** The feedback question for the patient who proved they hold the referral. */
export function registerPatientFeedbackPages(app: FastifyInstance, deps: Deps): void {
  registerPages(app, [
    get('/referral-status/feedback', (request, reply) => viewFeedbackPage(deps, request, reply)),
    post('/referral-status/feedback', (request, reply) => submitFeedback(deps, request, reply)),
  ]);
}
