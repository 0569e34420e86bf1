/** One application for its provider: the form while a draft; afterwards the submission, clarification questions to answer, the decision and the history. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { saveApplication, submitApplication, withdrawApplication } from '../../../domains/applications/application.service.ts';
import { type ApplicationInFull, providerApplication } from '../../../domains/applications/application-view.service.ts';
import { APPLICATION_STATUS_LABELS, nextApplicationStatuses } from '../../../domains/applications/application-status.rules.ts';
import { answerClarification } from '../../../domains/applications/clarification.service.ts';
import type { Deps } from '../../../domains/deps.ts';
import { field, type FormErrors, validationErrorsOf } from '../form.ts';
import { answersFromForm, applicationStatusTag, priceRows, refusalGroundLabel } from './application.presenter.ts';
import { formErrorsOf, renderApplicationForm } from './application-form.ts';

const PROVIDER_ADMIN = { config: { roles: ['provider-admin'] as const } };

function idOf(request: FastifyRequest): string {
  return (request.params as { id: string }).id;
}

function renderApplication(reply: FastifyReply, full: ApplicationInFull, options: { status?: number; errors?: FormErrors; values?: Record<string, string> } = {}) {
  const { application } = full;
  return reply.status(options.status ?? 200).render('pages/applications/application.njk', {
    pageTitle: `${options.errors ? 'Error: ' : ''}Your application to ${full.offer.title}`, ...full, ...options.errors, values: options.values ?? {},
    statusTag: applicationStatusTag(application.status), ground: refusalGroundLabel(application.refusalGround), prices: priceRows(full.priceSchedule),
    mayWithdraw: nextApplicationStatuses(application.status).includes('withdrawn'),
    history: full.history.map((entry) => ({ ...entry, status: APPLICATION_STATUS_LABELS[entry.toStatus as keyof typeof APPLICATION_STATUS_LABELS] ?? entry.toStatus })),
  });
}

export function registerApplicationPage(app: FastifyInstance, deps: Deps): void {
  app.get('/applications/:id', PROVIDER_ADMIN, async (request, reply) => {
    const full = await providerApplication(deps, request.actionContext(), idOf(request));
    if (full.application.status === 'draft') return renderApplicationForm(deps, request, reply, full, { answers: full.application.answers, siteIds: full.sites.map((site) => site.id) }, { applicationId: full.application.id });
    return renderApplication(reply, full);
  });

  app.post('/applications/:id', PROVIDER_ADMIN, async (request, reply) => {
    const full = await providerApplication(deps, request.actionContext(), idOf(request));
    const values = answersFromForm(request.body, full.questions);
    const submitting = field(request.body, 'action') === 'submit';
    try {
      await saveApplication(deps, request.actionContext(), full.application.id, values);
      if (submitting) await submitApplication(deps, request.actionContext(), full.application.id);
    } catch (error) {
      const found = formErrorsOf(error);
      if (!found) throw error;
      return renderApplicationForm(deps, request, reply, full, values, { applicationId: full.application.id, ...found });
    }
    request.session.flash = submitting ? 'Your application has been submitted for assessment.' : 'Your application has been saved as a draft.';
    return reply.redirect(`/applications/${full.application.id}`, 303);
  });

  app.post('/applications/:id/withdrawal', PROVIDER_ADMIN, async (request, reply) => {
    await withdrawApplication(deps, request.actionContext(), idOf(request), field(request.body, 'reason'));
    request.session.flash = 'Your application has been withdrawn.';
    return reply.redirect('/applications', 303);
  });

  app.post('/applications/:id/clarifications/:clarificationId', PROVIDER_ADMIN, async (request, reply) => {
    const { clarificationId } = request.params as { clarificationId: string };
    const answer = field(request.body, 'answer');
    try {
      await answerClarification(deps, request.actionContext(), clarificationId, answer);
    } catch (error) {
      const errors = validationErrorsOf(error);
      if (!errors) throw error;
      const full = await providerApplication(deps, request.actionContext(), idOf(request));
      return renderApplication(reply, full, { status: 400, errors: { errorList: errors.errorList.map((item) => ({ ...item, href: `#answer-${clarificationId}` })), fieldErrors: { [`answer-${clarificationId}`]: errors.fieldErrors.answer! } }, values: { [clarificationId]: answer } });
    }
    request.session.flash = 'Thank you. Your answer has been sent to the assessor.';
    return reply.redirect(`/applications/${idOf(request)}`, 303);
  });
}
