/** The assessor's pages: the queue, and one application whose criteria are marked one at a time, each mark saved as it is made. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { assessorApplication } from '../../../domains/applications/application-view.service.ts';
import { assessorQueue } from '../../../domains/applications/assessment-queue.service.ts';
import { markCriteria } from '../../../domains/applications/assessment.service.ts';
import type { Deps } from '../../../domains/deps.ts';
import { type FormErrors, formErrors, titleOf } from '../form.ts';
import { attemptRefusable } from '../form-outcome.ts';
import { get, post, registerPages } from '../page-routes.ts';
import { pageRequest, paginationView } from '../pagination.ts';
import { applicationStatusTag, refusalGroundLabel } from '../applications/application.presenter.ts';
import { refusedToAssessor } from './assessment-errors.ts';
import { datedFileName, everyPage, sendListCsv } from '../csv-reply.ts';
import { listTableModel } from '../list-table.ts';
import { assuranceRows, criteriaRows, historyRows } from './assessment.presenter.ts';
import { QUEUE_COLUMNS } from './assessment-queue.presenter.ts';
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

interface AssessmentPageOptions {
  status?: number;
  errors?: FormErrors;
  posted?: Record<string, string>;
}

/** One application to assess: its criteria with their marks, the provider's assurance, and its history. */
async function viewAssessment(deps: Deps, request: FastifyRequest, reply: FastifyReply, options: AssessmentPageOptions = {}) {
  const view = await assessorApplication(deps, request.actionContext(), idOf(request));
  const open = view.application.status === 'submitted' || view.application.status === 'clarification';
  return reply.status(options.status ?? (options.errors ? 400 : 200)).render('pages/assessment/application.njk', {
    pageTitle: titleOf(`Assess ${view.application.providerName}’s application`, options.errors),
    ...view,
    ...options.errors,
    columnClass: 'nhsuk-grid-column-full',
    statusTag: applicationStatusTag(view.application.status),
    ground: refusalGroundLabel(view.application.refusalGround),
    criteriaRows: criteriaRows(view, options.posted, options.errors ? undefined : savedIndexOf(request)),
    assuranceRows: assuranceRows(view),
    historyRows: historyRows(view),
    open,
    mayAsk: view.application.status === 'submitted',
    decisionStarted: Boolean(decisionDraftOf(request, view.application.id)),
  });
}

/** The assessor's queue, oldest waiting first. */
async function viewAssessmentQueue(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const page = pageRequest((request.query as { page?: unknown }).page);
  const { items, total } = await assessorQueue(deps, request.actionContext(), page);
  return reply.render('pages/assessment/queue.njk', {
    pageTitle: 'Applications to assess',
    columnClass: 'nhsuk-grid-column-full',
    queue: listTableModel(QUEUE_COLUMNS, items, {
      caption: 'Applications awaiting a decision',
      csvHref: '/assessment.csv',
      what: 'the whole queue',
    }),
    pagination: paginationView(page, total, '/assessment'),
  });
}

/** The whole queue, every page of it, as CSV. */
async function downloadAssessmentQueue(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const batches = everyPage(async (page) => {
    const { items, total } = await assessorQueue(deps, request.actionContext(), page);
    return { rows: items, total };
  });
  return sendListCsv(reply, datedFileName('applications-to-assess', deps.clock.today()), QUEUE_COLUMNS, batches);
}

/** Saves the marks typed on the page and returns to the criterion saved, or shows the page again with its errors. */
async function submitMarks(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const view = await assessorApplication(deps, request.actionContext(), idOf(request));
  const posted = request.body as Record<string, string>;
  const { marks, errors, pressed } = marksFromForm(view.criteria, view.marks, posted);
  if (errors.length) return viewAssessment(deps, request, reply, { errors: formErrors(errors), posted });
  const outcome = await attemptRefusable(refusedToAssessor, `mark-${Math.max(pressed, 0)}`, () =>
    markCriteria(deps, request.actionContext(), view.application.id, marks),
  );
  if (!outcome.ok) return viewAssessment(deps, request, reply, { status: outcome.status, errors: outcome.errors, posted });
  const shown = pressed >= 0 ? pressed : view.criteria.findIndex((criterion) => criterion.id === marks[0]!.criterion);
  return reply.redirect(`/assessment/${view.application.id}?saved=${shown}#criterion-${shown}`, 303);
}

export function registerAssessmentPages(app: FastifyInstance, deps: Deps): void {
  registerPages(app, [
    get('/assessment', (request, reply) => viewAssessmentQueue(deps, request, reply), ASSESSOR),
    get('/assessment.csv', (request, reply) => downloadAssessmentQueue(deps, request, reply), ASSESSOR),
    get('/assessment/:id', (request, reply) => viewAssessment(deps, request, reply), ASSESSOR),
    post('/assessment/:id/marks', (request, reply) => submitMarks(deps, request, reply), ASSESSOR),
  ]);
  registerClarificationPage(app, deps);
  registerDecisionPages(app, deps);
}
