/** Local engagement and prioritisation pages: the list of runs, a new run and a run's overview; the steps live in sibling files. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { PHASES } from '../../../domains/catalogue/catalogue.service.ts';
import type { Deps } from '../../../domains/deps.ts';
import { loadRunOverview } from '../../../domains/prioritisation/run-overview.service.ts';
import { createRun, DEFAULT_PHASES, listRunsFor, memberChoicesFor } from '../../../domains/prioritisation/run.service.ts';
import { field, validationErrorsOf } from '../form.ts';
import { pageRequest, paginationView } from '../pagination.ts';
import { registerDecisionPages } from './decision-pages.ts';
import { COMMISSIONER, READERS, runIdOf } from './route-options.ts';
import { registerEngagementPages } from './engagement-pages.ts';
import { registerScoringPages } from './scoring-pages.ts';
import { fieldList, runStatusTag, runView } from './run.presenter.ts';


/** Registers every prioritisation page under /prioritisation. */
export function registerPrioritisationPages(app: FastifyInstance, deps: Deps): void {
  app.get('/prioritisation', READERS, async (request, reply) => {
    const page = pageRequest((request.query as { page?: string }).page);
    const { rows, total } = await listRunsFor(deps, request.principal!, page);
    const isReviewer = request.principal!.role === 'regional-reviewer';
    return reply.render('pages/prioritisation/runs.njk', {
      pageTitle: isReviewer ? 'Priorities notified to your region' : 'Local engagement and prioritisation', isReviewer, columnClass: 'nhsuk-grid-column-full',
      runs: rows.map((run) => ({ ...run, statusTag: runStatusTag(run.status) })), pagination: paginationView(page, total, '/prioritisation'),
    });
  });

  const renderNew = async (reply: FastifyReply, values: { title: string; yearLabel: string; members: string[]; phases: string[] }, status = 200, errors = {}) => {
    const candidates = await memberChoicesFor(deps, reply.request.principal!);
    return reply.status(status).render('pages/prioritisation/new-run.njk', {
      pageTitle: `${Object.keys(errors).length ? 'Error: ' : ''}Start a prioritisation`, values, ...errors,
      memberItems: candidates.map((member) => ({ value: member.id, text: member.odsCode ? `${member.name} (${member.odsCode})` : member.name, checked: values.members.includes(member.id) })),
      phaseItems: Object.entries(PHASES).map(([value, text]) => ({ value, text, checked: values.phases.includes(value) })),
    });
  };

  app.get('/prioritisation/new', COMMISSIONER, async (request, reply) => {
    const candidates = await memberChoicesFor(deps, request.principal!);
    return renderNew(reply, { title: '', yearLabel: '', members: candidates.map((member) => member.id), phases: DEFAULT_PHASES });
  });
  app.post('/prioritisation/new', COMMISSIONER, async (request, reply) => {
    const values = { title: field(request.body, 'title'), yearLabel: field(request.body, 'yearLabel'), members: fieldList(request.body, 'members'), phases: fieldList(request.body, 'phases') };
    try {
      const { id } = await createRun(deps, request.actionContext(), values);
      request.session.flash = `${values.title.trim()} has been started with the long list and the milestone timetable.`;
      return reply.redirect(`/prioritisation/${id}`, 303);
    } catch (error) {
      const errors = validationErrorsOf(error);
      if (!errors) throw error;
      return renderNew(reply, values, 400, errors);
    }
  });

  app.get('/prioritisation/:id', READERS, async (request, reply) => {
    const overview = await loadRunOverview(deps, request.principal, runIdOf(request.params));
    return reply.render('pages/prioritisation/run.njk', {
      pageTitle: overview.run.title, ...runView(overview), mayChange: request.principal!.role === 'commissioner', columnClass: 'nhsuk-grid-column-full',
    });
  });

  registerEngagementPages(app, deps);
  registerScoringPages(app, deps);
  registerDecisionPages(app, deps);
}
