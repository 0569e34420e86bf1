/** Inviting colleagues: administrators create single-use links shown once; the invitee opens theirs, sets a password and joins. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { MIN_PASSWORD_LENGTH } from '../../../domains/identity/password-policy.rules.ts';
import { ROLE_LABELS, type Role } from '../../../domains/identity/roles.rules.ts';
import { INVITABLE_ROLES } from '../../../domains/providers/invitation.rules.ts';
import { acceptInvitation, inviteColleague, openInvitation, ownInvitations, revokeInvitation } from '../../../domains/providers/invitation.service.ts';
import { isDomainError } from '../../../lib/errors.ts';
import { field, type FormErrors, formErrors, validationErrorsOf } from '../form.ts';
import { PROVIDER_ADMIN } from './profile.ts';

const STATE_TAGS = {
  open: { text: 'Waiting', classes: 'nhsuk-tag--blue' },
  accepted: { text: 'Accepted', classes: 'nhsuk-tag--green' },
  revoked: { text: 'Withdrawn', classes: 'nhsuk-tag--grey' },
  expired: { text: 'Expired', classes: 'nhsuk-tag--grey' },
};

/** Ten attempts a minute per address on an invitation link. */
const ACCEPTS_PER_MINUTE = 10;

export function registerInvitationPages(app: FastifyInstance, deps: Deps): void {
  const renderList = async (request: FastifyRequest, reply: FastifyReply, body?: unknown, status = 200, errors?: FormErrors) => {
    const invitations = (await ownInvitations(deps, request.actionContext())).map((invitation) => ({ ...invitation, roleLabel: ROLE_LABELS[invitation.role as Role] ?? invitation.role, tag: STATE_TAGS[invitation.state] }));
    return reply.status(status).render('pages/providers/invitations.njk', {
      pageTitle: `${errors ? 'Error: ' : ''}Invite colleagues`, invitations, roles: INVITABLE_ROLES.map((value) => ({ value, text: ROLE_LABELS[value] })),
      values: { displayName: field(body, 'displayName'), email: field(body, 'email'), role: field(body, 'role') }, ...errors,
    });
  };

  app.get('/provider/invitations', PROVIDER_ADMIN, async (request, reply) => renderList(request, reply));
  app.post('/provider/invitations', PROVIDER_ADMIN, async (request, reply) => {
    const body = request.body;
    try {
      const invitation = await inviteColleague(deps, request.actionContext(), { displayName: field(body, 'displayName'), email: field(body, 'email'), role: field(body, 'role') });
      const link = `${request.protocol}://${request.host}/invitations/${invitation.token}`;
      return reply.status(201).header('Cache-Control', 'no-store').render('pages/providers/invitation-created.njk', { pageTitle: 'Invitation created', link, email: field(body, 'email').trim(), expiresAt: invitation.expiresAt });
    } catch (error) {
      const errors = validationErrorsOf(error);
      if (!errors) throw error;
      return renderList(request, reply, body, 400, errors);
    }
  });
  app.post<{ Params: { id: string } }>('/provider/invitations/:id/revoke', PROVIDER_ADMIN, async (request, reply) => {
    await revokeInvitation(deps, request.actionContext(), request.params.id);
    request.session.flash = 'The invitation has been withdrawn. Its link no longer works.';
    return reply.redirect('/provider/invitations', 303);
  });

  const renderAccept = async (request: FastifyRequest<{ Params: { token: string } }>, reply: FastifyReply, status = 200, errors?: FormErrors) => {
    const invitation = await openInvitation(deps, request.params.token);
    return reply.status(status).header('Referrer-Policy', 'no-referrer').render('pages/providers/accept-invitation.njk', {
      pageTitle: `${errors ? 'Error: ' : ''}Join ${invitation.organisationName}`, invitation, token: request.params.token, roleLabel: ROLE_LABELS[invitation.role as Role], minPasswordLength: MIN_PASSWORD_LENGTH, ...errors,
    });
  };

  app.get<{ Params: { token: string } }>('/invitations/:token', async (request, reply) => renderAccept(request, reply));
  app.post<{ Params: { token: string } }>('/invitations/:token', { config: { rateLimit: { max: ACCEPTS_PER_MINUTE, timeWindow: '1 minute' } } }, async (request, reply) => {
    try {
      await acceptInvitation(deps, request.actionContext(), request.params.token, { password: field(request.body, 'password') });
      request.session.flash = 'You have joined your organisation. Sign in to continue.';
      return reply.redirect('/sign-in', 303);
    } catch (error) {
      if (isDomainError(error) && error.code === 'too-many-requests' && error.details.fieldErrors) {
        reply.header('retry-after', String(error.details.retryAfterSeconds ?? 60));
        return renderAccept(request, reply, 429, formErrors(error.details.fieldErrors));
      }
      const errors = validationErrorsOf(error);
      if (!errors) throw error;
      return renderAccept(request, reply, 400, errors);
    }
  });
}
