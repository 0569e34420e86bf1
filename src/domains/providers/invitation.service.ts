/** Provider administrators invite colleagues; the invitee opens the single-use link, sets a password and joins (PRODUCT.md §2). */
import { DomainError, type FieldError, validationFailed } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import { recordAudit } from '../identity/audit.repo.ts';
import { hashPassword } from '../identity/password.ts';
import { passwordProblem } from '../identity/password-policy.rules.ts';
import { lockedOut, verifyThrottled } from '../identity/sign-in-throttle.service.ts';
import type { ActionContext } from '../identity/principal.ts';
import { ROLE_LABELS, type Role } from '../identity/roles.rules.ts';
import { findUserByEmail, insertMembership, insertUser } from '../identity/user.repo.ts';
import {
  findInvitation,
  findInvitationByHash,
  insertInvitation,
  type InvitationRecord,
  invitationsOf,
  isMemberByEmail,
  markInvitationAccepted,
  markInvitationRevoked,
} from './invitation.repo.ts';
import {
  hashInvitationToken,
  INVITABLE_ROLES,
  invitationExpiry,
  invitationState,
  newInvitationToken,
  REFUSALS,
} from './invitation.rules.ts';
import { actingUser, administeredProviderOf } from './provider-access.ts';
import { EMAIL } from './provider-profile.rules.ts';
import { insertOutboxMessage } from './provider-outbox.repo.ts';

export interface InvitationInput {
  displayName: string;
  email: string;
  role: string;
}

function invitationErrors(input: InvitationInput): FieldError[] {
  const errors: FieldError[] = [];
  if (!input.displayName.trim()) errors.push({ field: 'displayName', message: 'Enter your colleague’s full name' });
  if (!EMAIL.test(input.email.trim()))
    errors.push({ field: 'email', message: 'Enter an email address in the correct format, like name@example.org.uk' });
  if (!(INVITABLE_ROLES as readonly string[]).includes(input.role)) errors.push({ field: 'role', message: 'Select a role' });
  return errors;
}

/** Creates an invitation and returns its token once (only its hash is stored); the provider's outbox records that it was sent. */
export async function inviteColleague(
  deps: Deps,
  context: ActionContext,
  input: InvitationInput,
): Promise<{ id: string; token: string; expiresAt: Date }> {
  const organisationId = administeredProviderOf(context);
  const errors = invitationErrors(input);
  if (errors.length) throw validationFailed(errors, 'The invitation cannot be sent');
  const email = input.email.trim();
  return deps.db.transaction().execute(async (trx) => {
    if (await isMemberByEmail(trx, organisationId, email))
      throw validationFailed([{ field: 'email', message: `${email} already belongs to your organisation` }]);
    const { token, tokenHash } = newInvitationToken();
    const at = deps.clock.now();
    const expiresAt = invitationExpiry(at);
    const id = await insertInvitation(trx, {
      organisationId,
      email,
      displayName: input.displayName.trim(),
      role: input.role,
      tokenHash,
      invitedBy: actingUser(context),
      at,
      expiresAt,
    });
    const role = ROLE_LABELS[input.role as Role];
    await insertOutboxMessage(
      trx,
      {
        organisationId,
        subject: `Invitation sent to ${email}`,
        body: `${context.principal?.kind === 'user' ? context.principal.displayName : 'An administrator'} invited ${input.displayName.trim()} (${email}) to join as ${role}. The link works until ${expiresAt.toISOString().slice(0, 10)}.`,
        entityType: 'invitation',
        entityId: id,
      },
      at,
    );
    await recordAudit(trx, context, {
      action: 'invitation.create',
      entityType: 'invitation',
      entityId: id,
      details: { email, role: input.role },
    });
    return { id, token, expiresAt };
  });
}

/** The acting administrator's organisation's invitations with where each stands now. */
export async function ownInvitations(
  deps: Deps,
  context: ActionContext,
): Promise<(InvitationRecord & { state: ReturnType<typeof invitationState> })[]> {
  const invitations = await invitationsOf(deps.db, administeredProviderOf(context));
  return invitations.map((invitation) => ({ ...invitation, state: invitationState(invitation, deps.clock.now()) }));
}

/** Withdraws an unused invitation, so its link stops working. */
export async function revokeInvitation(deps: Deps, context: ActionContext, id: string): Promise<void> {
  const organisationId = administeredProviderOf(context);
  await deps.db.transaction().execute(async (trx) => {
    const invitation = await findInvitation(trx, organisationId, id);
    if (!invitation) throw new DomainError('not-found', 'There is no such invitation');
    if (invitation.acceptedAt) throw new DomainError('invalid-transition', 'This invitation has already been used');
    await markInvitationRevoked(trx, id, deps.clock.now());
    await recordAudit(trx, context, {
      action: 'invitation.revoke',
      entityType: 'invitation',
      entityId: id,
      details: { email: invitation.email },
    });
  });
}

/** The open invitation a link carries, with whether its email already has an account; expired, revoked or used links are refused clearly. */
export async function openInvitation(deps: Deps, token: string): Promise<InvitationRecord & { hasAccount: boolean }> {
  const invitation = await findInvitationByHash(deps.db, hashInvitationToken(token));
  if (!invitation) throw new DomainError('not-found', 'This invitation link is not valid. Check you copied all of it.');
  const state = invitationState(invitation, deps.clock.now());
  if (state !== 'open') throw new DomainError('invalid-transition', REFUSALS[state]);
  return { ...invitation, hasAccount: Boolean(await findUserByEmail(deps.db, invitation.email)) };
}

/**
 * Accepts an invitation: a new person sets a password (creating their account); someone who already has an account
 * proves it with their password. Either way they get the membership, and the link can never be used again.
 */
export async function acceptInvitation(
  deps: Deps,
  context: ActionContext,
  token: string,
  input: { password: string },
): Promise<{ userId: string; organisationId: string; role: Role }> {
  const existing = await openInvitation(deps, token);
  const account = await findUserByEmail(deps.db, existing.email);
  const check = account
    ? await verifyThrottled(
        deps,
        { email: account.email, clientAddress: context.clientAddress },
        account.passwordHash ?? undefined,
        input.password,
      )
    : undefined;
  if (check?.outcome === 'locked') throw lockedOut(check.minutes, 'password');
  if (check?.outcome === 'mismatch')
    throw validationFailed([{ field: 'password', message: 'Enter the password of your existing AQP account' }]);
  const weakness = account ? undefined : passwordProblem(input.password, existing);
  if (weakness) throw validationFailed([{ field: 'password', message: weakness }]);
  const passwordHash = account ? null : await hashPassword(input.password);
  return deps.db.transaction().execute(async (trx) => {
    const invitation = await findInvitationByHash(trx, hashInvitationToken(token), { forUpdate: true });
    const state = invitation ? invitationState(invitation, deps.clock.now()) : 'revoked';
    if (!invitation || state !== 'open') throw new DomainError('invalid-transition', REFUSALS[state === 'open' ? 'revoked' : state]);
    const userId =
      account?.id ?? (await insertUser(trx, { email: invitation.email, displayName: invitation.displayName, passwordHash: passwordHash! }));
    const role = invitation.role as Role;
    await insertMembership(trx, { userId, organisationId: invitation.organisationId, role });
    await markInvitationAccepted(trx, invitation.id, deps.clock.now());
    await recordAudit(
      trx,
      { ...context, principal: null },
      {
        action: 'invitation.accept',
        entityType: 'invitation',
        entityId: invitation.id,
        details: { userId, organisationId: invitation.organisationId, role, newAccount: !account },
      },
    );
    return { userId, organisationId: invitation.organisationId, role };
  });
}
