/** Platform administrators read the audit log, newest first. */
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { auditLogPage } from '../../../domains/identity/audit.service.ts';
import { pageRequest, paginationView } from '../pagination.ts';

export function registerAdminAudit(app: FastifyInstance, deps: Deps): void {
  app.get('/admin/audit', { config: { roles: ['platform-admin'] } }, async (request, reply) => {
    const page = pageRequest((request.query as Record<string, unknown>).page, 50);
    const { rows, total } = await auditLogPage(deps, page);
    return reply.render('pages/admin/audit.njk', {
      pageTitle: 'Audit log',
      events: rows,
      pagination: paginationView(page, total, '/admin/audit'),
    });
  });
}
