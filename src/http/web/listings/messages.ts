/** The messages page: notices to the signed-in person's organisation from AQP (alerts, suspensions, clarifications). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { markRead, messagesFor } from '../../../domains/compliance/outbox.service.ts';
import { ROLES } from '../../../domains/identity/roles.rules.ts';
import { get, post, registerPages } from '../page-routes.ts';
import { datedFileName, everyPage, sendListCsv } from '../csv-reply.ts';
import { csvHrefOf, listTableModel } from '../list-table.ts';
import { MESSAGE_COLUMNS } from './messages.presenter.ts';

const PAGE_SIZE = 25;
const SIGNED_IN = { config: { roles: ROLES } };

/** The organisation's messages, newest first, or only the unread ones. */
async function viewMessages(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const query = request.query as { page?: string; show?: string };
  const page = Math.max(1, Number(query.page) || 1);
  const unreadOnly = query.show === 'unread';
  const result = await messagesFor(deps, request.principal!, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE, unreadOnly });
  const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
  const link = (to: number) => `/messages?${unreadOnly ? 'show=unread&' : ''}page=${to}`;
  return reply.render('pages/messages/messages.njk', {
    pageTitle: unreadOnly ? 'Unread messages' : 'Messages',
    columnClass: 'nhsuk-grid-column-full',
    unread: result.unread,
    messages: listTableModel(MESSAGE_COLUMNS, result.items, {
      caption: unreadOnly ? 'Unread messages' : 'Messages',
      csvHref: csvHrefOf('/messages', { show: unreadOnly ? 'unread' : undefined }),
      what: unreadOnly ? 'all unread messages' : 'all messages',
    }),
    items: result.items,
    page,
    pages,
    unreadOnly,
    previous: page > 1 ? { href: link(page - 1) } : undefined,
    next: page < pages ? { href: link(page + 1) } : undefined,
  });
}

/** The same messages as CSV, every page of them, only the unread ones when the page shows only those. */
async function downloadMessages(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const unreadOnly = (request.query as { show?: string }).show === 'unread';
  const batches = everyPage(async (page) => {
    const { items, total } = await messagesFor(deps, request.principal!, { limit: page.limit, offset: page.offset, unreadOnly });
    return { rows: items, total };
  });
  return sendListCsv(reply, datedFileName('messages', deps.clock.today()), MESSAGE_COLUMNS, batches);
}

/** Marks a message read. */
async function submitMessageRead(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  await markRead(deps, request.principal!, (request.params as { id: string }).id);
  return reply.redirect('/messages', 303);
}

export function registerMessagePages(app: FastifyInstance, deps: Deps): void {
  registerPages(app, [
    get('/messages', (request, reply) => viewMessages(deps, request, reply), SIGNED_IN),
    get('/messages.csv', (request, reply) => downloadMessages(deps, request, reply), SIGNED_IN),
    post('/messages/:id/read', (request, reply) => submitMessageRead(deps, request, reply), SIGNED_IN),
  ]);
}
