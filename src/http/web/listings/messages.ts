/** The messages page: notices to the signed-in person's organisation from AQP (alerts, suspensions, clarifications). */
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { markRead, messagesFor } from '../../../domains/compliance/outbox.service.ts';
import { ROLES } from '../../../domains/identity/roles.rules.ts';

const PAGE_SIZE = 25;

export function registerMessagePages(app: FastifyInstance, deps: Deps): void {
  app.get('/messages', { config: { roles: ROLES } }, async (request, reply) => {
    const query = request.query as { page?: string; show?: string };
    const page = Math.max(1, Number(query.page) || 1);
    const unreadOnly = query.show === 'unread';
    const result = await messagesFor(deps, request.principal!, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE, unreadOnly });
    const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
    const link = (to: number) => `/messages?${unreadOnly ? 'show=unread&' : ''}page=${to}`;
    return reply.render('pages/messages/messages.njk', {
      pageTitle: unreadOnly ? 'Unread messages' : 'Messages', ...result, page, pages, unreadOnly,
      previous: page > 1 ? { href: link(page - 1) } : undefined, next: page < pages ? { href: link(page + 1) } : undefined,
    });
  });

  app.post('/messages/:id/read', { config: { roles: ROLES } }, async (request, reply) => {
    await markRead(deps, request.principal!, (request.params as { id: string }).id);
    return reply.redirect('/messages', 303);
  });
}
