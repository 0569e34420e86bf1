/** The start page: what AQP is for the public, or the signed-in role's tasks. */
import type { FastifyInstance } from 'fastify';
import { ROLE_LABELS } from '../../../domains/identity/roles.rules.ts';
import { TASKS_BY_ROLE } from '../role-tasks.ts';

export function registerHome(app: FastifyInstance): void {
  app.get('/', async (request, reply) => {
    const principal = request.principal;
    if (!principal || principal.kind !== 'user') return reply.render('pages/home/public.njk', { pageTitle: 'Any Qualified Provider' });
    return reply.render('pages/home/role-home.njk', {
      pageTitle: 'Your tasks',
      roleLabel: ROLE_LABELS[principal.role],
      tasks: TASKS_BY_ROLE[principal.role],
    });
  });
}
