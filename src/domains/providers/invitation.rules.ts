/** Invitation tokens: random, single use, kept only as a hash, valid for seven days. */
import { createHash, randomBytes } from 'node:crypto';

export const INVITATION_DAYS = 7;
export const INVITABLE_ROLES = ['provider-admin', 'provider-clinician'] as const;
export type InvitableRole = (typeof INVITABLE_ROLES)[number];

/** A new token (256 random bits, URL-safe) with the hash that is stored instead of it. */
export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashInvitationToken(token) };
}

/** The stored form of a token: its SHA-256, so a database leak reveals no usable link. */
export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** When an invitation made at `at` stops working. */
export function invitationExpiry(at: Date): Date {
  return new Date(at.getTime() + INVITATION_DAYS * 24 * 60 * 60 * 1000);
}

export type InvitationState = 'open' | 'accepted' | 'revoked' | 'expired';

/** Where an invitation stands at an instant: used and revoked win over expired. */
export function invitationState(
  invitation: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now: Date,
): InvitationState {
  if (invitation.acceptedAt) return 'accepted';
  if (invitation.revokedAt) return 'revoked';
  return invitation.expiresAt.getTime() <= now.getTime() ? 'expired' : 'open';
}

/** Why a link no longer works, in words the invitee can act on. */
export const REFUSALS: Record<Exclude<InvitationState, 'open'>, string> = {
  accepted: 'This invitation has already been used. Sign in with the account it created.',
  revoked: 'This invitation has been withdrawn. Ask your provider administrator to invite you again.',
  expired: `This invitation has expired: links work for ${INVITATION_DAYS} days. Ask your provider administrator to invite you again.`,
};
