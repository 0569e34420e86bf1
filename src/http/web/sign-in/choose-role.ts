/** People with more than one membership choose which organisation and role they act in for this session. */
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { ROLE_LABELS } from '../../../domains/identity/roles.rules.ts';
import { membershipsOfUser } from '../../../domains/identity/user.service.ts';
import { field, formErrors, safeReturnPath } from '../form.ts';

export function registerChooseRole(app: FastifyInstance, deps: Deps): void {
  const options = async (userId: string) =>
    (await membershipsOfUser(deps, userId)).map((membership) => ({
      value: `${membership.organisationId}|${membership.role}`,
      text: `${ROLE_LABELS[membership.role]} at ${membership.organisationName}`,
      membership,
    }));

  app.get('/choose-role', async (request, reply) => {
    const userId = request.session.pendingUserId ?? (request.principal?.kind === 'user' ? request.principal.userId : undefined);
    if (!userId) return reply.redirect('/sign-in', 303);
    const returnTo = safeReturnPath((request.query as Record<string, unknown>).returnTo);
    return reply.render('pages/sign-in/choose-role.njk', { pageTitle: 'Choose how you are working today', items: await options(userId), returnTo });
  });

  app.post('/choose-role', async (request, reply) => {
    const userId = request.session.pendingUserId ?? (request.principal?.kind === 'user' ? request.principal.userId : undefined);
    if (!userId) return reply.redirect('/sign-in', 303);
    const items = await options(userId);
    const chosen = items.find((item) => item.value === field(request.body, 'membership'));
    const returnTo = safeReturnPath(field(request.body, 'returnTo'));
    if (!chosen) {
      const errors = formErrors([{ field: 'membership', message: 'Select the organisation and role you are working in' }]);
      return reply.status(400).render('pages/sign-in/choose-role.njk', { pageTitle: 'Error: Choose how you are working today', items, returnTo, ...errors });
    }
    request.session.pendingUserId = undefined;
    request.session.user = { userId, organisationId: chosen.membership.organisationId, role: chosen.membership.role };
    return reply.redirect(returnTo, 303);
  });
}
