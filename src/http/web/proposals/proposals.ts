/** Locally proposed services and their regional assessment: the lists and the detail page each role shares. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { getProposal, proposalsFor } from '../../../domains/proposals/proposal-queries.service.ts';
import { get, registerPages } from '../page-routes.ts';
import { pageRequest, paginationView } from '../pagination.ts';
import { registerLocalServicePages } from './local-service.ts';
import { registerProposalDraftingPages } from './proposal-drafting.ts';
import { PROPOSAL_LIST_COLUMNS, PROPOSAL_QUEUE_COLUMNS, proposalDetailView } from './proposal.presenter.ts';
import { datedFileName, everyPage, sendListCsv } from '../csv-reply.ts';
import { csvHrefOf, listTableModel } from '../list-table.ts';
import { registerProposalReviewPages } from './proposal-review.ts';

const COMMISSIONER = { config: { roles: ['commissioner'] as const } };
const REVIEWER = { config: { roles: ['regional-reviewer'] as const } };
const READERS = { config: { roles: ['commissioner', 'regional-reviewer'] as const } };

/** The reviewer's queue tabs: what awaits assessment, and what the region has decided. */
const QUEUE_VIEWS = [
  { key: 'submitted', text: 'Awaiting assessment' },
  { key: 'approved', text: 'Approved' },
  { key: 'rejected', text: 'Rejected' },
] as const;

/** The commissioner's proposals. */
async function viewProposals(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const page = pageRequest((request.query as { page?: string }).page);
  const { rows, total } = await proposalsFor(deps, request.principal, page);
  return reply.render('pages/proposals/list.njk', {
    pageTitle: 'Local service proposals',
    proposals: listTableModel(PROPOSAL_LIST_COLUMNS, rows, {
      caption: 'Your organisation’s proposals',
      csvHref: '/proposals.csv',
      what: 'all your proposals',
    }),
    pagination: paginationView(page, total, '/proposals'),
    columnClass: 'nhsuk-grid-column-full',
  });
}

/** The queue tab asked for, the first when none or an unknown one is asked for. */
const queueViewOf = (request: FastifyRequest) =>
  QUEUE_VIEWS.find((view) => view.key === (request.query as { status?: string }).status) ?? QUEUE_VIEWS[0];

/** The commissioner's proposals as CSV: every page of them. */
async function downloadProposals(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const batches = everyPage((page) => proposalsFor(deps, request.principal, page));
  return sendListCsv(reply, datedFileName('proposals', deps.clock.today()), PROPOSAL_LIST_COLUMNS, batches);
}

/** The reviewer's tab as CSV: every proposal in it. */
async function downloadReviewQueue(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const current = queueViewOf(request);
  const batches = everyPage((page) => proposalsFor(deps, request.principal, { statuses: [current.key], ...page }));
  return sendListCsv(reply, datedFileName(`proposals-${current.key}`, deps.clock.today()), PROPOSAL_QUEUE_COLUMNS, batches);
}

/** The reviewer's queue, one tab at a time. */
async function viewReviewQueue(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const query = request.query as { page?: string };
  const current = queueViewOf(request);
  const page = pageRequest(query.page);
  const { rows, total } = await proposalsFor(deps, request.principal, { statuses: [current.key], ...page });
  return reply.render('pages/proposals/queue.njk', {
    pageTitle: `Proposals: ${current.text.toLowerCase()}`,
    current,
    views: QUEUE_VIEWS,
    proposals: listTableModel(PROPOSAL_QUEUE_COLUMNS, rows, {
      caption: `Proposals: ${current.text.toLowerCase()}`,
      csvHref: csvHrefOf('/proposals/review', { status: current.key }),
      what: 'all these proposals',
    }),
    pagination: paginationView(page, total, '/proposals/review', { status: current.key }),
    columnClass: 'nhsuk-grid-column-full',
  });
}

/** One proposal with its assessments and decision, and the actions open to this role. */
async function viewProposal(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const proposal = await getProposal(deps, request.principal, (request.params as { id: string }).id);
  return reply.render('pages/proposals/detail.njk', { pageTitle: proposal.name, ...proposalDetailView(proposal, request.principal!) });
}

export function registerProposalPages(app: FastifyInstance, deps: Deps): void {
  registerPages(app, [
    get('/proposals', (request, reply) => viewProposals(deps, request, reply), COMMISSIONER),
    get('/proposals.csv', (request, reply) => downloadProposals(deps, request, reply), COMMISSIONER),
    get('/proposals/review', (request, reply) => viewReviewQueue(deps, request, reply), REVIEWER),
    get('/proposals/review.csv', (request, reply) => downloadReviewQueue(deps, request, reply), REVIEWER),
    get('/proposals/:id', (request, reply) => viewProposal(deps, request, reply), READERS),
  ]);
  registerProposalDraftingPages(app, deps);
  registerProposalReviewPages(app, deps);
  registerLocalServicePages(app, deps);
}
