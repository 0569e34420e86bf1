/** Platform administrators see what reference data is loaded, each import's counts and rejected rows, and how to load what is missing. */
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { referenceStatus } from '../../../domains/reference/reference-status.service.ts';

export function registerReferenceDataPage(app: FastifyInstance, deps: Deps, referenceDataDir: string): void {
  app.get('/admin/reference-data', { config: { roles: ['platform-admin'] } }, async (_request, reply) => {
    const status = await referenceStatus(deps, referenceDataDir, { fresh: true });
    return reply.render('pages/admin/reference-data.njk', { pageTitle: 'Reference data', status });
  });
}
