/** Browser sessions: who a session acts as, and the server-side session records the session plugin reads and writes. */
import type { Deps } from '../deps.ts';
import type { UserPrincipal } from './principal.ts';
import type { Role } from './roles.rules.ts';
import { findActiveMembership } from './user.repo.ts';
import { deleteExpiredSessions, deleteSession, readSession, writeSession } from './web-session.repo.ts';

/** The person a session acts as, only while the account is active and still holds the chosen membership; null otherwise. */
export async function userPrincipalOf(
  deps: Deps,
  user: { userId: string; organisationId: string; role: Role },
): Promise<UserPrincipal | null> {
  const membership = await findActiveMembership(deps.db, user);
  if (!membership) return null;
  return {
    kind: 'user',
    userId: user.userId,
    displayName: membership.displayName,
    organisationId: user.organisationId,
    organisationName: membership.organisationName,
    role: user.role,
  };
}

/** A session's stored data, unless it has expired. */
export async function readWebSession(deps: Deps, id: string): Promise<unknown | undefined> {
  return readSession(deps.db, id, deps.clock.now());
}

/** Stores a session's data until it expires, so any web node can serve the next request. */
export async function saveWebSession(deps: Deps, id: string, data: unknown, expiresAt: Date): Promise<void> {
  await writeSession(deps.db, id, data, expiresAt);
}

/** Ends a session at once (signing out, or a fresh session after signing in). */
export async function endWebSession(deps: Deps, id: string): Promise<void> {
  await deleteSession(deps.db, id);
}

/** Removes expired sessions; run on start-up and every 15 minutes. */
export async function sweepExpiredWebSessions(deps: Deps): Promise<number> {
  return deleteExpiredSessions(deps.db, deps.clock.now());
}
