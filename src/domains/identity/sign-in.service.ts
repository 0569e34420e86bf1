/** Signing in with email and password: one vague message for any mismatch, per-account back-off, every attempt audited. */
import { validationFailed } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import { recordAudit } from './audit.repo.ts';
import type { ActionContext } from './principal.ts';
import { lockedOut, verifyThrottled } from './sign-in-throttle.service.ts';
import { findUserByEmail, markSignedIn, type MembershipView, membershipsOf } from './user.repo.ts';

export interface SignedInUser {
  userId: string;
  displayName: string;
  memberships: MembershipView[];
}

const MISMATCH = 'Enter a correct email address and password';

/** Checks credentials; succeeds only for an active account with at least one membership, and never while the email is locked. */
export async function signIn(deps: Deps, context: ActionContext, input: { email: string; password: string }): Promise<SignedInUser> {
  const email = input.email.trim();
  const missing = [];
  if (!email) missing.push({ field: 'email', message: 'Enter your email address' });
  if (!input.password) missing.push({ field: 'password', message: 'Enter your password' });
  if (missing.length) throw validationFailed(missing);

  const user = await findUserByEmail(deps.db, email);
  const check = await verifyThrottled(
    deps,
    { email, clientAddress: context.clientAddress },
    user?.passwordHash ?? undefined,
    input.password,
  );
  if (check.outcome === 'locked') {
    await recordAudit(deps.db, context, {
      action: 'sign-in',
      outcome: 'denied',
      entityType: 'user',
      entityId: user?.id ?? null,
      details: { reason: 'account-locked' },
    });
    throw lockedOut(check.minutes);
  }
  const passwordMatches = check.outcome === 'match';
  const memberships = user && passwordMatches && user.isActive ? await membershipsOf(deps.db, user.id) : [];
  if (!user || !passwordMatches || !user.isActive || memberships.length === 0) {
    await recordAudit(deps.db, context, {
      action: 'sign-in',
      outcome: 'failure',
      entityType: 'user',
      entityId: user?.id ?? null,
      details: { reason: !user ? 'unknown-email' : !passwordMatches ? 'wrong-password' : 'inactive-or-no-role' },
    });
    throw validationFailed([{ field: 'email', message: MISMATCH }], MISMATCH);
  }
  await deps.db.transaction().execute(async (trx) => {
    await markSignedIn(trx, user.id, deps.clock.now());
    await recordAudit(trx, context, { action: 'sign-in', entityType: 'user', entityId: user.id });
  });
  return { userId: user.id, displayName: user.displayName, memberships };
}
