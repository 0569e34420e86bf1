/** The page of one activity line (issue #14 item 3): its details, status, price and query, and the finance user's form to query it. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { lineWithQueryFor } from '../../../domains/payments/line-query-read.service.ts';
import { DEFAULT_QUERY_PERIODS, QUERY_REASONS } from '../../../domains/payments/line-query.rules.ts';
import { raiseLineQuery } from '../../../domains/payments/line-query.service.ts';
import { field } from '../form.ts';
import { attemptRefusable, type Failure, renderFailure, STATE_REFUSALS } from '../form-outcome.ts';
import { get, post, registerPages } from '../page-routes.ts';
import { lineRows, QUERY_STATE_TAGS, queryRows } from './line-query.presenter.ts';

const FINANCE = { config: { roles: ['commissioner-finance'] as const } };
const EITHER_SIDE = { config: { roles: ['commissioner-finance', 'provider-admin', 'provider-clinician'] as const } };

const REASON_ITEMS = Object.entries(QUERY_REASONS).map(([value, reason]) => ({
  value,
  text: reason.label,
  ...(reason.commentRequired ? { hint: { text: 'Needs a comment' } } : {}),
}));

const lineIdOf = (request: FastifyRequest) => (request.params as { lineId: string }).lineId;

/** The line with its query, and the query form when the reader may raise one today; the read is audited. */
async function viewLine(deps: Deps, request: FastifyRequest, reply: FastifyReply, body: unknown = {}, failure?: Failure) {
  const { line, query, raise } = await lineWithQueryFor(deps, request.actionContext(), lineIdOf(request), 'line-page');
  return renderFailure(
    reply,
    'pages/payments/line.njk',
    `Activity line ${line.providerLineId}`,
    {
      line,
      lineRows: lineRows(line),
      query: query && { id: query.id, tag: QUERY_STATE_TAGS[query.state] },
      queryRows: query ? queryRows(query) : [],
      raise,
      reasons: REASON_ITEMS,
      answerDays: (deps.queryPeriods ?? DEFAULT_QUERY_PERIODS).answerWithinWorkingDays,
      values: { reasonCode: field(body, 'reasonCode'), comment: field(body, 'comment') },
    },
    failure,
  );
}

/** Raises the query and opens it; bad input shows the form again (400), and a line its state no longer lets be queried is explained beside the reason (409). */
async function submitQuery(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const input = { reasonCode: field(request.body, 'reasonCode'), comment: field(request.body, 'comment') };
  const outcome = await attemptRefusable(STATE_REFUSALS, 'reasonCode', () =>
    raiseLineQuery(deps, request.actionContext(), lineIdOf(request), input),
  );
  if (!outcome.ok) return viewLine(deps, request, reply, request.body, outcome);
  request.session.flash = `Query raised on line ${outcome.value.providerLineId}. ${outcome.value.providerName} has been told to answer it.`;
  return reply.redirect(`/payments/queries/${outcome.value.id}`, 303);
}

/** The line page and its query form. */
export function registerLinePage(app: FastifyInstance, deps: Deps): void {
  registerPages(app, [
    get('/payments/lines/:lineId', (request, reply) => viewLine(deps, request, reply), EITHER_SIDE),
    post('/payments/lines/:lineId/query', (request, reply) => submitQuery(deps, request, reply), FINANCE),
  ]);
}
