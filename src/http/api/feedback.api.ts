/** Patient feedback over the API (issue #15 items 5 and 9; decision 0054): the figures per offer and provider, published by the one rule, and the comments with dates only. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Deps } from '../../domains/deps.ts';
import { FFT_ANSWERS } from '../../domains/provider-quality/feedback.rules.ts';
import { FEEDBACK_READERS, feedbackReport } from '../../domains/provider-quality/feedback.service.ts';
import { PageQuery, problemResponses } from './schemas.ts';

const Answer = Type.Union(Object.keys(FFT_ANSWERS).map((answer) => Type.Literal(answer)));
const Summary = Type.Object({
  offerId: Type.String(),
  offerTitle: Type.String(),
  providerId: Type.String(),
  providerName: Type.String(),
  responses: Type.Integer(),
  published: Type.Boolean({ description: 'False under 5 responses: the percentages are then absent' }),
  positivePercent: Type.Optional(Type.Integer({ description: 'Very good or good, whole percent' })),
  negativePercent: Type.Optional(Type.Integer({ description: 'Poor or very poor, whole percent' })),
});
const Comment = Type.Object({
  answeredOn: Type.String({ format: 'date' }),
  offerTitle: Type.String(),
  providerName: Type.String(),
  answer: Answer,
  comment: Type.String(),
});
const Report = Type.Object({
  since: Type.String({ format: 'date' }),
  summaries: Type.Array(Summary),
  comments: Type.Object({ items: Type.Array(Comment), page: Type.Integer(), pageSize: Type.Integer(), total: Type.Integer() }),
});
const Query = Type.Object({
  ...PageQuery.properties,
  since: Type.Optional(Type.String({ maxLength: 10, description: 'YYYY-MM-DD; a year ago by default' })),
});

export function registerFeedbackApi(scope: FastifyInstance, deps: Deps): void {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/v1/feedback',
    {
      config: { roles: FEEDBACK_READERS },
      schema: {
        tags: ['quality'],
        summary:
          'Friends and Family Test answers for your own services (provider) or your offers (commissioner): figures per offer and provider, and the comments',
        querystring: Query,
        response: { 200: Report, ...problemResponses },
      },
    },
    async (request) => {
      const page = request.query.page ?? 1;
      const pageSize = request.query.pageSize ?? 50;
      const report = await feedbackReport(deps, request.actionContext(), {
        since: request.query.since,
        limit: pageSize,
        offset: (page - 1) * pageSize,
      });
      return {
        since: report.since,
        summaries: report.rows.map(({ summary, ...row }) => ({ ...row, ...summary })),
        comments: { items: report.comments, page, pageSize, total: report.totalComments },
      };
    },
  );
}
