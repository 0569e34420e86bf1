/** The messages page: notices to the signed-in person's organisation from AQP (alerts, suspensions, clarifications). */
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { markRead, messagesFor } from '../../../domains/compliance/outbox.service.ts';
import { ROLES } from '../../../domains/identity/roles.rules.ts';

const PAGE_SIZE = 25;

export function registerMessagePages(app: FastifyInstance, deps: Deps): void {
  app.get('/messages', { config: { roles: ROLES } }, async (request, reply) => {
    const page = Math.max(1, Number((request.query as { page?: string }).page) || 1);
    const result = await messagesFor(deps, request.principal!, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
    const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
    return reply.render('pages/messages/messages.njk', {
      pageTitle: 'Messages', ...result, page, pages,
      previous: page > 1 ? { href: `/messages?page=${page - 1}` } : undefined, next: page < pages ? { href: `/messages?page=${page + 1}` } : undefined,
    });
  });

  app.post('/messages/:id/read', { config: { roles: ROLES } }, async (request, reply) => {
    await markRead(deps, request.principal!, (request.params as { id: string }).id);
    return reply.redirect('/messages', 303);
  });
}
