/** Platform administrators list accounts and create new ones with a membership. */
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { organisationsWithoutCode } from '../../../domains/identity/organisation-view.service.ts';
import { ROLE_LABELS, ROLES } from '../../../domains/identity/roles.rules.ts';
import { createUserInOrganisation, userAccountsPage } from '../../../domains/identity/user.service.ts';
import { field, validationErrorsOf } from '../form.ts';
import { pageRequest, paginationView } from '../pagination.ts';

const ADMIN = { config: { roles: ['platform-admin'] as const } };

export function registerAdminUsers(app: FastifyInstance, deps: Deps): void {
  app.get('/admin/users', ADMIN, async (request, reply) => {
    const page = pageRequest((request.query as Record<string, unknown>).page);
    const { rows, total } = await userAccountsPage(deps, page);
    const users = rows.map((user) => ({ ...user, memberships: user.memberships.map((m) => ({ ...m, roleLabel: ROLE_LABELS[m.role] })) }));
    return reply.render('pages/admin/users.njk', { pageTitle: 'Users', users, pagination: paginationView(page, total, '/admin/users') });
  });

  /** Organisations are found by ODS code (there are thousands); the few without one are offered in a list. */
  const formContext = async () => {
    const uncoded = await organisationsWithoutCode(deps);
    return {
      organisationItems: [{ value: '', text: 'None: I entered an ODS code' }, ...uncoded.map((o) => ({ value: o.id, text: o.name }))],
      roleItems: ROLES.map((role) => ({ value: role, text: ROLE_LABELS[role] })),
    };
  };

  app.get('/admin/users/new', ADMIN, async (_request, reply) =>
    reply.render('pages/admin/new-user.njk', { pageTitle: 'Create an account', values: {}, ...(await formContext()) }),
  );

  app.post('/admin/users/new', ADMIN, async (request, reply) => {
    const values = {
      displayName: field(request.body, 'displayName'),
      email: field(request.body, 'email'),
      organisationCode: field(request.body, 'organisationCode').trim(),
      organisationId: field(request.body, 'organisationId'),
      role: field(request.body, 'role'),
    };
    try {
      await createUserInOrganisation(deps, request.actionContext(), { ...values, password: field(request.body, 'password') });
      request.session.flash = `Account created for ${values.displayName.trim()}.`;
      return reply.redirect('/admin/users', 303);
    } catch (error) {
      const errors = validationErrorsOf(error);
      if (!errors) throw error;
      return reply.status(400).render('pages/admin/new-user.njk', { pageTitle: 'Error: Create an account', values, ...errors, ...(await formContext()) });
    }
  });
}
