/** API key pages: list the organisation's keys, create one (its token shown once), revoke one. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { apiKeysOf, createApiKey, revokeApiKey } from '../../../domains/identity/api-key.service.ts';
import { organisationOf } from '../../../domains/identity/organisation-view.service.ts';
import { ROLE_LABELS, rolesForKind, type Role } from '../../../domains/identity/roles.rules.ts';
import { attempt, field, type FormErrors, renderForm } from '../form.ts';
import { get, post, registerPages } from '../page-routes.ts';

const KEY_MANAGERS = { config: { roles: ['national-admin', 'commissioner', 'provider-admin', 'platform-admin'] as Role[] } };

/** The organisation's keys and the form to create one. */
async function viewApiKeys(deps: Deps, reply: FastifyReply, organisationId: string, values: Record<string, string>, errors?: FormErrors) {
  const organisation = await organisationOf(deps, organisationId);
  const keys = (await apiKeysOf(deps, organisationId)).map((key) => ({ ...key, roleLabel: ROLE_LABELS[key.role] }));
  const roleItems = rolesForKind(organisation.kind).map((role) => ({ value: role, text: ROLE_LABELS[role] }));
  return renderForm(reply, 'pages/api-keys/api-keys.njk', 'API keys', { organisation, keys, roleItems, values }, errors);
}

/** Creates a key and shows its token once, or shows the form again with its errors. */
async function submitApiKey(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const organisationId = request.principal!.organisationId;
  const values = { name: field(request.body, 'name'), role: field(request.body, 'role') };
  const outcome = await attempt(() => createApiKey(deps, request.actionContext(), { organisationId, ...values }));
  if (!outcome.ok) return viewApiKeys(deps, reply, organisationId, values, outcome.errors);
  const { key, token } = outcome.value;
  return reply.render('pages/api-keys/created.njk', { pageTitle: 'API key created', key, token, roleLabel: ROLE_LABELS[key.role] });
}

/** Revokes a key, so systems using it can no longer sign in. */
async function submitRevokeApiKey(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  await revokeApiKey(deps, request.actionContext(), (request.params as { keyId: string }).keyId);
  request.session.flash = 'The API key has been revoked. Systems using it can no longer sign in.';
  return reply.redirect('/api-keys', 303);
}

export function registerApiKeyPages(app: FastifyInstance, deps: Deps): void {
  registerPages(app, [
    get('/api-keys', (request, reply) => viewApiKeys(deps, reply, request.principal!.organisationId, {}), KEY_MANAGERS),
    post('/api-keys', (request, reply) => submitApiKey(deps, request, reply), KEY_MANAGERS),
    post('/api-keys/:keyId/revoke', (request, reply) => submitRevokeApiKey(deps, request, reply), KEY_MANAGERS),
  ]);
}
