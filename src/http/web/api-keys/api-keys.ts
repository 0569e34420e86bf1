/** API key pages: list the organisation's keys, create one (its token shown once), revoke one. */
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { apiKeysOf, createApiKey, revokeApiKey } from '../../../domains/identity/api-key.service.ts';
import { organisationOf } from '../../../domains/identity/organisation-view.service.ts';
import { ROLE_LABELS, rolesForKind, type Role } from '../../../domains/identity/roles.rules.ts';
import { field, validationErrorsOf } from '../form.ts';

const KEY_MANAGERS: Role[] = ['national-admin', 'commissioner', 'provider-admin', 'platform-admin'];

export function registerApiKeyPages(app: FastifyInstance, deps: Deps): void {
  const pageContext = async (organisationId: string) => {
    const organisation = await organisationOf(deps, organisationId);
    const keys = (await apiKeysOf(deps, organisationId)).map((key) => ({ ...key, roleLabel: ROLE_LABELS[key.role] }));
    const roleItems = rolesForKind(organisation.kind).map((role) => ({ value: role, text: ROLE_LABELS[role] }));
    return { pageTitle: 'API keys', organisation, keys, roleItems };
  };

  app.get('/api-keys', { config: { roles: KEY_MANAGERS } }, async (request, reply) =>
    reply.render('pages/api-keys/api-keys.njk', { ...(await pageContext(request.principal!.organisationId)), values: {} }),
  );

  app.post('/api-keys', { config: { roles: KEY_MANAGERS } }, async (request, reply) => {
    const organisationId = request.principal!.organisationId;
    const values = { name: field(request.body, 'name'), role: field(request.body, 'role') };
    try {
      const { key, token } = await createApiKey(deps, request.actionContext(), { organisationId, ...values });
      return reply.render('pages/api-keys/created.njk', { pageTitle: 'API key created', key, token, roleLabel: ROLE_LABELS[key.role] });
    } catch (error) {
      const errors = validationErrorsOf(error);
      if (!errors) throw error;
      const context = await pageContext(organisationId);
      return reply.status(400).render('pages/api-keys/api-keys.njk', { ...context, pageTitle: 'Error: API keys', values, ...errors });
    }
  });

  app.post('/api-keys/:keyId/revoke', { config: { roles: KEY_MANAGERS } }, async (request, reply) => {
    const { keyId } = request.params as { keyId: string };
    await revokeApiKey(deps, request.actionContext(), keyId);
    request.session.flash = 'The API key has been revoked. Systems using it can no longer sign in.';
    return reply.redirect('/api-keys', 303);
  });
}
