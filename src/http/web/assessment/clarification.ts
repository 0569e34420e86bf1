/** The assessor's "Ask a clarification question" step, on its own page so an error there never touches the marks. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { assessorApplication } from '../../../domains/applications/application-view.service.ts';
import { askClarification } from '../../../domains/applications/clarification.service.ts';
import type { Deps } from '../../../domains/deps.ts';
import { field, type FormErrors } from '../form.ts';
import { pageErrorsOf } from './assessment-errors.ts';

const ASSESSOR = { config: { roles: ['assessor'] as const } };

export function registerClarificationPage(app: FastifyInstance, deps: Deps): void {
  const render = async (request: FastifyRequest, reply: FastifyReply, options: { status?: number; errors?: FormErrors; question?: string } = {}) => {
    const view = await assessorApplication(deps, request.actionContext(), (request.params as { id: string }).id);
    if (!options.errors && (view.application.status !== 'submitted' || view.conflictOfInterest)) return reply.redirect(`/assessment/${view.application.id}`, 303);
    return reply.status(options.status ?? 200).render('pages/assessment/clarification.njk', {
      pageTitle: `${options.errors ? 'Error: ' : ''}Ask ${view.application.providerName} a clarification question`, ...view, ...options.errors, question: options.question ?? '',
    });
  };

  app.get('/assessment/:id/clarifications', ASSESSOR, async (request, reply) => render(request, reply));

  app.post('/assessment/:id/clarifications', ASSESSOR, async (request, reply) => {
    const { id } = request.params as { id: string };
    const question = field(request.body, 'question');
    try {
      await askClarification(deps, request.actionContext(), id, question);
    } catch (error) {
      const found = pageErrorsOf(error, 'question');
      if (!found) throw error;
      return render(request, reply, { ...found, question });
    }
    request.session.flash = 'Your question has been sent to the provider. The assessment clock is paused until it answers.';
    return reply.redirect(`/assessment/${id}`, 303);
  });
}
