/** Demo seeds act as real demo people, through the same services, so the demo's history and audit read like real use. */
import { DomainError } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import type { ActionContext } from './principal.ts';
import type { Role } from './roles.rules.ts';

/** The first person holding a role (in an organisation, or with an e-mail address), as an action context. */
export async function demoActor(deps: Deps, who: { role: Role; organisationId?: string; email?: string }): Promise<ActionContext | undefined> {
  let query = deps.db.selectFrom('users as u').innerJoin('memberships as m', 'm.user_id', 'u.id').innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select(['u.id', 'u.display_name', 'o.id as organisation_id', 'o.name']).where('m.role', '=', who.role).orderBy('u.created_at');
  if (who.organisationId) query = query.where('m.organisation_id', '=', who.organisationId);
  if (who.email) query = query.where('u.email', '=', who.email);
  const row = await query.executeTakeFirst();
  return row && { principal: { kind: 'user', userId: row.id, displayName: row.display_name, organisationId: row.organisation_id, organisationName: row.name, role: who.role }, clientAddress: null };
}

/** The same, for seeds that cannot go on without that person. */
export async function requiredDemoActor(deps: Deps, who: { role: Role; organisationId?: string; email?: string }): Promise<ActionContext> {
  const actor = await demoActor(deps, who);
  if (!actor) throw new DomainError('not-found', `The demo account ${who.email ?? ''} (${who.role}) is missing; seed the demo region first`.replace('  ', ' '));
  return actor;
}
