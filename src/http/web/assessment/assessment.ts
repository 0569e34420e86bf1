/** The assessor's pages: the queue, and one application whose criteria are marked one at a time, each mark saved as it is made. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { assessorApplication } from '../../../domains/applications/application-view.service.ts';
import { assessorQueue } from '../../../domains/applications/assessment-queue.service.ts';
import { markCriteria } from '../../../domains/applications/assessment.service.ts';
import type { Deps } from '../../../domains/deps.ts';
import { type FormErrors, formErrors } from '../form.ts';
import { pageRequest, paginationView } from '../pagination.ts';
import { applicationStatusTag, refusalGroundLabel } from '../applications/application.presenter.ts';
import { pageErrorsOf } from './assessment-errors.ts';
import { assuranceRows, criteriaRows, historyRows, queueRows } from './assessment.presenter.ts';
import { registerClarificationPage } from './clarification.ts';
import { decisionDraftOf } from './decision-draft.ts';
import { registerDecisionPages } from './decision.ts';
import { marksFromForm } from './marks.form.ts';

const ASSESSOR = { config: { roles: ['assessor'] as const } };

function idOf(request: FastifyRequest): string {
  return (request.params as { id: string }).id;
}

function savedIndexOf(request: FastifyRequest): number | undefined {
  const saved = (request.query as { saved?: unknown }).saved;
  return typeof saved === 'string' && /^\d{1,3}$/.test(saved) ? Number(saved) : undefined;
}

export function registerAssessmentPages(app: FastifyInstance, deps: Deps): void {
  const render = async (request: FastifyRequest, reply: FastifyReply, options: { status?: number; errors?: FormErrors; posted?: Record<string, string> } = {}) => {
    const view = await assessorApplication(deps, request.actionContext(), idOf(request));
    const open = view.application.status === 'submitted' || view.application.status === 'clarification';
    return reply.status(options.status ?? 200).render('pages/assessment/application.njk', {
      pageTitle: `${options.errors ? 'Error: ' : ''}Assess ${view.application.providerName}’s application`, ...view, ...options.errors, columnClass: 'nhsuk-grid-column-full',
      statusTag: applicationStatusTag(view.application.status), ground: refusalGroundLabel(view.application.refusalGround),
      criteriaRows: criteriaRows(view, options.posted, options.errors ? undefined : savedIndexOf(request)), assuranceRows: assuranceRows(view), historyRows: historyRows(view), open, mayAsk: view.application.status === 'submitted',
      decisionStarted: Boolean(decisionDraftOf(request, view.application.id)),
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
    const { marks, errors, pressed } = marksFromForm(view.criteria, view.marks, posted);
    try {
      if (errors.length) return render(request, reply, { status: 400, errors: formErrors(errors), posted });
      await markCriteria(deps, request.actionContext(), view.application.id, marks);
    } catch (error) {
      const found = pageErrorsOf(error, `mark-${Math.max(pressed, 0)}`);
      if (!found) throw error;
      return render(request, reply, { ...found, posted });
    }
    const shown = pressed >= 0 ? pressed : view.criteria.findIndex((criterion) => criterion.id === marks[0]!.criterion);
    return reply.redirect(`/assessment/${view.application.id}?saved=${shown}#criterion-${shown}`, 303);
  });

  registerClarificationPage(app, deps);
  registerDecisionPages(app, deps);
}
