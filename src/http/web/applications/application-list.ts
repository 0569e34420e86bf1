/** A provider's applications with their status and, when refused, the ground and reasons; the same list as CSV. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { providerApplications } from '../../../domains/applications/application-view.service.ts';
import type { Deps } from '../../../domains/deps.ts';
import { datedFileName, everyPage, sendListCsv } from '../csv-reply.ts';
import { csvHrefOf, listTableModel } from '../list-table.ts';
import { get, registerPages } from '../page-routes.ts';
import { pageRequest, paginationView } from '../pagination.ts';
import { APPLICATION_LIST_COLUMNS } from './application-list.presenter.ts';
import { PROVIDER_ADMIN } from './provider-offers.ts';

/** `?status=clarification` asks for only the applications waiting for the provider's answer. */
const statusOf = (request: FastifyRequest) =>
  (request.query as { status?: unknown }).status === 'clarification' ? ('clarification' as const) : undefined;

/** One page of the provider's applications, or only those waiting for its answer. */
async function viewApplicationList(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const page = pageRequest((request.query as { page?: unknown }).page);
  const status = statusOf(request);
  const { rows, total } = await providerApplications(deps, request.actionContext(), page, status);
  return reply.render('pages/applications/applications.njk', {
    pageTitle: 'Your applications',
    columnClass: 'nhsuk-grid-column-full',
    pagination: paginationView(page, total, '/applications', { status }),
    waitingForClarification: Boolean(status),
    applications: listTableModel(APPLICATION_LIST_COLUMNS, rows, {
      caption: 'Your organisation’s applications',
      csvHref: csvHrefOf('/applications', { status }),
      what: 'these applications',
    }),
  });
}

/** Every application the page would list, across all its pages, as CSV. */
async function downloadApplicationList(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const status = statusOf(request);
  const batches = everyPage((page) => providerApplications(deps, request.actionContext(), page, status));
  return sendListCsv(reply, datedFileName('applications', deps.clock.today()), APPLICATION_LIST_COLUMNS, batches);
}

export function registerApplicationListPage(app: FastifyInstance, deps: Deps): void {
  registerPages(app, [
    get('/applications', (request, reply) => viewApplicationList(deps, request, reply), PROVIDER_ADMIN),
    get('/applications.csv', (request, reply) => downloadApplicationList(deps, request, reply), PROVIDER_ADMIN),
  ]);
}
