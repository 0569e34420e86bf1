/** The start page: what AQP is for the public, or the signed-in role's counts of what needs doing now and its tasks. */
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { ROLE_LABELS } from '../../../domains/identity/roles.rules.ts';
import { TASKS_BY_ROLE } from '../role-tasks.ts';
import { needsNowFor } from './needs-now.ts';

export function registerHome(app: FastifyInstance, deps: Deps): void {
  app.get('/', async (request, reply) => {
    const principal = request.principal;
    if (!principal || principal.kind !== 'user') return reply.render('pages/home/public.njk', { pageTitle: 'Any Qualified Provider' });
    return reply.render('pages/home/role-home.njk', {
      pageTitle: 'Your tasks',
      roleLabel: ROLE_LABELS[principal.role],
      needsNow: await needsNowFor(deps, { ...request.actionContext(), principal }),
      tasks: TASKS_BY_ROLE[principal.role],
    });
  });
}
