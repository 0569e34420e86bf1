/** Platform administrators search organisations by name or ODS code. */
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { organisationsMatching } from '../../../domains/identity/organisation-view.service.ts';
import { ORGANISATION_KIND_LABELS } from '../../../domains/identity/roles.rules.ts';
import { pageRequest, paginationView } from '../pagination.ts';

export function registerAdminOrganisations(app: FastifyInstance, deps: Deps): void {
  app.get('/admin/organisations', { config: { roles: ['platform-admin'] } }, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const q = typeof query.q === 'string' ? query.q.slice(0, 100) : '';
    const page = pageRequest(query.page);
    const { rows, total } = await organisationsMatching(deps, { query: q, ...page });
    return reply.render('pages/admin/organisations.njk', {
      pageTitle: 'Organisations',
      q,
      organisations: rows.map((o) => ({ ...o, kindLabel: ORGANISATION_KIND_LABELS[o.kind] })),
      pagination: paginationView(page, total, '/admin/organisations', { q }),
    });
  });
}
