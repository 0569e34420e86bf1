/** Quarterly quality returns over the API (issue #15 items 4 and 9; decision 0055): the quarters owed with late ones flagged, one return, submitting it, and an offer's items. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Deps } from '../../domains/deps.ts';
import { RETURN_ITEM_CODE, RETURN_ITEMS_MAX, RETURN_TEXT_MAX } from '../../domains/provider-quality/quality-return-items.rules.ts';
import { setQualityReturnItems } from '../../domains/provider-quality/quality-return-items.service.ts';
import {
  qualityReturnOf,
  qualityReturnsOf,
  RETURN_ROLES,
  submitQualityReturn,
} from '../../domains/provider-quality/quality-return.service.ts';
import { problemResponses } from './schemas.ts';

const tags = ['quality'];
const Target = Type.Object({
  listingId: Type.String({ maxLength: 40 }),
  quarter: Type.String({ maxLength: 12, description: 'A financial quarter, 2026-27-Q1 (April to June 2026)' }),
});
const Standing = Type.Union(['due', 'overdue', 'submitted', 'submitted-late'].map((standing) => Type.Literal(standing)));
const Summary = Type.Object({
  listingId: Type.String(),
  offerTitle: Type.String(),
  providerName: Type.String(),
  quarter: Type.String(),
  quarterLabel: Type.String(),
  dueOn: Type.String({ format: 'date' }),
  standing: Standing,
  late: Type.Boolean({ description: 'Submitted after the due day, or not submitted and past it' }),
  submittedOn: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  version: Type.Integer({ description: 'How many times it has been submitted (0: not yet)' }),
});
const Item = Type.Object(
  {
    code: Type.String({ pattern: RETURN_ITEM_CODE }),
    label: Type.String({ minLength: 1, maxLength: 200 }),
    kind: Type.Union([Type.Literal('count'), Type.Literal('text')]),
    hint: Type.Optional(Type.String({ maxLength: 300 })),
  },
  { additionalProperties: false },
);
const Answers = Type.Record(
  Type.String({ pattern: RETURN_ITEM_CODE }),
  Type.Union([Type.Integer(), Type.String({ maxLength: RETURN_TEXT_MAX + 100 })]),
);
const Detail = Type.Object({
  ...Summary.properties,
  items: Type.Array(Item),
  answers: Type.Union([Answers, Type.Null()]),
  mayEdit: Type.Boolean(),
});
const Saved = Type.Object({ version: Type.Integer(), late: Type.Boolean(), submittedOn: Type.String({ format: 'date' }) });

export function registerQualityReturnApi(scope: FastifyInstance, deps: Deps): void {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();
  const config = { roles: RETURN_ROLES };
  app.get(
    '/api/v1/quality-returns',
    {
      config,
      schema: {
        tags,
        summary: 'The quarterly quality returns owed by your listings (provider) or on your offers (commissioner), late ones flagged',
        response: { 200: Type.Object({ items: Type.Array(Summary) }), ...problemResponses },
      },
    },
    async (request) => ({ items: await qualityReturnsOf(deps, request.actionContext()) }),
  );
  app.get(
    '/api/v1/quality-returns/:listingId/quarters/:quarter',
    {
      config,
      schema: {
        tags,
        summary: 'One quarter’s return: the items it asks and the answers given',
        params: Target,
        response: { 200: Detail, ...problemResponses },
      },
    },
    async (request) => qualityReturnOf(deps, request.actionContext(), request.params.listingId, request.params.quarter),
  );
  app.put(
    '/api/v1/quality-returns/:listingId/quarters/:quarter',
    {
      config,
      schema: {
        tags,
        summary:
          'Submit a quarter’s return (provider): every item answered; it may be submitted again until the due day, after which it is final (409)',
        params: Target,
        body: Type.Object({ answers: Answers }, { additionalProperties: false }),
        response: { 200: Saved, 409: Type.Ref('Problem'), ...problemResponses },
      },
    },
    async (request) => submitQualityReturn(deps, request.actionContext(), request.params, request.body.answers),
  );
  app.put(
    '/api/v1/offers/:id/quality-return-items',
    {
      config: { roles: ['commissioner'] as const },
      schema: {
        tags,
        summary: 'Set the items your offer’s quality returns ask for (null: the default set of complaints, serious incidents and outcomes)',
        params: Type.Object({ id: Type.String({ maxLength: 40 }) }),
        body: Type.Object(
          { items: Type.Union([Type.Array(Item, { minItems: 1, maxItems: RETURN_ITEMS_MAX }), Type.Null()]) },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await setQualityReturnItems(deps, request.actionContext(), request.params.id, request.body.items);
      return reply.status(204).send(null);
    },
  );
}
