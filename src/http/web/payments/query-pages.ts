/** The queries pages (issue #14 item 3): each side's list filtered by state, and one query with the provider's answer form or the finance user's decision. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { lineQueriesFor, lineQueryFor, QUERY_STATES } from '../../../domains/payments/line-query-read.service.ts';
import { answerLineQuery, resolveLineQuery } from '../../../domains/payments/line-query.service.ts';
import { attempt, field, type FormErrors, renderForm } from '../form.ts';
import { attemptRefusable, type Failure, renderFailure, STATE_REFUSALS } from '../form-outcome.ts';
import { get, post, registerPages } from '../page-routes.ts';
import { datedFileName, sendListCsv } from '../csv-reply.ts';
import { csvHrefOf, listTableModel } from '../list-table.ts';
import { lineRows, QUERY_STATE_TAGS, queryListColumns, queryRows } from './line-query.presenter.ts';

const FINANCE_ROLES = ['commissioner-finance'] as const;
const PROVIDER_ROLES = ['provider-admin', 'provider-clinician'] as const;
const EITHER_SIDE = { config: { roles: [...FINANCE_ROLES, ...PROVIDER_ROLES] } };

const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;
const isFinance = (request: FastifyRequest) => request.principal?.role === 'commissioner-finance';

/** The reader's queries in the state asked for (all when none), the overdue ones flagged; an unknown state is shown beside the filter. */
async function viewQueries(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const state = field(request.query, 'state');
  const outcome = await attempt(() => lineQueriesFor(deps, request.actionContext(), state || undefined));
  const finance = isFinance(request);
  const errors: FormErrors | undefined = outcome.ok ? undefined : outcome.errors;
  return renderForm(
    reply,
    'pages/payments/queries.njk',
    'Queries on activity lines',
    {
      intro: finance
        ? 'Queries you have raised on activity lines your commissioner pays for. A query not answered in time is not paid; one not resolved in time is paid.'
        : 'Commissioners’ queries on your activity lines. Answer each by its date: a query not answered in time is not paid.',
      states: [
        { value: '', text: 'All queries', selected: !state },
        ...QUERY_STATES.map((value) => ({ value, text: QUERY_STATE_TAGS[value].text, selected: value === state })),
      ],
      queries: listTableModel(queryListColumns(finance ? 'provider' : 'commissioner'), outcome.ok ? outcome.value : [], {
        caption: 'Queries on activity lines',
        csvHref: csvHrefOf('/payments/queries', { state }),
        what: 'these queries',
      }),
    },
    errors,
  );
}

/** The same list as CSV, for the same state; an unknown state is refused (400) as the page shows it. */
async function downloadQueries(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const queries = await lineQueriesFor(deps, request.actionContext(), field(request.query, 'state') || undefined);
  const columns = queryListColumns(isFinance(request) ? 'provider' : 'commissioner');
  return sendListCsv(reply, datedFileName('line-queries', deps.clock.today()), columns, queries);
}

/** One query with its line (read and audited), and the form its side may use today. */
async function viewQuery(deps: Deps, request: FastifyRequest, reply: FastifyReply, body: unknown = {}, failure?: Failure) {
  const query = await lineQueryFor(deps, request.actionContext(), idOf(request), 'query-page');
  const side = query.line.side;
  return renderFailure(
    reply,
    'pages/payments/query.njk',
    `Query on line ${query.providerLineId}`,
    {
      query,
      line: query.line,
      stateTag: QUERY_STATE_TAGS[query.state],
      queryRows: queryRows(query),
      lineRows: lineRows(query.line),
      mayAnswer: side === 'provider' && query.state === 'raised',
      mayResolve: side === 'commissioner' && query.state === 'answered',
      mayWithdraw: side === 'commissioner' && query.state === 'raised',
      values: { answer: field(body, 'answer'), outcome: field(body, 'outcome') },
    },
    failure,
  );
}

/** Sends the provider's answer; an empty answer is shown beside the box (400), and a query no longer waiting for one is explained there (409). */
async function submitAnswer(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const outcome = await attemptRefusable(STATE_REFUSALS, 'answer', () =>
    answerLineQuery(deps, request.actionContext(), idOf(request), { answer: field(request.body, 'answer') }),
  );
  if (!outcome.ok) return viewQuery(deps, request, reply, request.body, outcome);
  request.session.flash = `Answer sent. ${outcome.value.commissionerName} will decide whether line ${outcome.value.providerLineId} is paid.`;
  return reply.redirect(`/payments/queries/${outcome.value.id}`, 303);
}

/** Records the finance user's decision; a decision the query's state does not allow (not paid before an answer, or after a lapse) is explained beside it (409). */
async function submitResolution(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const outcome = await attemptRefusable(STATE_REFUSALS, 'outcome', () =>
    resolveLineQuery(deps, request.actionContext(), idOf(request), { outcome: field(request.body, 'outcome') }),
  );
  if (!outcome.ok) return viewQuery(deps, request, reply, request.body, outcome);
  const paid = outcome.value.resolution === 'paid';
  request.session.flash = `Query on line ${outcome.value.providerLineId} resolved: ${paid ? 'paid' : 'not paid'}. ${outcome.value.providerName} has been told.`;
  return reply.redirect(`/payments/queries/${outcome.value.id}`, 303);
}

/** The list, the query page and its two forms. */
export function registerQueryPages(app: FastifyInstance, deps: Deps): void {
  registerPages(app, [
    get('/payments/queries', (request, reply) => viewQueries(deps, request, reply), EITHER_SIDE),
    get('/payments/queries.csv', (request, reply) => downloadQueries(deps, request, reply), EITHER_SIDE),
    get('/payments/queries/:id', (request, reply) => viewQuery(deps, request, reply), EITHER_SIDE),
    post('/payments/queries/:id/answer', (request, reply) => submitAnswer(deps, request, reply), { config: { roles: PROVIDER_ROLES } }),
    post('/payments/queries/:id/resolution', (request, reply) => submitResolution(deps, request, reply), {
      config: { roles: FINANCE_ROLES },
    }),
  ]);
}
