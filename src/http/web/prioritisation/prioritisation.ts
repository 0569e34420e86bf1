/** Local engagement and prioritisation pages: the list of runs, a new run and a run's overview; the steps live in sibling files. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PHASES } from '../../../domains/catalogue/catalogue.service.ts';
import type { Deps } from '../../../domains/deps.ts';
import { loadRunOverview } from '../../../domains/prioritisation/run-overview.service.ts';
import { createRun, DEFAULT_PHASES, listRunsFor, memberChoicesFor } from '../../../domains/prioritisation/run.service.ts';
import { attempt, field, type FormErrors, renderForm } from '../form.ts';
import { get, post, registerPages } from '../page-routes.ts';
import { pageRequest, paginationView } from '../pagination.ts';
import { registerDecisionPages } from './decision-pages.ts';
import { COMMISSIONER, READERS, runIdOf } from './route-options.ts';
import { registerEngagementPages } from './engagement-pages.ts';
import { registerScoringPages } from './scoring-pages.ts';
import { fieldList, runListColumns, runView } from './run.presenter.ts';
import { datedFileName, everyPage, sendListCsv } from '../csv-reply.ts';
import { listTableModel } from '../list-table.ts';

interface NewRunValues {
  title: string;
  yearLabel: string;
  members: string[];
  phases: string[];
}

/** The commissioner's runs, or for a regional reviewer the runs notified to its region. */
async function viewRuns(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const page = pageRequest((request.query as { page?: string }).page);
  const { rows, total } = await listRunsFor(deps, request.principal!, page);
  const isReviewer = request.principal!.role === 'regional-reviewer';
  return reply.render('pages/prioritisation/runs.njk', {
    pageTitle: isReviewer ? 'Priorities notified to your region' : 'Local engagement and prioritisation',
    isReviewer,
    columnClass: 'nhsuk-grid-column-full',
    runs: listTableModel(runListColumns(isReviewer), rows, {
      caption: isReviewer ? 'Priorities notified to your region' : 'Local engagement and prioritisation',
      csvHref: '/prioritisation.csv',
      what: 'all these prioritisations',
    }),
    pagination: paginationView(page, total, '/prioritisation'),
  });
}

/** The same runs as CSV, every page of them. */
async function downloadRuns(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const batches = everyPage((page) => listRunsFor(deps, request.principal!, page));
  const columns = runListColumns(request.principal!.role === 'regional-reviewer');
  return sendListCsv(reply, datedFileName('prioritisations', deps.clock.today()), columns, batches);
}

/** The new-run form: the organisations that may take part and the phases of the service. */
async function viewNewRun(deps: Deps, reply: FastifyReply, values: NewRunValues, errors?: FormErrors) {
  const candidates = await memberChoicesFor(deps, reply.request.principal!);
  return renderForm(
    reply,
    'pages/prioritisation/new-run.njk',
    'Start a prioritisation',
    {
      values,
      memberItems: candidates.map((member) => ({
        value: member.id,
        text: member.odsCode ? `${member.name} (${member.odsCode})` : member.name,
        checked: values.members.includes(member.id),
      })),
      phaseItems: Object.entries(PHASES).map(([value, text]) => ({ value, text, checked: values.phases.includes(value) })),
    },
    errors,
  );
}

/** A blank run with every candidate member and the usual phases ticked. */
async function showNewRun(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const candidates = await memberChoicesFor(deps, request.principal!);
  return viewNewRun(deps, reply, { title: '', yearLabel: '', members: candidates.map((member) => member.id), phases: DEFAULT_PHASES });
}

/** Starts the run, or shows the form again with its errors. */
async function submitNewRun(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const values = {
    title: field(request.body, 'title'),
    yearLabel: field(request.body, 'yearLabel'),
    members: fieldList(request.body, 'members'),
    phases: fieldList(request.body, 'phases'),
  };
  const outcome = await attempt(() => createRun(deps, request.actionContext(), values));
  if (!outcome.ok) return viewNewRun(deps, reply, values, outcome.errors);
  request.session.flash = `${values.title.trim()} has been started with the long list and the milestone timetable.`;
  return reply.redirect(`/prioritisation/${outcome.value.id}`, 303);
}

/** One run: its long list, criteria, short list, approval and milestones. */
async function viewRun(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const overview = await loadRunOverview(deps, request.principal, runIdOf(request.params));
  return reply.render('pages/prioritisation/run.njk', {
    pageTitle: overview.run.title,
    ...runView(overview),
    mayChange: request.principal!.role === 'commissioner',
    columnClass: 'nhsuk-grid-column-full',
  });
}

/** Registers every prioritisation page under /prioritisation. */
export function registerPrioritisationPages(app: FastifyInstance, deps: Deps): void {
  registerPages(app, [
    get('/prioritisation', (request, reply) => viewRuns(deps, request, reply), READERS),
    get('/prioritisation.csv', (request, reply) => downloadRuns(deps, request, reply), READERS),
    get('/prioritisation/new', (request, reply) => showNewRun(deps, request, reply), COMMISSIONER),
    post('/prioritisation/new', (request, reply) => submitNewRun(deps, request, reply), COMMISSIONER),
    get('/prioritisation/:id', (request, reply) => viewRun(deps, request, reply), READERS),
  ]);
  registerEngagementPages(app, deps);
  registerScoringPages(app, deps);
  registerDecisionPages(app, deps);
}
