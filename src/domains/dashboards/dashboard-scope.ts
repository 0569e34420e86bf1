/** Whose figures a dashboard shows (decision 0058): a commissioner with its places, a provider, or the whole country for national users. */
import { DomainError } from '../../lib/errors.ts';
import type { ActionContext } from '../identity/principal.ts';
import type { Role } from '../identity/roles.rules.ts';

export type DashboardScope =
  { kind: 'commissioner'; commissionerId: string } | { kind: 'provider'; providerId: string } | { kind: 'national' };

/** The roles that see each dashboard (PRODUCT.md §2: commissioners monitor quality and budget, providers their own, national admins uptake). */
export const DASHBOARD_ROLES = {
  commissioner: ['commissioner', 'commissioner-finance'],
  provider: ['provider-admin', 'provider-clinician'],
  national: ['national-admin'],
} as const satisfies Record<DashboardScope['kind'], readonly Role[]>;

/** The scope of the dashboard of `kind` for the principal; anyone else is refused. */
export function dashboardScopeOf<K extends DashboardScope['kind']>(context: ActionContext, kind: K): Extract<DashboardScope, { kind: K }> {
  const principal = context.principal;
  if (!principal || !(DASHBOARD_ROLES[kind] as readonly Role[]).includes(principal.role))
    throw new DomainError('forbidden', `Your role does not see the ${kind} dashboard`);
  const scopes: { [P in DashboardScope['kind']]: Extract<DashboardScope, { kind: P }> } = {
    commissioner: { kind: 'commissioner', commissionerId: principal.organisationId },
    provider: { kind: 'provider', providerId: principal.organisationId },
    national: { kind: 'national' },
  };
  return scopes[kind];
}
