/** Who may act on an activity line's query (decision 0045): the commissioner's finance users, and the provider's admins and clinicians. */
import type { Principal } from '../identity/principal.ts';

/** The two sides of a query: the commissioner that pays for the line (or the one above it), and the provider that sent it. */
export type QuerySide = 'commissioner' | 'provider';

/** The organisations a line or query belongs to. */
export interface LineParties {
  providerId: string;
  commissionerId: string | null;
  commissionerParentId: string | null;
}

const PROVIDER_ROLES: readonly string[] = ['provider-admin', 'provider-clinician'];

/** The side the principal acts on: finance users of the paying commissioner or the commissioner above it, or the provider's own people; else none. */
export function querySideOf(principal: Principal | null, parties: LineParties): QuerySide | null {
  if (!principal) return null;
  if (PROVIDER_ROLES.includes(principal.role)) return principal.organisationId === parties.providerId ? 'provider' : null;
  if (principal.role !== 'commissioner-finance' || !parties.commissionerId) return null;
  const payers = [parties.commissionerId, parties.commissionerParentId];
  return payers.includes(principal.organisationId) ? 'commissioner' : null;
}

/** Whether the principal's role works queries at all (before any line is named): finance users and provider staff. */
export function mayWorkQueries(principal: Principal | null): principal is Principal {
  return !!principal && (principal.role === 'commissioner-finance' || PROVIDER_ROLES.includes(principal.role));
}
