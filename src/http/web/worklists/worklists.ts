/** Worklist pages (issue #6 items 6–7): the provider's referrals to accept and in treatment, with an accept button; the practice's referrals needing attention. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { viewReferral } from '../../../domains/referrals/referral-access.service.ts';
import { acceptReferral } from '../../../domains/referrals/referral-provider.service.ts';
import { formatUbrn } from '../../../domains/referrals/referral-reference.rules.ts';
import { providerWorklist, referrerWorklist } from '../../../domains/referrals/worklist.service.ts';
import { DomainError } from '../../../lib/errors.ts';
import { problemTitle, refusable, STATE_REFUSALS } from '../form-outcome.ts';
import { get, post, registerPages } from '../page-routes.ts';
import { pageRequest, paginationView } from '../pagination.ts';
import { datedFileName, everyPage, sendListCsv } from '../csv-reply.ts';
import { listTableModel } from '../list-table.ts';
import { PROVIDER_WORKLIST_COLUMNS, presentWorklistItem, REFERRER_WORKLIST_COLUMNS } from './worklist.presenter.ts';

const PROVIDER = { config: { roles: ['provider-admin', 'provider-clinician'] as const } };
const REFERRER = { config: { roles: ['referrer'] as const } };

/** The provider's worklist, with the problem of an accept that lost a race (status 409) when there is one. */
async function viewProviderWorklist(deps: Deps, request: FastifyRequest, reply: FastifyReply, problem?: string) {
  const page = pageRequest((request.query as Record<string, unknown>).page);
  const { items, total } = await providerWorklist(deps, request.actionContext(), page);
  const rows = items.map(presentWorklistItem);
  return reply.status(problem ? 409 : 200).render('pages/worklists/provider.njk', {
    pageTitle: problemTitle('Referrals to your organisation', problem),
    columnClass: 'nhsuk-grid-column-full',
    problem,
    worklist: listTableModel(PROVIDER_WORKLIST_COLUMNS, rows, {
      caption: 'Referrals to your organisation',
      csvHref: '/worklists/provider.csv',
      what: 'the whole worklist',
    }),
    accepts: rows,
    pagination: paginationView(page, total, '/worklists/provider'),
  });
}

/** Accepts a referral from the worklist; one another person moved first is explained on the worklist. */
async function submitAccept(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const referral = await viewReferral(deps, request.actionContext(), (request.params as { ubrn: string }).ubrn, {
    page: 'worklist-accept',
  });
  if (referral.side !== 'provider') throw new DomainError('not-found', 'There is no referral with that reference');
  const outcome = await refusable(STATE_REFUSALS, () => acceptReferral(deps, request.actionContext(), referral));
  if (!outcome.ok) return viewProviderWorklist(deps, request, reply, outcome.refusal.message);
  request.session.flash = `Referral ${formatUbrn(referral.ubrn)} accepted.`;
  return reply.redirect('/worklists/provider', 303);
}

/** The practice's referrals needing attention. */
async function viewReferrerWorklist(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const page = pageRequest((request.query as Record<string, unknown>).page);
  const { items, total } = await referrerWorklist(deps, request.actionContext(), page);
  return reply.render('pages/worklists/referrer.njk', {
    pageTitle: 'Referrals needing your attention',
    columnClass: 'nhsuk-grid-column-full',
    worklist: listTableModel(REFERRER_WORKLIST_COLUMNS, items.map(presentWorklistItem), {
      caption: 'Referrals needing your attention',
      csvHref: '/worklists/referrer.csv',
      what: 'the whole worklist',
    }),
    pagination: paginationView(page, total, '/worklists/referrer'),
  });
}

/** A whole worklist, every page read (and audited) as the page reads one, as CSV. */
async function downloadWorklist(deps: Deps, request: FastifyRequest, reply: FastifyReply, side: 'provider' | 'referrer') {
  const read = side === 'provider' ? providerWorklist : referrerWorklist;
  const batches = everyPage(async (page) => {
    const { items, total } = await read(deps, request.actionContext(), page);
    return { rows: items.map(presentWorklistItem), total };
  });
  const columns = side === 'provider' ? PROVIDER_WORKLIST_COLUMNS : REFERRER_WORKLIST_COLUMNS;
  return sendListCsv(reply, datedFileName(`worklist-${side}`, deps.clock.today()), columns, batches);
}

export function registerWorklistPages(app: FastifyInstance, deps: Deps): void {
  registerPages(app, [
    get('/worklists/provider', (request, reply) => viewProviderWorklist(deps, request, reply), PROVIDER),
    get('/worklists/provider.csv', (request, reply) => downloadWorklist(deps, request, reply, 'provider'), PROVIDER),
    post('/worklists/provider/:ubrn/accept', (request, reply) => submitAccept(deps, request, reply), PROVIDER),
    get('/worklists/referrer', (request, reply) => viewReferrerWorklist(deps, request, reply), REFERRER),
    get('/worklists/referrer.csv', (request, reply) => downloadWorklist(deps, request, reply, 'referrer'), REFERRER),
  ]);
}
