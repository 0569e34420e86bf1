/** Monthly statements as pages (issue #14 item 5; decision 0045): the list, a statement's aggregate with its actions, the backing lines, a printable page and the files. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { isMonth } from '../../../domains/payments/month.rules.ts';
import {
  approveStatement,
  listStatements,
  prepareStatement,
  returnStatementToDraft,
  statementBackingLines,
  statementView,
} from '../../../domains/payments/statement.service.ts';
import { backingLinesCsv, paymentFileCsv, statementCsv, STATEMENT_STATUS_LABELS } from '../../../domains/payments/statement.rules.ts';
import { DomainError } from '../../../lib/errors.ts';
import { type Failure, attemptRefusable, renderFailure, STATE_REFUSALS } from '../form-outcome.ts';
import { datedFileName, sendCsv, sendListCsv } from '../csv-reply.ts';
import { csvHrefOf, listTableModel } from '../list-table.ts';
import { get, post, registerPages } from '../page-routes.ts';
import { aggregateModel, backingLineModel, statementListColumns } from './statement.presenter.ts';

const READERS = { config: { roles: ['provider-admin', 'provider-clinician', 'commissioner', 'commissioner-finance'] as const } };
const BACKING_READERS = { config: { roles: ['provider-admin', 'provider-clinician', 'commissioner-finance'] as const } };
const FINANCE = { config: { roles: ['commissioner-finance'] as const } };

const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;

/** The month and status asked for, each ignored when it is not one. */
function statementFilter(request: FastifyRequest) {
  const query = request.query as { month?: string; status?: string };
  const month = query.month && isMonth(query.month) ? query.month : undefined;
  const status = query.status && query.status in STATEMENT_STATUS_LABELS ? query.status : undefined;
  return { month, status };
}

/** The statements the reader may see, filtered by month and status. */
async function viewStatements(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const { month, status } = statementFilter(request);
  const statements = await listStatements(deps, request.actionContext(), { month, status });
  const isProvider = request.principal?.role.startsWith('provider') ?? false;
  return reply.render('pages/payments/statements.njk', {
    pageTitle: 'Statements',
    statements: listTableModel(statementListColumns(isProvider), statements, {
      caption: 'Statements',
      csvHref: csvHrefOf('/payments/statements', { month, status }),
      what: 'these statements',
    }),
    filter: { month: month ?? '', status: status ?? '' },
    statuses: Object.entries(STATEMENT_STATUS_LABELS).map(([value, text]) => ({ value, text, selected: value === status })),
    isProvider,
  });
}

/** The same list as CSV, for the same month and status. */
async function downloadStatements(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const statements = await listStatements(deps, request.actionContext(), statementFilter(request));
  const columns = statementListColumns(request.principal?.role.startsWith('provider') ?? false);
  return sendListCsv(reply, datedFileName('statements', deps.clock.today()), columns, statements);
}

/** A statement's aggregate, totals and what the reader may do with it; a refused action is explained beside its button. */
async function viewStatement(deps: Deps, request: FastifyRequest, reply: FastifyReply, failure?: Failure) {
  const view = await statementView(deps, request.actionContext(), idOf(request));
  const role = request.principal?.role ?? '';
  return renderFailure(
    reply,
    'pages/payments/statement.njk',
    `Statement ${view.header.reference}`,
    {
      ...aggregateModel(view),
      mayPrepare: role === 'commissioner-finance' && view.header.status === 'draft',
      mayApprove: role === 'commissioner-finance' && view.header.status === 'awaiting-approval',
      mayReadLines: role !== 'commissioner',
    },
    failure,
  );
}

/** The printable statement: the same aggregate without navigation or actions. */
async function printStatement(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const view = await statementView(deps, request.actionContext(), idOf(request));
  return reply.render('pages/payments/statement-print.njk', { pageTitle: `Statement ${view.header.reference}`, ...aggregateModel(view) });
}

/** The patient-level lines behind the statement, audited as seen. */
async function viewBackingLines(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const { header, lines } = await statementBackingLines(deps, request.actionContext(), idOf(request), 'statement-lines');
  return reply.header('cache-control', 'no-store').render('pages/payments/statement-lines.njk', {
    pageTitle: `Lines behind statement ${header.reference}`,
    statement: header,
    lines: lines.map(backingLineModel),
  });
}

async function downloadStatement(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const view = await statementView(deps, request.actionContext(), idOf(request));
  return sendCsv(reply, `${view.header.reference}.csv`, statementCsv(view.header, view.aggregate));
}

async function downloadPaymentFile(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const view = await statementView(deps, request.actionContext(), idOf(request));
  if (view.header.status !== 'approved')
    throw new DomainError('invalid-transition', 'A payment file is made only for an approved statement');
  return sendCsv(reply, `${view.header.reference}-payment.csv`, paymentFileCsv(view.header, view.aggregate));
}

async function downloadBackingLines(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const { header, lines } = await statementBackingLines(deps, request.actionContext(), idOf(request), 'statement-lines-csv');
  return sendCsv(reply, `${header.reference}-lines.csv`, backingLinesCsv(header, lines));
}

/** A change of state from the statement page: done and told, or the page again with the refusal beside the action. */
function stateChange(
  deps: Deps,
  change: (deps: Deps, context: ReturnType<FastifyRequest['actionContext']>, id: string) => Promise<unknown>,
  done: string,
) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const outcome = await attemptRefusable([...STATE_REFUSALS, 'forbidden'], 'action', () =>
      change(deps, request.actionContext(), idOf(request)),
    );
    if (!outcome.ok) return viewStatement(deps, request, reply, outcome);
    request.session.flash = done;
    return reply.redirect(`/payments/statements/${idOf(request)}`, 303);
  };
}

export function registerStatementPages(app: FastifyInstance, deps: Deps): void {
  registerPages(app, [
    get('/payments/statements', (request, reply) => viewStatements(deps, request, reply), READERS),
    get('/payments/statements.csv', (request, reply) => downloadStatements(deps, request, reply), READERS),
    get('/payments/statements/:id', (request, reply) => viewStatement(deps, request, reply), READERS),
    get('/payments/statements/:id/print', (request, reply) => printStatement(deps, request, reply), READERS),
    get('/payments/statements/:id/statement.csv', (request, reply) => downloadStatement(deps, request, reply), READERS),
    get('/payments/statements/:id/payment-file.csv', (request, reply) => downloadPaymentFile(deps, request, reply), READERS),
    get('/payments/statements/:id/lines', (request, reply) => viewBackingLines(deps, request, reply), BACKING_READERS),
    get('/payments/statements/:id/lines.csv', (request, reply) => downloadBackingLines(deps, request, reply), BACKING_READERS),
    post(
      '/payments/statements/:id/prepare',
      stateChange(deps, prepareStatement, 'Statement submitted for approval by another finance officer.'),
      FINANCE,
    ),
    post('/payments/statements/:id/return', stateChange(deps, returnStatementToDraft, 'Statement sent back to draft.'), FINANCE),
    post(
      '/payments/statements/:id/approve',
      stateChange(deps, approveStatement, 'Statement approved: it is payable and its payment file is ready.'),
      FINANCE,
    ),
  ]);
}
