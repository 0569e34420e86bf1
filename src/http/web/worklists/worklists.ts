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
import { presentWorklistItem } from './worklist.presenter.ts';

const PROVIDER = { config: { roles: ['provider-admin', 'provider-clinician'] as const } };
const REFERRER = { config: { roles: ['referrer'] as const } };

/** The provider's worklist, with the problem of an accept that lost a race (status 409) when there is one. */
async function viewProviderWorklist(deps: Deps, request: FastifyRequest, reply: FastifyReply, problem?: string) {
  const page = pageRequest((request.query as Record<string, unknown>).page);
  const { items, total } = await providerWorklist(deps, request.actionContext(), page);
  return reply.status(problem ? 409 : 200).render('pages/worklists/provider.njk', {
    pageTitle: problemTitle('Referrals to your organisation', problem),
    columnClass: 'nhsuk-grid-column-full',
    problem,
    rows: items.map(presentWorklistItem),
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
    rows: items.map(presentWorklistItem),
    pagination: paginationView(page, total, '/worklists/referrer'),
  });
}

export function registerWorklistPages(app: FastifyInstance, deps: Deps): void {
  registerPages(app, [
    get('/worklists/provider', (request, reply) => viewProviderWorklist(deps, request, reply), PROVIDER),
    post('/worklists/provider/:ubrn/accept', (request, reply) => submitAccept(deps, request, reply), PROVIDER),
    get('/worklists/referrer', (request, reply) => viewReferrerWorklist(deps, request, reply), REFERRER),
  ]);
}
