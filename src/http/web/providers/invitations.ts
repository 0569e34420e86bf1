/** Inviting colleagues: administrators create single-use links shown once; the invitee opens theirs, sets a password and joins. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { MIN_PASSWORD_LENGTH } from '../../../domains/identity/password-policy.rules.ts';
import { ROLE_LABELS, type Role } from '../../../domains/identity/roles.rules.ts';
import { INVITABLE_ROLES } from '../../../domains/providers/invitation.rules.ts';
import {
  acceptInvitation,
  inviteColleague,
  openInvitation,
  ownInvitations,
  revokeInvitation,
} from '../../../domains/providers/invitation.service.ts';
import { isDomainError } from '../../../lib/errors.ts';
import { attempt, field, type FormErrors, formErrors, renderForm, titleOf } from '../form.ts';
import { get, post, registerPages } from '../page-routes.ts';
import { PROVIDER_ADMIN } from './profile.ts';

const STATE_TAGS = {
  open: { text: 'Waiting', classes: 'nhsuk-tag--blue' },
  accepted: { text: 'Accepted', classes: 'nhsuk-tag--green' },
  revoked: { text: 'Withdrawn', classes: 'nhsuk-tag--grey' },
  expired: { text: 'Expired', classes: 'nhsuk-tag--grey' },
};

/** Ten attempts a minute per address on an invitation link. */
const ACCEPTS_PER_MINUTE = 10;

type TokenParams = { token: string };

/** The organisation's invitations with the form to invite one more colleague. */
async function viewInvitations(deps: Deps, request: FastifyRequest, reply: FastifyReply, body?: unknown, errors?: FormErrors) {
  const invitations = (await ownInvitations(deps, request.actionContext())).map((invitation) => ({
    ...invitation,
    roleLabel: ROLE_LABELS[invitation.role as Role] ?? invitation.role,
    tag: STATE_TAGS[invitation.state],
  }));
  return renderForm(
    reply,
    'pages/providers/invitations.njk',
    'Invite colleagues',
    {
      invitations,
      roles: INVITABLE_ROLES.map((value) => ({ value, text: ROLE_LABELS[value] })),
      values: { displayName: field(body, 'displayName'), email: field(body, 'email'), role: field(body, 'role') },
    },
    errors,
  );
}

/** Creates the invitation and shows its link once, or shows the form again with its errors. */
async function submitInvitation(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const body = request.body;
  const outcome = await attempt(() =>
    inviteColleague(deps, request.actionContext(), {
      displayName: field(body, 'displayName'),
      email: field(body, 'email'),
      role: field(body, 'role'),
    }),
  );
  if (!outcome.ok) return viewInvitations(deps, request, reply, body, outcome.errors);
  const link = `${request.protocol}://${request.host}/invitations/${outcome.value.token}`;
  return reply
    .status(201)
    .header('Cache-Control', 'no-store')
    .render('pages/providers/invitation-created.njk', {
      pageTitle: 'Invitation created',
      link,
      email: field(body, 'email').trim(),
      expiresAt: outcome.value.expiresAt,
    });
}

/** Withdraws an invitation, so its link stops working. */
async function submitRevocation(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  await revokeInvitation(deps, request.actionContext(), (request.params as { id: string }).id);
  request.session.flash = 'The invitation has been withdrawn. Its link no longer works.';
  return reply.redirect('/provider/invitations', 303);
}

/** The invitee's page to set a password and join; the token in its address is never sent on as a referrer. */
async function viewAcceptance(deps: Deps, request: FastifyRequest, reply: FastifyReply, errors?: FormErrors, status = errors ? 400 : 200) {
  const { token } = request.params as TokenParams;
  const invitation = await openInvitation(deps, token);
  return reply
    .status(status)
    .header('Referrer-Policy', 'no-referrer')
    .render('pages/providers/accept-invitation.njk', {
      pageTitle: titleOf(`Join ${invitation.organisationName}`, errors),
      invitation,
      token,
      roleLabel: ROLE_LABELS[invitation.role as Role],
      minPasswordLength: MIN_PASSWORD_LENGTH,
      ...errors,
    });
}

/** Joins the organisation, or shows the page again with its errors; too many tries answer 429 with when to try again. */
async function submitAcceptance(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  try {
    const outcome = await attempt(() =>
      acceptInvitation(deps, request.actionContext(), (request.params as TokenParams).token, { password: field(request.body, 'password') }),
    );
    if (!outcome.ok) return viewAcceptance(deps, request, reply, outcome.errors);
  } catch (error) {
    if (!(isDomainError(error) && error.code === 'too-many-requests' && error.details.fieldErrors)) throw error;
    reply.header('retry-after', String(error.details.retryAfterSeconds ?? 60));
    return viewAcceptance(deps, request, reply, formErrors(error.details.fieldErrors), 429);
  }
  request.session.flash = 'You have joined your organisation. Sign in to continue.';
  return reply.redirect('/sign-in', 303);
}

export function registerInvitationPages(app: FastifyInstance, deps: Deps): void {
  registerPages(app, [
    get('/provider/invitations', (request, reply) => viewInvitations(deps, request, reply), PROVIDER_ADMIN),
    post('/provider/invitations', (request, reply) => submitInvitation(deps, request, reply), PROVIDER_ADMIN),
    post('/provider/invitations/:id/revoke', (request, reply) => submitRevocation(deps, request, reply), PROVIDER_ADMIN),
    get('/invitations/:token', (request, reply) => viewAcceptance(deps, request, reply)),
    post('/invitations/:token', (request, reply) => submitAcceptance(deps, request, reply), {
      config: { rateLimit: { max: ACCEPTS_PER_MINUTE, timeWindow: '1 minute' } },
    }),
  ]);
}
