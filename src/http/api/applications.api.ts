/** Applications over the API (issue #5 item 8): a provider applies to open offers, edits and submits, withdraws and answers clarifications; commissioners set the offer's questions. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { answersFrom } from '../../domains/applications/application-criteria.rules.ts';
import {
  saveApplication,
  startApplication,
  submitApplication,
  withdrawApplication,
} from '../../domains/applications/application.service.ts';
import { providerApplication, providerApplications } from '../../domains/applications/application-view.service.ts';
import { answerClarification } from '../../domains/applications/clarification.service.ts';
import type { Deps } from '../../domains/deps.ts';
import { offerQuestions, setOfferQuestions } from '../../domains/offers/offer-questions.service.ts';
import { ApplicationBody, ApplicationJson, applicationJson, ApplicationSummaryJson, QuestionJson } from './application.schemas.ts';
import { registerAssessmentApi } from './assessment.api.ts';
import { PageQuery, problemResponses } from './schemas.ts';

const PROVIDER = { roles: ['provider-admin'] as const };
const Id = Type.Object({ id: Type.String({ maxLength: 40 }) });
const NoContent = { 204: Type.Null(), ...problemResponses };

function inputOf(body: { answers?: unknown; siteIds?: string[] }) {
  return { answers: answersFrom(body.answers), siteIds: body.siteIds ?? [] };
}

export function registerApplicationApi(scope: FastifyInstance, deps: Deps): void {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/v1/offers/:id/questions',
    {
      schema: {
        tags: ['applications'],
        summary: 'The offer’s own questions for applicants',
        params: Id,
        response: { 200: Type.Object({ questions: Type.Array(QuestionJson) }), ...problemResponses },
      },
    },
    async (request) => ({ questions: await offerQuestions(deps, request.actionContext(), request.params.id) }),
  );

  app.put(
    '/api/v1/offers/:id/questions',
    {
      config: { roles: ['commissioner'] as const },
      schema: {
        tags: ['applications'],
        summary: 'Set the offer’s own questions for applicants (up to 20), until it opens for applications',
        params: Id,
        body: Type.Object({ questions: Type.Array(QuestionJson, { maxItems: 50 }) }),
        response: NoContent,
      },
    },
    async (request, reply) => {
      await setOfferQuestions(deps, request.actionContext(), request.params.id, request.body.questions);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/applications',
    {
      config: PROVIDER,
      schema: {
        tags: ['applications'],
        summary: 'Start a draft application to an open offer (a new attempt after a refusal)',
        body: Type.Object({ offerId: Type.String({ maxLength: 40 }), ...ApplicationBody.properties }),
        response: { 201: Type.Object({ id: Type.String(), attempt: Type.Integer() }), ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await startApplication(deps, request.actionContext(), request.body.offerId, inputOf(request.body))),
  );

  app.get(
    '/api/v1/applications',
    {
      config: PROVIDER,
      schema: {
        tags: ['applications'],
        summary: 'Your organisation’s applications, newest first',
        querystring: PageQuery,
        response: {
          200: Type.Object({
            items: Type.Array(ApplicationSummaryJson),
            page: Type.Integer(),
            pageSize: Type.Integer(),
            total: Type.Integer(),
          }),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const page = request.query.page ?? 1;
      const pageSize = request.query.pageSize ?? 50;
      const { rows, total } = await providerApplications(deps, request.actionContext(), { limit: pageSize, offset: (page - 1) * pageSize });
      return {
        page,
        pageSize,
        total,
        items: rows.map((row) => ({
          id: row.id,
          offerId: row.offerId,
          offerTitle: row.offerTitle,
          attempt: row.attempt,
          status: row.status,
          submittedAt: row.submittedAt?.toISOString() ?? null,
          refusalGround: row.refusalGround,
          decisionReasons: row.decisionReasons,
        })),
      };
    },
  );

  app.get(
    '/api/v1/applications/:id',
    {
      config: PROVIDER,
      schema: {
        tags: ['applications'],
        summary: 'One of your applications with its sites, clarifications, decision and history',
        params: Id,
        response: { 200: ApplicationJson, ...problemResponses },
      },
    },
    async (request) => applicationJson(await providerApplication(deps, request.actionContext(), request.params.id)),
  );

  app.put(
    '/api/v1/applications/:id',
    {
      config: PROVIDER,
      schema: {
        tags: ['applications'],
        summary: 'Replace a draft’s answers and sites',
        params: Id,
        body: ApplicationBody,
        response: NoContent,
      },
    },
    async (request, reply) => {
      await saveApplication(deps, request.actionContext(), request.params.id, inputOf(request.body));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/applications/:id/submission',
    {
      config: PROVIDER,
      schema: {
        tags: ['applications'],
        summary: 'Submit a complete draft for assessment (needs complete national assurance and an open window)',
        params: Id,
        response: NoContent,
      },
    },
    async (request, reply) => {
      await submitApplication(deps, request.actionContext(), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/applications/:id/withdrawal',
    {
      config: PROVIDER,
      schema: {
        tags: ['applications'],
        summary: 'Withdraw a draft or an application awaiting a decision',
        params: Id,
        body: Type.Optional(Type.Object({ reason: Type.Optional(Type.String({ maxLength: 2000 })) })),
        response: NoContent,
      },
    },
    async (request, reply) => {
      await withdrawApplication(deps, request.actionContext(), request.params.id, request.body?.reason ?? '');
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/clarifications/:id/answer',
    {
      config: PROVIDER,
      schema: {
        tags: ['applications'],
        summary: 'Answer an assessor’s clarification question; the application returns to assessment once all are answered',
        params: Id,
        body: Type.Object({ answer: Type.String({ maxLength: 10_000 }) }),
        response: { 200: Type.Object({ applicationId: Type.String() }), ...problemResponses },
      },
    },
    async (request) => answerClarification(deps, request.actionContext(), request.params.id, request.body.answer),
  );

  registerAssessmentApi(app, deps);
}
