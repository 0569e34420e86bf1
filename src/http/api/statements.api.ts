/** Statements and the month close over the API (issue #14 items 5, 6 and 8; decision 0045). */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Deps } from '../../domains/deps.ts';
import { MONTH_PATTERN } from '../../domains/payments/month.rules.ts';
import { runPaymentMonth } from '../../domains/payments/payment-run.service.ts';
import { paymentFileCsv, STATEMENT_STATUS_LABELS } from '../../domains/payments/statement.rules.ts';
import {
  approveStatement,
  listStatements,
  prepareStatement,
  returnStatementToDraft,
  statementBackingLines,
  statementView,
} from '../../domains/payments/statement.service.ts';
import { DomainError } from '../../lib/errors.ts';
import { problemResponses } from './schemas.ts';

const READERS = ['provider-admin', 'provider-clinician', 'commissioner', 'commissioner-finance'] as const;
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const Header = Type.Object({
  id: Type.String(),
  reference: Type.String(),
  month: Type.String(),
  status: Type.String({ description: Object.keys(STATEMENT_STATUS_LABELS).join(', ') }),
  providerName: Type.String(),
  providerOds: Type.Union([Type.String(), Type.Null()]),
  commissionerName: Type.String(),
  commissionerOds: Type.Union([Type.String(), Type.Null()]),
  paymentDueOn: Type.Union([Type.String(), Type.Null()]),
  payablePence: Type.Union([Type.Integer(), Type.Null()]),
});
const Row = Type.Object({
  serviceName: Type.String(),
  currencyCode: Type.String(),
  currencyName: Type.String(),
  complexityBand: Type.String(),
  placement: Type.String(),
  entry: Type.String(),
  payment: Type.String(),
  units: Type.Integer(),
  amountPence: Type.Integer(),
});
const Totals = Type.Object({
  payablePence: Type.Integer(),
  heldPence: Type.Integer(),
  notPaidPence: Type.Integer(),
  unpricedLines: Type.Integer(),
  lines: Type.Integer(),
});
const Backing = Type.Object({
  providerLineId: Type.String(),
  referralReference: Type.String(),
  nhsNumber: Type.Union([Type.String(), Type.Null()]),
  activityDate: Type.String(),
  attendanceCode: Type.String(),
  kind: Type.String(),
  currencyCode: Type.String(),
  complexityBand: Type.String(),
  entry: Type.String(),
  placement: Type.String(),
  pricePence: Type.Union([Type.Integer(), Type.Null()]),
  payment: Type.String(),
  notPaidReason: Type.Union([Type.String(), Type.Null()]),
});

export function registerStatementApi(scope: FastifyInstance, deps: Deps): void {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['payments'];

  app.get(
    '/api/v1/statements',
    {
      config: { roles: READERS },
      schema: {
        tags,
        summary: 'Statements: a provider its own, a commissioner those it pays; newest month first',
        querystring: Type.Object({
          month: Type.Optional(Type.String({ pattern: MONTH_PATTERN })),
          status: Type.Optional(Type.Union(Object.keys(STATEMENT_STATUS_LABELS).map((status) => Type.Literal(status)))),
        }),
        response: { 200: Type.Object({ items: Type.Array(Header) }), ...problemResponses },
      },
    },
    async (request) => ({ items: await listStatements(deps, request.actionContext(), request.query) }),
  );

  app.get(
    '/api/v1/statements/:id',
    {
      config: { roles: READERS },
      schema: {
        tags,
        summary: 'A statement’s aggregate by currency (no patient data) and its totals',
        params: Id,
        response: {
          200: Type.Object({ statement: Header, rows: Type.Array(Row), totals: Totals, openQueries: Type.Integer() }),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const view = await statementView(deps, request.actionContext(), request.params.id);
      return { statement: view.header, rows: view.aggregate, totals: view.totals, openQueries: view.openQueries };
    },
  );

  app.get(
    '/api/v1/statements/:id/lines',
    {
      config: { roles: ['provider-admin', 'provider-clinician', 'commissioner-finance'] as const },
      schema: {
        tags,
        summary: 'The patient-level lines behind a statement (PLCM-like): the provider and the commissioner’s finance officers; audited',
        params: Id,
        response: { 200: Type.Object({ items: Type.Array(Backing) }), ...problemResponses },
      },
    },
    async (request, reply) => {
      const { lines } = await statementBackingLines(deps, request.actionContext(), request.params.id, 'api');
      return reply.header('cache-control', 'no-store').send({ items: lines });
    },
  );

  app.get(
    '/api/v1/statements/:id/payment-file',
    {
      config: { roles: READERS },
      schema: {
        tags,
        summary: 'The payment file (CSV) of an approved statement, for the finance system',
        params: Id,
        response: problemResponses,
      },
    },
    async (request, reply) => {
      const view = await statementView(deps, request.actionContext(), request.params.id);
      if (view.header.status !== 'approved')
        throw new DomainError('invalid-transition', 'A payment file is made only for an approved statement');
      return reply
        .header('content-type', 'text/csv; charset=utf-8; header=present')
        .header('content-disposition', `attachment; filename="${view.header.reference}-payment.csv"`)
        .send(paymentFileCsv(view.header, view.aggregate));
    },
  );

  const change = (path: string, summary: string, action: typeof returnStatementToDraft | typeof approveStatement) =>
    app.post(
      `/api/v1/statements/:id/${path}`,
      {
        config: { roles: ['commissioner-finance'] as const },
        schema: { tags, summary, params: Id, response: { 204: Type.Null(), ...problemResponses } },
      },
      async (request, reply) => {
        await action(deps, request.actionContext(), request.params.id);
        return reply.status(204).send(null);
      },
    );
  change('preparation', 'Submit a draft for approval (a finance officer, signed in as a person)', prepareStatement);
  change('return-to-draft', 'Send a statement awaiting approval back to draft', returnStatementToDraft);
  change(
    'approval',
    'Approve a statement awaiting approval: never by the person who prepared it; it becomes payable and never changes',
    approveStatement,
  );

  app.post(
    '/api/v1/payment-runs',
    {
      config: { roles: ['platform-admin'] as const },
      schema: {
        tags,
        summary: 'Close a month that has ended: build or rebuild its draft statements (the same run as `aqp payments run`)',
        body: Type.Object({ month: Type.String({ pattern: MONTH_PATTERN }) }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            month: Type.String(),
            runId: Type.String(),
            drafts: Type.Integer(),
            linesPlaced: Type.Integer(),
            releases: Type.Integer(),
            budgetAlerts: Type.Integer(),
          }),
          ...problemResponses,
        },
      },
    },
    async (request) => runPaymentMonth(deps, request.actionContext(), { month: request.body.month, triggeredBy: 'api' }),
  );
}
