/** API resources for who is calling and the organisations on the platform. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Deps } from '../../domains/deps.ts';
import { organisationOf, organisationsMatching } from '../../domains/identity/organisation-view.service.ts';
import { ROLES } from '../../domains/identity/roles.rules.ts';
import { Organisation, OrganisationKindSchema, pageOf, problemResponses, RoleSchema } from './schemas.ts';

export function registerIdentityApi(scope: FastifyInstance, deps: Deps): void {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/v1/me',
    {
      config: { roles: ROLES },
      schema: {
        tags: ['identity'],
        summary: 'Who the API key acts as',
        response: {
          200: Type.Object({ kind: Type.String(), name: Type.String(), role: RoleSchema, organisation: Organisation }),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const principal = request.principal!;
      const organisation = await organisationOf(deps, principal.organisationId);
      const name = principal.kind === 'api-key' ? principal.name : principal.displayName;
      return { kind: principal.kind, name, role: principal.role, organisation };
    },
  );

  app.get(
    '/api/v1/organisations',
    {
      config: { roles: ROLES },
      schema: {
        tags: ['identity'],
        summary: 'Search organisations by name or ODS code',
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 100 })),
          kind: Type.Optional(OrganisationKindSchema),
          page: Type.Integer({ minimum: 1, default: 1 }),
          pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
        }),
        response: { 200: pageOf(Organisation), ...problemResponses },
      },
    },
    async (request) => {
      const { q, kind, page, pageSize } = request.query;
      const { rows, total } = await organisationsMatching(deps, { query: q, kind, limit: pageSize, offset: (page - 1) * pageSize });
      return { items: rows, page, pageSize, total };
    },
  );
}
