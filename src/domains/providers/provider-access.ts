/** Who may read and change a provider's records: its own people read, its administrators change, the national centre verifies. */
import { DomainError } from '../../lib/errors.ts';
import type { Executor } from '../../db/executor.ts';
import { findOrganisationById } from '../identity/organisation.repo.ts';
import type { ActionContext, Principal } from '../identity/principal.ts';

const PROVIDER_ROLES = ['provider-admin', 'provider-clinician'];

/** The provider organisation the principal acts for; anyone else is refused. */
export function ownProviderOf(context: ActionContext): string {
  const principal = context.principal;
  if (!principal || !PROVIDER_ROLES.includes(principal.role)) throw new DomainError('forbidden', 'Only people at a provider can see this');
  return principal.organisationId;
}

/** The provider organisation a provider administrator changes; clinicians read but may not change. */
export function administeredProviderOf(context: ActionContext): string {
  const organisationId = ownProviderOf(context);
  if (context.principal?.role !== 'provider-admin')
    throw new DomainError('forbidden', 'Only your organisation’s provider administrators can change this');
  return organisationId;
}

/** The national qualification centre: national administrators and assessors who work for a national body. */
export async function isVerifier(db: Executor, principal: Principal | null): Promise<boolean> {
  if (principal?.role === 'national-admin') return true;
  if (principal?.role !== 'assessor') return false;
  return (await findOrganisationById(db, principal.organisationId))?.kind === 'national';
}

/** Refuses anyone who is not the national qualification centre. */
export async function assertVerifier(db: Executor, context: ActionContext): Promise<void> {
  if (!(await isVerifier(db, context.principal)))
    throw new DomainError('forbidden', 'Only the national qualification centre can verify assurance evidence');
}

/** The acting person's user id, when a person (not an API key) acts. */
export function actingUser(context: ActionContext): string | null {
  return context.principal?.kind === 'user' ? context.principal.userId : null;
}
