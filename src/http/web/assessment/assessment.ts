/** The assessor's pages: the queue, and one application to mark, clarify and decide, judged only on the submission. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { assessorApplication } from '../../../domains/applications/application-view.service.ts';
import { assessorQueue } from '../../../domains/applications/assessment-queue.service.ts';
import { decideApplication, markCriteria } from '../../../domains/applications/assessment.service.ts';
import { askClarification } from '../../../domains/applications/clarification.service.ts';
import type { Deps } from '../../../domains/deps.ts';
import { DomainError } from '../../../lib/errors.ts';
import { field, type FormErrors, formErrors, validationErrorsOf } from '../form.ts';
import { pageRequest, paginationView } from '../pagination.ts';
import { applicationStatusTag, refusalGroundLabel } from '../applications/application.presenter.ts';
import { assuranceRows, criteriaRows, groundItems, queueRows } from './assessment.presenter.ts';

const ASSESSOR = { config: { roles: ['assessor'] as const } };

function idOf(request: FastifyRequest): string {
  return (request.params as { id: string }).id;
}

/** Refusals shown on the page rather than as an error page: validation, a move the lifecycle forbids, a conflict of interest. */
function pageErrorsOf(error: unknown, field: string): { status: number; errors: FormErrors } | undefined {
  const validation = validationErrorsOf(error);
  if (validation) return { status: 400, errors: validation };
  if (error instanceof DomainError && (error.code === 'invalid-transition' || (error.code === 'forbidden' && error.details.reason === 'conflict-of-interest'))) {
    return { status: error.code === 'forbidden' ? 403 : 409, errors: formErrors([{ field, message: error.message }]) };
  }
  return undefined;
}

export function registerAssessmentPages(app: FastifyInstance, deps: Deps): void {
  const render = async (request: FastifyRequest, reply: FastifyReply, options: { status?: number; errors?: FormErrors; posted?: Record<string, string> } = {}) => {
    const view = await assessorApplication(deps, request.actionContext(), idOf(request));
    const open = view.application.status === 'submitted' || view.application.status === 'clarification';
    return reply.status(options.status ?? 200).render('pages/assessment/application.njk', {
      pageTitle: `${options.errors ? 'Error: ' : ''}Assess ${view.application.providerName}’s application`, ...view, ...options.errors, columnClass: 'nhsuk-grid-column-full',
      statusTag: applicationStatusTag(view.application.status), ground: refusalGroundLabel(view.application.refusalGround),
      criteriaRows: criteriaRows(view, options.posted), assuranceRows: assuranceRows(view), open, mayAsk: view.application.status === 'submitted',
      posted: options.posted ?? {}, groundItems: groundItems(options.posted?.ground ?? ''),
      outcomeItems: [{ value: 'qualified', text: 'Qualified', hint: { text: 'Every criterion must be marked as passed.' }, checked: options.posted?.outcome === 'qualified' }, { value: 'not-qualified', text: 'Not qualified', checked: options.posted?.outcome === 'not-qualified' }],
    });
  };

  app.get('/assessment', ASSESSOR, async (request, reply) => {
    const page = pageRequest((request.query as { page?: unknown }).page);
    const { items, total } = await assessorQueue(deps, request.actionContext(), page);
    return reply.render('pages/assessment/queue.njk', { pageTitle: 'Applications to assess', columnClass: 'nhsuk-grid-column-full', rows: queueRows(items), pagination: paginationView(page, total, '/assessment') });
  });

  app.get('/assessment/:id', ASSESSOR, async (request, reply) => render(request, reply));

  app.post('/assessment/:id/marks', ASSESSOR, async (request, reply) => {
    const view = await assessorApplication(deps, request.actionContext(), idOf(request));
    const posted = request.body as Record<string, string>;
    const marks = view.criteria.flatMap((criterion, index) => {
      const choice = field(posted, `mark-${index}`);
      return choice === 'pass' || choice === 'fail' ? [{ criterion: criterion.id, passed: choice === 'pass', note: field(posted, `note-${index}`) }] : [];
    });
    try {
      if (marks.length === 0) return render(request, reply, { status: 400, errors: formErrors([{ field: 'mark-0', message: 'Mark at least one criterion pass or fail' }]), posted });
      await markCriteria(deps, request.actionContext(), view.application.id, marks);
    } catch (error) {
      const found = pageErrorsOf(error, 'mark-0');
      if (!found) throw error;
      return render(request, reply, { ...found, posted });
    }
    request.session.flash = 'The marks have been saved.';
    return reply.redirect(`/assessment/${view.application.id}`, 303);
  });

  app.post('/assessment/:id/clarifications', ASSESSOR, async (request, reply) => {
    const question = field(request.body, 'question');
    try {
      await askClarification(deps, request.actionContext(), idOf(request), question);
    } catch (error) {
      const found = pageErrorsOf(error, 'question');
      if (!found) throw error;
      return render(request, reply, { ...found, posted: { question } });
    }
    request.session.flash = 'Your question has been sent to the provider. The assessment clock is paused until it answers.';
    return reply.redirect(`/assessment/${idOf(request)}`, 303);
  });

  app.post('/assessment/:id/decision', ASSESSOR, async (request, reply) => {
    const posted = { outcome: field(request.body, 'outcome'), ground: field(request.body, 'ground'), reasons: field(request.body, 'reasons') };
    try {
      if (posted.outcome !== 'qualified' && posted.outcome !== 'not-qualified') return render(request, reply, { status: 400, errors: formErrors([{ field: 'outcome', message: 'Select qualified or not qualified' }]), posted });
      if (posted.outcome === 'qualified' && posted.ground) return render(request, reply, { status: 400, errors: formErrors([{ field: 'ground', message: 'Choose a refusal ground only when the application is not qualified' }]), posted });
      await decideApplication(deps, request.actionContext(), idOf(request), posted.outcome === 'qualified' ? { outcome: 'qualified', reasons: posted.reasons } : { outcome: 'not-qualified', ground: posted.ground, reasons: posted.reasons });
    } catch (error) {
      const found = pageErrorsOf(error, 'outcome');
      if (!found) throw error;
      return render(request, reply, { ...found, posted });
    }
    request.session.flash = posted.outcome === 'qualified' ? 'The provider has qualified and is now listed for this offer.' : 'The provider has been told it has not qualified, with the ground and your reasons.';
    return reply.redirect(`/assessment/${idOf(request)}`, 303);
  });
}
