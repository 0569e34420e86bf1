/** The assessor's "Ask a clarification question" step, on its own page so an error there never touches the marks. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { assessorApplication } from '../../../domains/applications/application-view.service.ts';
import { askClarification } from '../../../domains/applications/clarification.service.ts';
import type { Deps } from '../../../domains/deps.ts';
import { field, type FormErrors, titleOf } from '../form.ts';
import { attemptRefusable } from '../form-outcome.ts';
import { get, post, registerPages } from '../page-routes.ts';
import { refusedToAssessor } from './assessment-errors.ts';

const ASSESSOR = { config: { roles: ['assessor'] as const } };

/** The question form; once the application is no longer submitted (or the assessor is conflicted) it returns to the application. */
async function viewClarification(
  deps: Deps,
  request: FastifyRequest,
  reply: FastifyReply,
  options: { status?: number; errors?: FormErrors; question?: string } = {},
) {
  const view = await assessorApplication(deps, request.actionContext(), (request.params as { id: string }).id);
  if (!options.errors && (view.application.status !== 'submitted' || view.conflictOfInterest))
    return reply.redirect(`/assessment/${view.application.id}`, 303);
  return reply.status(options.status ?? (options.errors ? 400 : 200)).render('pages/assessment/clarification.njk', {
    pageTitle: titleOf(`Ask ${view.application.providerName} a clarification question`, options.errors),
    ...view,
    ...options.errors,
    question: options.question ?? '',
  });
}

/** Sends the question to the provider, pausing the clock; or shows the form again with its errors. */
async function submitClarification(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const { id } = request.params as { id: string };
  const question = field(request.body, 'question');
  const outcome = await attemptRefusable(refusedToAssessor, 'question', () =>
    askClarification(deps, request.actionContext(), id, question),
  );
  if (!outcome.ok) return viewClarification(deps, request, reply, { status: outcome.status, errors: outcome.errors, question });
  request.session.flash = 'Your question has been sent to the provider. The assessment clock is paused until it answers.';
  return reply.redirect(`/assessment/${id}`, 303);
}

export function registerClarificationPage(app: FastifyInstance, deps: Deps): void {
  registerPages(app, [
    get('/assessment/:id/clarifications', (request, reply) => viewClarification(deps, request, reply), ASSESSOR),
    post('/assessment/:id/clarifications', (request, reply) => submitClarification(deps, request, reply), ASSESSOR),
  ]);
}
