/** Demo seeds act as real demo people, through the same services, so the demo's history and audit read like real use. */
import type { Deps } from '../domains/deps.ts';
import type { ActionContext } from '../domains/identity/principal.ts';
import type { Role } from '../domains/identity/roles.rules.ts';
import { firstMemberWithRole } from '../domains/identity/user.repo.ts';
import { DomainError } from '../lib/errors.ts';

/** The first person holding a role (in an organisation, or with an e-mail address), as an action context. */
export async function demoActor(
  deps: Deps,
  who: { role: Role; organisationId?: string; email?: string },
): Promise<ActionContext | undefined> {
  const member = await firstMemberWithRole(deps.db, who);
  return member && { principal: { kind: 'user', ...member, role: who.role }, clientAddress: null };
}

/** The same, for seeds that cannot go on without that person. */
export async function requiredDemoActor(deps: Deps, who: { role: Role; organisationId?: string; email?: string }): Promise<ActionContext> {
  const actor = await demoActor(deps, who);
  if (!actor)
    throw new DomainError(
      'not-found',
      `The demo account ${who.email ?? ''} (${who.role}) is missing; seed the demo region first`.replace('  ', ' '),
    );
  return actor;
}
