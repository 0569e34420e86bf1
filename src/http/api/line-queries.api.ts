/** Line queries over the API (issue #14 item 3; decision 0047): finance users raise and resolve them, providers answer; each side lists its own. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Deps } from '../../domains/deps.ts';
import type { LineQueryView } from '../../domains/payments/line-query-view.ts';
import { lineQueriesFor, lineQueryFor, QUERY_STATES } from '../../domains/payments/line-query-read.service.ts';
import { QUERY_REASONS, type QueryReasonCode } from '../../domains/payments/line-query.rules.ts';
import { answerLineQuery, MAX_QUERY_TEXT, raiseLineQuery, resolveLineQuery } from '../../domains/payments/line-query.service.ts';
import type { SeenLine } from '../../domains/payments/line-view.repo.ts';
import { problemResponses } from './schemas.ts';

const FINANCE = ['commissioner-finance'] as const;
const PROVIDERS = ['provider-admin', 'provider-clinician'] as const;
const EITHER_SIDE = [...FINANCE, ...PROVIDERS] as const;

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const ReasonCode = Type.Enum(Object.keys(QUERY_REASONS) as QueryReasonCode[], {
  description: Object.entries(QUERY_REASONS)
    .map(([code, reason]) => `${code}: ${reason.label}`)
    .join('; '),
});
const State = Type.Enum([...QUERY_STATES], { description: 'raised, answered, lapsed (the period for a step ran out) or resolved' });
const Query = Type.Object({
  id: Type.String({ format: 'uuid' }),
  lineId: Type.String({ format: 'uuid', description: 'The activity line’s AQP id' }),
  providerLineId: Type.String({ description: 'The provider’s own id for the line' }),
  provider: Type.Object({ id: Type.String(), name: Type.String() }),
  commissioner: Type.Object({ id: Type.String(), name: Type.String() }),
  activityDate: Type.String(),
  currencyCode: Type.String(),
  reasonCode: ReasonCode,
  reason: Type.String(),
  comment: Nullable(Type.String()),
  state: State,
  raisedOn: Type.String(),
  answerBy: Type.String({ description: 'The last day to answer; unanswered by then, the line is not paid' }),
  answer: Nullable(Type.Object({ text: Type.String(), answeredOn: Type.String() })),
  resolveBy: Nullable(Type.String({ description: 'Once answered, the last day to resolve; unresolved by then, the line is paid' })),
  resolution: Nullable(Type.Object({ outcome: Type.Union([Type.Literal('paid'), Type.Literal('not-paid')]), resolvedOn: Type.String() })),
  overdueStep: Nullable(Type.Union([Type.Literal('answer'), Type.Literal('resolution')])),
  periods: Type.Object({
    edition: Type.String(),
    raiseWithinWorkingDays: Type.Integer(),
    answerWithinWorkingDays: Type.Integer(),
    resolveWithinWorkingDays: Type.Integer(),
  }),
});
const Line = Type.Object({
  referralReference: Type.String(),
  nhsNumber: Nullable(Type.String()),
  complexityBand: Type.String(),
  attendance: Type.String(),
  status: Type.String(),
  pricePence: Nullable(Type.Integer()),
  acceptedOn: Type.String(),
});
const QueryWithLine = Type.Object({ ...Query.properties, line: Line });
const QueryId = Type.Object({ id: Type.String({ maxLength: 40 }) });
const LineId = Type.Object({ lineId: Type.String({ maxLength: 40, description: 'The activity line’s AQP id' }) });

const queryJson = (query: LineQueryView) => ({
  id: query.id,
  lineId: query.lineId,
  providerLineId: query.providerLineId,
  provider: { id: query.providerId, name: query.providerName },
  commissioner: { id: query.commissionerId, name: query.commissionerName },
  activityDate: query.activityDate,
  currencyCode: query.currencyCode,
  reasonCode: query.reasonCode,
  reason: QUERY_REASONS[query.reasonCode].label,
  comment: query.comment,
  state: query.state,
  raisedOn: query.raisedOn,
  answerBy: query.answerBy,
  answer: query.answerText !== null && query.answeredOn ? { text: query.answerText, answeredOn: query.answeredOn } : null,
  resolveBy: query.resolveBy,
  resolution: query.resolution && query.resolvedOn ? { outcome: query.resolution, resolvedOn: query.resolvedOn } : null,
  overdueStep: query.overdueStep,
  periods: query.periods,
});

const lineJson = (line: SeenLine) => ({
  referralReference: line.referralReference,
  nhsNumber: line.nhsNumber,
  complexityBand: line.complexityBand,
  attendance: line.attendanceCode,
  status: line.status,
  pricePence: line.pricePence,
  acceptedOn: line.acceptedOn,
});

export function registerLineQueryApi(scope: FastifyInstance, deps: Deps): void {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();
  const conflicts = { 409: Type.Ref('Problem') };

  app.post(
    '/api/v1/activity-lines/:lineId/query',
    {
      config: { roles: FINANCE },
      schema: {
        tags: ['payments'],
        summary: 'Query an accepted activity line your commissioner pays for, with a coded reason, within the raise period',
        params: LineId,
        body: Type.Object(
          { reasonCode: ReasonCode, comment: Type.Optional(Type.String({ maxLength: MAX_QUERY_TEXT, description: 'Needed for “other”' })) },
          { additionalProperties: false },
        ),
        response: { 201: Query, ...problemResponses, ...conflicts },
      },
    },
    async (request, reply) => {
      const query = await raiseLineQuery(deps, request.actionContext(), request.params.lineId, request.body);
      return reply.status(201).send(queryJson(query));
    },
  );

  app.get(
    '/api/v1/line-queries',
    {
      config: { roles: EITHER_SIDE },
      schema: {
        tags: ['payments'],
        summary: 'Queries on activity lines: a provider sees those on its lines, a finance user those on lines its commissioner pays for',
        querystring: Type.Object({ state: Type.Optional(State) }),
        response: { 200: Type.Object({ items: Type.Array(Query) }), ...problemResponses },
      },
    },
    async (request) => ({ items: (await lineQueriesFor(deps, request.actionContext(), request.query.state)).map(queryJson) }),
  );

  app.get(
    '/api/v1/line-queries/:id',
    {
      config: { roles: EITHER_SIDE },
      schema: {
        tags: ['payments'],
        summary: 'One query with its line’s referral reference and NHS number (the read is audited)',
        params: QueryId,
        response: { 200: QueryWithLine, ...problemResponses },
      },
    },
    async (request) => {
      const query = await lineQueryFor(deps, request.actionContext(), request.params.id, 'api');
      return { ...queryJson(query), line: lineJson(query.line) };
    },
  );

  app.post(
    '/api/v1/line-queries/:id/answer',
    {
      config: { roles: PROVIDERS },
      schema: {
        tags: ['payments'],
        summary: 'Answer a query on one of your lines, before its answer period runs out',
        params: QueryId,
        body: Type.Object({ answer: Type.String({ minLength: 1, maxLength: MAX_QUERY_TEXT }) }, { additionalProperties: false }),
        response: { 200: Query, ...problemResponses, ...conflicts },
      },
    },
    async (request) => queryJson(await answerLineQuery(deps, request.actionContext(), request.params.id, request.body)),
  );

  app.post(
    '/api/v1/line-queries/:id/resolution',
    {
      config: { roles: FINANCE },
      schema: {
        tags: ['payments'],
        summary: 'Resolve an answered query paid or not paid; before an answer, only "paid" (withdrawing the query) is allowed',
        params: QueryId,
        body: Type.Object({ outcome: Type.Union([Type.Literal('paid'), Type.Literal('not-paid')]) }, { additionalProperties: false }),
        response: { 200: Query, ...problemResponses, ...conflicts },
      },
    },
    async (request) => queryJson(await resolveLineQuery(deps, request.actionContext(), request.params.id, request.body)),
  );
}
