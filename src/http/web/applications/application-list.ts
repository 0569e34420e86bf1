/** A provider's applications with their status and, when refused, the ground and reasons. */
import type { FastifyInstance } from 'fastify';
import { providerApplications } from '../../../domains/applications/application-view.service.ts';
import type { Deps } from '../../../domains/deps.ts';
import { offerReference } from '../../../domains/offers/offer.repo.ts';
import { pageRequest, paginationView } from '../pagination.ts';
import { applicationStatusTag, refusalGroundLabel } from './application.presenter.ts';
import { PROVIDER_ADMIN } from './provider-offers.ts';

export function registerApplicationListPage(app: FastifyInstance, deps: Deps): void {
  app.get('/applications', PROVIDER_ADMIN, async (request, reply) => {
    const query = request.query as { page?: unknown; status?: unknown };
    const page = pageRequest(query.page);
    const status = query.status === 'clarification' ? 'clarification' : undefined;
    const { rows, total } = await providerApplications(deps, request.actionContext(), page, status);
    return reply.render('pages/applications/applications.njk', {
      pageTitle: 'Your applications', columnClass: 'nhsuk-grid-column-full', pagination: paginationView(page, total, '/applications', { status }), waitingForClarification: Boolean(status),
      applications: rows.map((row) => ({
        id: row.id, offerTitle: row.offerTitle, reference: offerReference(row.offerNumber), attempt: row.attempt, tag: applicationStatusTag(row.status),
        submittedAt: row.submittedAt, ground: refusalGroundLabel(row.refusalGround), reasons: row.decisionReasons,
      })),
    });
  });
}
