/** One application for its provider: the form while a draft; afterwards the submission, clarification questions to answer, the decision and the history. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { saveApplication, submitApplication, withdrawApplication } from '../../../domains/applications/application.service.ts';
import { type ApplicationInFull, providerApplication } from '../../../domains/applications/application-view.service.ts';
import { APPLICATION_STATUS_LABELS, nextApplicationStatuses } from '../../../domains/applications/application-status.rules.ts';
import { answerClarification } from '../../../domains/applications/clarification.service.ts';
import type { Deps } from '../../../domains/deps.ts';
import { attempt, field, type FormErrors, renderForm } from '../form.ts';
import { attemptRefusable, STATE_REFUSALS } from '../form-outcome.ts';
import { get, post, registerPages } from '../page-routes.ts';
import { answersFromForm, applicationStatusTag, priceRows, refusalGroundLabel } from './application.presenter.ts';
import { viewApplicationForm } from './application-form.ts';
import { PROVIDER_ADMIN } from './provider-offers.ts';

function idOf(request: FastifyRequest): string {
  return (request.params as { id: string }).id;
}

/** A submitted application: its answers, status, decision, clarification questions and history. */
function viewApplication(
  reply: FastifyReply,
  full: ApplicationInFull,
  options: { errors?: FormErrors; values?: Record<string, string> } = {},
) {
  const { application } = full;
  return renderForm(
    reply,
    'pages/applications/application.njk',
    `Your application to ${full.offer.title}`,
    {
      ...full,
      values: options.values ?? {},
      statusTag: applicationStatusTag(application.status),
      ground: refusalGroundLabel(application.refusalGround),
      prices: priceRows(full.priceSchedule, full.offer.pack.content),
      mayWithdraw: nextApplicationStatuses(application.status).includes('withdrawn'),
      history: full.history.map((entry) => ({
        ...entry,
        status: APPLICATION_STATUS_LABELS[entry.toStatus as keyof typeof APPLICATION_STATUS_LABELS] ?? entry.toStatus,
      })),
    },
    options.errors,
  );
}

/** The form while the application is a draft; the application as submitted afterwards. */
async function showApplication(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const full = await providerApplication(deps, request.actionContext(), idOf(request));
  if (full.application.status === 'draft')
    return viewApplicationForm(
      deps,
      request,
      reply,
      full,
      { answers: full.application.answers, siteIds: full.sites.map((site) => site.id) },
      { applicationId: full.application.id },
    );
  return viewApplication(reply, full);
}

/** Saves the draft and, when asked, submits it; or shows the form again with its errors. */
async function submitApplicationForm(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const full = await providerApplication(deps, request.actionContext(), idOf(request));
  const values = answersFromForm(request.body, full.questions);
  const submitting = field(request.body, 'action') === 'submit';
  const outcome = await attemptRefusable(STATE_REFUSALS, 'submit', async () => {
    await saveApplication(deps, request.actionContext(), full.application.id, values);
    if (submitting) await submitApplication(deps, request.actionContext(), full.application.id);
  });
  if (!outcome.ok)
    return viewApplicationForm(deps, request, reply, full, values, {
      applicationId: full.application.id,
      status: outcome.status,
      errors: outcome.errors,
    });
  request.session.flash = submitting
    ? 'Your application has been submitted for assessment.'
    : 'Your application has been saved as a draft.';
  return reply.redirect(`/applications/${full.application.id}`, 303);
}

/** Withdraws the application, with the provider's reason. */
async function submitWithdrawal(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  await withdrawApplication(deps, request.actionContext(), idOf(request), field(request.body, 'reason'));
  request.session.flash = 'Your application has been withdrawn.';
  return reply.redirect('/applications', 303);
}

/** Sends the provider's answer to an assessor's question, or shows the application again with the error beside that answer. */
async function submitClarificationAnswer(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const { clarificationId } = request.params as { clarificationId: string };
  const answer = field(request.body, 'answer');
  const outcome = await attempt(() => answerClarification(deps, request.actionContext(), clarificationId, answer));
  if (!outcome.ok) {
    const full = await providerApplication(deps, request.actionContext(), idOf(request));
    const errors = {
      errorList: outcome.errors.errorList.map((item) => ({ ...item, href: `#answer-${clarificationId}` })),
      fieldErrors: { [`answer-${clarificationId}`]: outcome.errors.fieldErrors.answer! },
    };
    return viewApplication(reply, full, { errors, values: { [clarificationId]: answer } });
  }
  request.session.flash = 'Thank you. Your answer has been sent to the assessor.';
  return reply.redirect(`/applications/${idOf(request)}`, 303);
}

export function registerApplicationPage(app: FastifyInstance, deps: Deps): void {
  registerPages(app, [
    get('/applications/:id', (request, reply) => showApplication(deps, request, reply), PROVIDER_ADMIN),
    post('/applications/:id', (request, reply) => submitApplicationForm(deps, request, reply), PROVIDER_ADMIN),
    post('/applications/:id/withdrawal', (request, reply) => submitWithdrawal(deps, request, reply), PROVIDER_ADMIN),
    post(
      '/applications/:id/clarifications/:clarificationId',
      (request, reply) => submitClarificationAnswer(deps, request, reply),
      PROVIDER_ADMIN,
    ),
  ]);
}
