/** A provider's applications with their status and, when refused, the ground and reasons. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { providerApplications } from '../../../domains/applications/application-view.service.ts';
import type { Deps } from '../../../domains/deps.ts';
import { get, registerPages } from '../page-routes.ts';
import { pageRequest, paginationView } from '../pagination.ts';
import { applicationStatusTag, refusalGroundLabel } from './application.presenter.ts';
import { PROVIDER_ADMIN } from './provider-offers.ts';

/** One page of the provider's applications, or only those waiting for its answer. */
async function viewApplicationList(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const query = request.query as { page?: unknown; status?: unknown };
  const page = pageRequest(query.page);
  const status = query.status === 'clarification' ? 'clarification' : undefined;
  const { rows, total } = await providerApplications(deps, request.actionContext(), page, status);
  return reply.render('pages/applications/applications.njk', {
    pageTitle: 'Your applications',
    columnClass: 'nhsuk-grid-column-full',
    pagination: paginationView(page, total, '/applications', { status }),
    waitingForClarification: Boolean(status),
    applications: rows.map((row) => ({
      id: row.id,
      offerTitle: row.offerTitle,
      reference: row.offerReference,
      attempt: row.attempt,
      tag: applicationStatusTag(row.status),
      submittedAt: row.submittedAt,
      ground: refusalGroundLabel(row.refusalGround),
      reasons: row.decisionReasons,
    })),
  });
}

export function registerApplicationListPage(app: FastifyInstance, deps: Deps): void {
  registerPages(app, [get('/applications', (request, reply) => viewApplicationList(deps, request, reply), PROVIDER_ADMIN)]);
}
