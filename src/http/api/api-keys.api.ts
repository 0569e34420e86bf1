/** API resources for an organisation's API keys: list and revoke. Keys are created only by people (page or CLI), so a leaked key cannot mint successors (decision 0002). */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Deps } from '../../domains/deps.ts';
import { type ApiKeySummary, apiKeysOf, mayManageKeysOf, revokeApiKey } from '../../domains/identity/api-key.service.ts';
import { DomainError } from '../../lib/errors.ts';
import { ApiKey, problemResponses } from './schemas.ts';

const MANAGERS = ['national-admin', 'commissioner', 'provider-admin', 'platform-admin'] as const;

function toJson(key: ApiKeySummary) {
  return {
    ...key,
    createdAt: key.createdAt.toISOString(),
    revokedAt: key.revokedAt?.toISOString() ?? null,
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
  };
}

export function registerApiKeyApi(scope: FastifyInstance, deps: Deps): void {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/v1/api-keys',
    {
      config: { roles: MANAGERS },
      schema: {
        tags: ['api-keys'],
        summary: 'The caller’s organisation’s API keys',
        response: { 200: Type.Object({ items: Type.Array(ApiKey) }), ...problemResponses },
      },
    },
    async (request) => {
      const principal = request.principal!;
      if (!mayManageKeysOf(principal, principal.organisationId)) throw new DomainError('forbidden', 'This key cannot manage API keys');
      return { items: (await apiKeysOf(deps, principal.organisationId)).map(toJson) };
    },
  );

  app.delete(
    '/api/v1/api-keys/:keyId',
    {
      config: { roles: MANAGERS },
      schema: {
        tags: ['api-keys'],
        summary: 'Revoke an API key at once',
        params: Type.Object({ keyId: Type.String({ format: 'uuid' }) }),
        response: { 204: Type.Null(), 409: Type.Ref('Problem'), ...problemResponses },
      },
    },
    async (request, reply) => {
      await revokeApiKey(deps, request.actionContext(), request.params.keyId);
      return reply.status(204).send(null);
    },
  );
}
