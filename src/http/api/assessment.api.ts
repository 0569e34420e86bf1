/** Assessment over the API (issue #5 item 8): the queue, marks per criterion (many at once or one at a time), clarification questions and decisions; no price, score or ranking. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { REFUSAL_GROUNDS } from '../../domains/applications/application-status.rules.ts';
import { assessorApplication } from '../../domains/applications/application-view.service.ts';
import { decideApplication, markCriteria } from '../../domains/applications/assessment.service.ts';
import { assessorQueue } from '../../domains/applications/assessment-queue.service.ts';
import { askClarification } from '../../domains/applications/clarification.service.ts';
import type { Deps } from '../../domains/deps.ts';
import { validationFailed } from '../../lib/errors.ts';
import { AssessmentJson, assessmentJson } from './application.schemas.ts';
import { PageQuery, problemResponses } from './schemas.ts';

const ASSESSOR = { roles: ['assessor'] as const };
const Id = Type.Object({ id: Type.String({ maxLength: 40 }) });
const NoContent = { 204: Type.Null(), ...problemResponses };

const QueueItemJson = Type.Object({
  id: Type.String(),
  status: Type.String(),
  submittedAt: Type.String(),
  attempt: Type.Integer(),
  waitingWorkingDays: Type.Integer({ description: 'Working days since submission, not counting time in clarification' }),
  provider: Type.Object({ name: Type.String(), odsCode: Type.Union([Type.String(), Type.Null()]) }),
  offer: Type.Object({ id: Type.String(), reference: Type.String(), title: Type.String(), leadCommissioner: Type.String() }),
});

export function registerAssessmentApi(scope: FastifyInstance, deps: Deps): void {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/v1/assessment/queue',
    {
      config: ASSESSOR,
      schema: {
        tags: ['assessment'],
        summary: 'Applications awaiting a decision on offers you may assess, oldest submission first',
        querystring: PageQuery,
        response: {
          200: Type.Object({ items: Type.Array(QueueItemJson), page: Type.Integer(), pageSize: Type.Integer(), total: Type.Integer() }),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const page = request.query.page ?? 1;
      const pageSize = request.query.pageSize ?? 50;
      const { items, total } = await assessorQueue(deps, request.actionContext(), { limit: pageSize, offset: (page - 1) * pageSize });
      return {
        page,
        pageSize,
        total,
        items: items.map((item) => ({
          id: item.id,
          status: item.status,
          submittedAt: item.submittedAt.toISOString(),
          attempt: item.attempt,
          waitingWorkingDays: item.waitingWorkingDays,
          provider: { name: item.providerName, odsCode: item.providerOdsCode },
          offer: { id: item.offer.id, reference: item.offer.reference, title: item.offer.title, leadCommissioner: item.offer.leadName },
        })),
      };
    },
  );

  app.get(
    '/api/v1/assessment/applications/:id',
    {
      config: ASSESSOR,
      schema: {
        tags: ['assessment'],
        summary: 'An application as its assessor sees it: submission, criteria and marks, national assurance and the clock',
        params: Id,
        response: { 200: AssessmentJson, ...problemResponses },
      },
    },
    async (request) => assessmentJson(await assessorApplication(deps, request.actionContext(), request.params.id)),
  );

  app.put(
    '/api/v1/applications/:id/marks',
    {
      config: ASSESSOR,
      schema: {
        tags: ['assessment'],
        summary: 'Mark criteria pass or fail with a note, judged only on the submission',
        params: Id,
        body: Type.Object({
          marks: Type.Array(
            Type.Object({
              criterion: Type.String({ maxLength: 80 }),
              passed: Type.Boolean(),
              note: Type.Optional(Type.String({ maxLength: 4000 })),
            }),
            { minItems: 1, maxItems: 50 },
          ),
        }),
        response: NoContent,
      },
    },
    async (request, reply) => {
      await markCriteria(
        deps,
        request.actionContext(),
        request.params.id,
        request.body.marks.map((mark) => ({ ...mark, note: mark.note ?? '' })),
      );
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/api/v1/applications/:id/marks/:criterion',
    {
      config: ASSESSOR,
      schema: {
        tags: ['assessment'],
        summary: 'Mark one criterion pass or fail with a note, saved at once as the pages save each mark (other marks are untouched)',
        params: Type.Object({
          id: Type.String({ maxLength: 40 }),
          criterion: Type.String({
            maxLength: 80,
            description: 'A criterion id from the application’s `criteria`, e.g. capability or question:<id>',
          }),
        }),
        body: Type.Object({ passed: Type.Boolean(), note: Type.Optional(Type.String({ maxLength: 4000 })) }),
        response: NoContent,
      },
    },
    async (request, reply) => {
      await markCriteria(deps, request.actionContext(), request.params.id, [
        { criterion: request.params.criterion, passed: request.body.passed, note: request.body.note ?? '' },
      ]);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/applications/:id/clarifications',
    {
      config: ASSESSOR,
      schema: {
        tags: ['assessment'],
        summary: 'Ask the provider a clarification question; the assessment clock pauses until it is answered',
        params: Id,
        body: Type.Object({ question: Type.String({ maxLength: 10_000 }) }),
        response: { 201: Type.Object({ id: Type.String() }), ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await askClarification(deps, request.actionContext(), request.params.id, request.body.question)),
  );

  app.post(
    '/api/v1/applications/:id/decision',
    {
      config: ASSESSOR,
      schema: {
        tags: ['assessment'],
        summary: 'Decide: qualified (every criterion passed) or not qualified on one of the four grounds, with reasons',
        params: Id,
        body: Type.Object({
          outcome: Type.Enum(['qualified', 'not-qualified'] as const),
          ground: Type.Optional(Type.String({ maxLength: 40, description: `One of: ${REFUSAL_GROUNDS.join(', ')}` })),
          reasons: Type.Optional(Type.String({ maxLength: 8000 })),
        }),
        response: { 200: Type.Object({ listingId: Type.Union([Type.String(), Type.Null()]) }), ...problemResponses },
      },
    },
    async (request) => {
      const { outcome, ground, reasons = '' } = request.body;
      if (outcome === 'qualified' && ground)
        throw validationFailed([{ field: 'ground', message: 'A refusal ground is given only when the application is not qualified' }]);
      return decideApplication(
        deps,
        request.actionContext(),
        request.params.id,
        outcome === 'qualified' ? { outcome, reasons } : { outcome, ground: ground ?? '', reasons },
      );
    },
  );
}
