/** An organisation's messages over the API (compliance alerts, suspensions, clarifications): every signed-in role reads its own and marks them read. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { markRead, messagesFor } from '../../domains/compliance/outbox.service.ts';
import type { Deps } from '../../domains/deps.ts';
import { ROLES } from '../../domains/identity/roles.rules.ts';
import { problemResponses } from './schemas.ts';

const Id = Type.Object({ id: Type.String({ maxLength: 40 }) });
const When = Type.Union([Type.String({ format: 'date-time' }), Type.Null()]);
const EmailDelivery = Type.Object(
  {
    status: Type.Union([Type.Literal('pending'), Type.Literal('retrying'), Type.Literal('sent'), Type.Literal('failed'), Type.Null()], {
      description: 'null for messages stored before AQP sent email',
    }),
    attempts: Type.Integer(),
    lastError: Type.Union([Type.String(), Type.Null()]),
    nextAttemptAt: When,
    sentAt: When,
    to: Type.Union([Type.String(), Type.Null()]),
  },
  { description: 'How the email telling your organisation about this message went (decision 0066)' },
);
const iso = (at: Date | null) => at?.toISOString() ?? null;
const NoContent = { 204: Type.Null(), ...problemResponses };

export function registerMessageApi(scope: FastifyInstance, deps: Deps): void {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/v1/messages',
    {
      config: { roles: ROLES },
      schema: {
        tags: ['messages'],
        summary: 'Messages to your organisation (compliance alerts, suspensions, clarifications), newest first',
        querystring: Type.Object({ offset: Type.Optional(Type.Integer({ minimum: 0 })) }),
        response: {
          200: Type.Object({
            unread: Type.Integer(),
            total: Type.Integer(),
            items: Type.Array(
              Type.Object({
                id: Type.String(),
                subject: Type.String(),
                body: Type.String(),
                createdAt: Type.String(),
                read: Type.Boolean(),
                email: EmailDelivery,
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const result = await messagesFor(deps, request.principal!, { offset: request.query.offset });
      return {
        ...result,
        items: result.items.map((m) => ({
          id: m.id,
          subject: m.subject,
          body: m.body,
          createdAt: m.createdAt.toISOString(),
          read: m.readAt !== null,
          email: { ...m.email, nextAttemptAt: iso(m.email.nextAttemptAt), sentAt: iso(m.email.sentAt) },
        })),
      };
    },
  );
  app.post(
    '/api/v1/messages/:id/read',
    {
      config: { roles: ROLES },
      schema: { tags: ['messages'], summary: 'Mark a message read', params: Id, response: NoContent },
    },
    async (request, reply) => (await markRead(deps, request.principal!, request.params.id), reply.status(204).send(null)),
  );
}
