/** People with more than one membership choose which organisation and role they act in for this session. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { ROLE_LABELS } from '../../../domains/identity/roles.rules.ts';
import { membershipsOfUser } from '../../../domains/identity/user.service.ts';
import { field, type FormErrors, formErrors, renderForm, safeReturnPath } from '../form.ts';
import { get, post, registerPages } from '../page-routes.ts';

/** The memberships as radio items, each keeping the membership it stands for. */
async function membershipItems(deps: Deps, userId: string) {
  return (await membershipsOfUser(deps, userId)).map((membership) => ({
    value: `${membership.organisationId}|${membership.role}`,
    text: `${ROLE_LABELS[membership.role]} at ${membership.organisationName}`,
    membership,
  }));
}

/** The person choosing: just signed in, or already signed in and switching. */
function choosingUserOf(request: FastifyRequest): string | undefined {
  return request.session.pendingUserId ?? (request.principal?.kind === 'user' ? request.principal.userId : undefined);
}

function viewChooseRole(reply: FastifyReply, items: Awaited<ReturnType<typeof membershipItems>>, returnTo: string, errors?: FormErrors) {
  return renderForm(reply, 'pages/sign-in/choose-role.njk', 'Choose how you are working today', { items, returnTo }, errors);
}

/** Starts the session in the membership chosen, or asks again when none was. */
async function submitChooseRole(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const userId = choosingUserOf(request);
  if (!userId) return reply.redirect('/sign-in', 303);
  const items = await membershipItems(deps, userId);
  const chosen = items.find((item) => item.value === field(request.body, 'membership'));
  const returnTo = safeReturnPath(field(request.body, 'returnTo'));
  if (!chosen)
    return viewChooseRole(
      reply,
      items,
      returnTo,
      formErrors([{ field: 'membership', message: 'Select the organisation and role you are working in' }]),
    );
  request.session.pendingUserId = undefined;
  request.session.user = { userId, organisationId: chosen.membership.organisationId, role: chosen.membership.role };
  return reply.redirect(returnTo, 303);
}

export function registerChooseRole(app: FastifyInstance, deps: Deps): void {
  registerPages(app, [
    get('/choose-role', async (request, reply) => {
      const userId = choosingUserOf(request);
      if (!userId) return reply.redirect('/sign-in', 303);
      return viewChooseRole(
        reply,
        await membershipItems(deps, userId),
        safeReturnPath((request.query as Record<string, unknown>).returnTo),
      );
    }),
    post('/choose-role', (request, reply) => submitChooseRole(deps, request, reply)),
  ]);
}
