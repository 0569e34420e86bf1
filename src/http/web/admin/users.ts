/** Platform administrators list accounts and create new ones with a membership. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { organisationsWithoutCode } from '../../../domains/identity/organisation-view.service.ts';
import { ROLE_LABELS, ROLES } from '../../../domains/identity/roles.rules.ts';
import { createUserInOrganisation, userAccountsPage } from '../../../domains/identity/user.service.ts';
import { attempt, field, type FormErrors, renderForm } from '../form.ts';
import { get, post, registerPages } from '../page-routes.ts';
import { pageRequest, paginationView } from '../pagination.ts';

const ADMIN = { config: { roles: ['platform-admin'] as const } };

/** Every account, a page at a time, with its memberships. */
async function viewUsers(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const page = pageRequest((request.query as Record<string, unknown>).page);
  const { rows, total } = await userAccountsPage(deps, page);
  const users = rows.map((user) => ({ ...user, memberships: user.memberships.map((m) => ({ ...m, roleLabel: ROLE_LABELS[m.role] })) }));
  return reply.render('pages/admin/users.njk', { pageTitle: 'Users', users, pagination: paginationView(page, total, '/admin/users') });
}

/** The new-account form; organisations are found by ODS code (there are thousands), and the few without one are offered in a list. */
async function viewNewUser(deps: Deps, reply: FastifyReply, values: Record<string, string>, errors?: FormErrors) {
  const uncoded = await organisationsWithoutCode(deps);
  return renderForm(
    reply,
    'pages/admin/new-user.njk',
    'Create an account',
    {
      values,
      organisationItems: [{ value: '', text: 'None: I entered an ODS code' }, ...uncoded.map((o) => ({ value: o.id, text: o.name }))],
      roleItems: ROLES.map((role) => ({ value: role, text: ROLE_LABELS[role] })),
    },
    errors,
  );
}

/** Creates the account with its membership, or shows the form again with its errors. */
async function submitNewUser(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const values = {
    displayName: field(request.body, 'displayName'),
    email: field(request.body, 'email'),
    organisationCode: field(request.body, 'organisationCode').trim(),
    organisationId: field(request.body, 'organisationId'),
    role: field(request.body, 'role'),
  };
  const outcome = await attempt(() =>
    createUserInOrganisation(deps, request.actionContext(), { ...values, password: field(request.body, 'password') }),
  );
  if (!outcome.ok) return viewNewUser(deps, reply, values, outcome.errors);
  request.session.flash = `Account created for ${values.displayName.trim()}.`;
  return reply.redirect('/admin/users', 303);
}

export function registerAdminUsers(app: FastifyInstance, deps: Deps): void {
  registerPages(app, [
    get('/admin/users', (request, reply) => viewUsers(deps, request, reply), ADMIN),
    get('/admin/users/new', (_request, reply) => viewNewUser(deps, reply, {}), ADMIN),
    post('/admin/users/new', (request, reply) => submitNewUser(deps, request, reply), ADMIN),
  ]);
}
