/** The quality return pages (issue #15 item 4; decision 0055): the quarters each provider owes with late ones flagged, and a form per quarter. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import {
  qualityReturnOf,
  qualityReturnsOf,
  RETURN_ROLES,
  returnDueWorkingDays,
  submitQualityReturn,
} from '../../../domains/provider-quality/quality-return.service.ts';
import { formatDate } from '../format.ts';
import { type FormErrors } from '../form.ts';
import { attemptRefusable, renderFailure, STATE_REFUSALS } from '../form-outcome.ts';
import { get, post, registerPages } from '../page-routes.ts';
import { datedFileName, sendListCsv } from '../csv-reply.ts';
import { listTableModel } from '../list-table.ts';
import { returnListColumns, returnPage } from './quality-return.presenter.ts';

const HOLDERS = { config: { roles: RETURN_ROLES } };
const targetOf = (request: FastifyRequest) => request.params as { listingId: string; quarter: string };

const isProvider = (request: FastifyRequest) => request.principal?.role === 'provider-admin';

/** The quarters each provider owes, late ones counted, with the download of the same list. */
async function viewList(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const summaries = await qualityReturnsOf(deps, request.actionContext());
  return reply.render('pages/quality/returns.njk', {
    pageTitle: 'Quality returns',
    returns: listTableModel(returnListColumns(isProvider(request)), summaries, {
      caption: 'Returns for the last 8 quarters',
      csvHref: '/quality/returns.csv',
      what: 'these returns',
    }),
    lateCount: summaries.filter((summary) => summary.late).length,
    dueDays: returnDueWorkingDays(deps),
    isProvider: isProvider(request),
  });
}

/** The same list as CSV. */
async function downloadList(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const summaries = await qualityReturnsOf(deps, request.actionContext());
  return sendListCsv(reply, datedFileName('quality-returns', deps.clock.today()), returnListColumns(isProvider(request)), summaries);
}

async function viewReturn(
  deps: Deps,
  request: FastifyRequest,
  reply: FastifyReply,
  typed?: Record<string, string>,
  failure?: { errors: FormErrors; status?: number },
) {
  const { listingId, quarter } = targetOf(request);
  const detail = await qualityReturnOf(deps, request.actionContext(), listingId, quarter);
  const page = returnPage(detail, typed);
  return renderFailure(
    reply,
    'pages/quality/return.njk',
    `Quality return for ${detail.quarterLabel}`,
    { ...page, dueOn: formatDate(detail.dueOn), isProvider: request.actionContext().principal?.role === 'provider-admin' },
    failure,
  );
}

/** Saves the return and goes back to the list; problems are shown next to their items, and a change after the due day is refused (409). */
async function submitReturn(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const typed = Object.fromEntries(
    Object.entries((request.body ?? {}) as Record<string, unknown>).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
  const outcome = await attemptRefusable(STATE_REFUSALS, 'return', () =>
    submitQualityReturn(deps, request.actionContext(), targetOf(request), typed),
  );
  if (!outcome.ok) return viewReturn(deps, request, reply, typed, outcome);
  request.session.flash = outcome.value.late
    ? 'Quality return submitted. It was submitted after its due day, so it is marked late.'
    : 'Quality return submitted. You can change it until its due day.';
  return reply.redirect('/quality/returns', 303);
}

export function registerQualityReturnPages(app: FastifyInstance, deps: Deps): void {
  registerPages(app, [
    get('/quality/returns', (request, reply) => viewList(deps, request, reply), HOLDERS),
    get('/quality/returns.csv', (request, reply) => downloadList(deps, request, reply), HOLDERS),
    get('/quality/returns/:listingId/quarters/:quarter', (request, reply) => viewReturn(deps, request, reply), HOLDERS),
    post('/quality/returns/:listingId/quarters/:quarter', (request, reply) => submitReturn(deps, request, reply), HOLDERS),
  ]);
}
