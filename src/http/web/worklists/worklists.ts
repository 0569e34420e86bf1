/** Worklist pages (issue #6 items 6–7): the provider's referrals to accept and in treatment, with an accept button; the practice's referrals needing attention. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { viewReferral } from '../../../domains/referrals/referral-access.service.ts';
import { acceptReferral } from '../../../domains/referrals/referral-provider.service.ts';
import { formatUbrn } from '../../../domains/referrals/referral-reference.rules.ts';
import { providerWorklist, referrerWorklist } from '../../../domains/referrals/worklist.service.ts';
import { DomainError } from '../../../lib/errors.ts';
import { pageRequest, paginationView } from '../pagination.ts';
import { presentWorklistItem } from './worklist.presenter.ts';

const PROVIDER = { config: { roles: ['provider-admin', 'provider-clinician'] as const } };
const REFERRER = { config: { roles: ['referrer'] as const } };

async function renderProviderWorklist(deps: Deps, request: FastifyRequest, reply: FastifyReply, problem?: string) {
  const page = pageRequest((request.query as Record<string, unknown>).page);
  const { items, total } = await providerWorklist(deps, request.actionContext(), page);
  return reply.render('pages/worklists/provider.njk', {
    pageTitle: `${problem ? 'Error: ' : ''}Referrals to your organisation`, columnClass: 'nhsuk-grid-column-full', problem,
    rows: items.map(presentWorklistItem), pagination: paginationView(page, total, '/worklists/provider'),
  });
}

export function registerWorklistPages(app: FastifyInstance, deps: Deps): void {
  app.get('/worklists/provider', PROVIDER, async (request, reply) => renderProviderWorklist(deps, request, reply));

  app.post('/worklists/provider/:ubrn/accept', PROVIDER, async (request, reply) => {
    const referral = await viewReferral(deps, request.actionContext(), (request.params as { ubrn: string }).ubrn, { page: 'worklist-accept' });
    if (referral.side !== 'provider') throw new DomainError('not-found', 'There is no referral with that reference');
    try {
      await acceptReferral(deps, request.actionContext(), referral);
    } catch (error) {
      if (!(error instanceof DomainError) || !['conflict', 'invalid-transition'].includes(error.code)) throw error;
      return renderProviderWorklist(deps, request, reply.status(409), error.message);
    }
    request.session.flash = `Referral ${formatUbrn(referral.ubrn)} accepted.`;
    return reply.redirect('/worklists/provider', 303);
  });

  app.get('/worklists/referrer', REFERRER, async (request, reply) => {
    const page = pageRequest((request.query as Record<string, unknown>).page);
    const { items, total } = await referrerWorklist(deps, request.actionContext(), page);
    return reply.render('pages/worklists/referrer.njk', {
      pageTitle: 'Referrals needing your attention', columnClass: 'nhsuk-grid-column-full', rows: items.map(presentWorklistItem), pagination: paginationView(page, total, '/worklists/referrer'),
    });
  });
}
