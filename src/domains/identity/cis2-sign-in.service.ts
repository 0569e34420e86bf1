/** Signing in through NHS CIS2: the provider has proved who the person is; we decide what they may do here from their National RBAC roles (decision 0065), and audit either way. */
import type { Deps } from '../deps.ts';
import { recordAudit } from './audit.repo.ts';
import { type Cis2Identity, type Cis2Refusal, cis2IdentityFrom, membershipsFromRoles } from './cis2-membership.rules.ts';
import {
  findFederatedUser,
  insertFederatedUser,
  organisationsByOdsCodes,
  replaceCis2Memberships,
  updateFederatedName,
} from './federated-identity.repo.ts';
import type { ActionContext } from './principal.ts';
import type { Role } from './roles.rules.ts';
import { markSignedIn } from './user.repo.ts';

/** Why a CIS2 sign-in was refused, for the page that explains it. */
export type Cis2SignInRefusal = { reason: Cis2Refusal | 'account-disabled' | 'no-subject'; roleNames: string[] };

export type Cis2SignIn =
  { ok: true; userId: string; selected: { organisationId: string; role: Role } | null } | ({ ok: false } & Cis2SignInRefusal);

/** Signs in the person the provider vouched for, creating their account on first sign-in and bringing its CIS2 memberships up to date; refuses (audited) an unknown organisation, an unmapped role or a disabled account. */
export async function signInWithCis2(
  deps: Deps,
  context: ActionContext,
  issuer: string,
  claims: Record<string, unknown>,
): Promise<Cis2SignIn> {
  const identity = cis2IdentityFrom(claims);
  if (!identity) return refuse(deps, context, { reason: 'no-subject', roleNames: [] }, undefined);
  const organisations = await organisationsByOdsCodes(
    deps.db,
    identity.roles.map((role) => role.orgCode),
  );
  const kinds = new Map([...organisations].map(([odsCode, organisation]) => [odsCode, organisation.kind]));
  const outcome = membershipsFromRoles(identity, kinds);
  if (!outcome.ok) return refuse(deps, context, outcome, identity);
  const existing = await findFederatedUser(deps.db, { issuer, subject: identity.subject });
  if (existing && !existing.isActive) return refuse(deps, context, { reason: 'account-disabled', roleNames: [] }, identity);
  const selected = outcome.selected && { organisationId: organisations.get(outcome.selected.odsCode)!.id, role: outcome.selected.role };
  const userId = await deps.db.transaction().execute(async (trx) => {
    const id =
      existing?.userId ??
      (await insertFederatedUser(trx, { issuer, subject: identity.subject, displayName: identity.displayName, email: identity.email }));
    if (existing) await updateFederatedName(trx, id, identity.displayName);
    const granted = outcome.memberships.map((m) => ({ organisationId: organisations.get(m.odsCode)!.id, role: m.role }));
    await replaceCis2Memberships(trx, id, granted);
    await markSignedIn(trx, id, deps.clock.now());
    await recordAudit(trx, context, {
      action: 'sign-in',
      entityType: 'user',
      entityId: id,
      details: { method: 'cis2', firstSignIn: !existing, memberships: outcome.memberships, selectedRoleId: identity.selectedRoleId },
    });
    return id;
  });
  return { ok: true, userId, selected };
}

async function refuse(
  deps: Deps,
  context: ActionContext,
  refusal: Cis2SignInRefusal,
  identity: Cis2Identity | undefined,
): Promise<Cis2SignIn> {
  await recordAudit(deps.db, context, {
    action: 'sign-in',
    outcome: 'denied',
    entityType: 'user',
    entityId: null,
    details: {
      method: 'cis2',
      reason: refusal.reason,
      subject: identity?.subject ?? null,
      roles: identity?.roles.map((role) => ({ orgCode: role.orgCode, roleCode: role.roleCode, personRoleId: role.personRoleId })) ?? [],
      selectedRoleId: identity?.selectedRoleId ?? null,
    },
  });
  return { ok: false, reason: refusal.reason, roleNames: refusal.roleNames };
}
