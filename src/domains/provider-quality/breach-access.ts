/** Who works a breach (decisions 0056, 0060): commissioners of the organisation leading the offer or of the ICB it is a place of, and the provider's own administrators and clinicians. */
import type { Principal } from '../identity/principal.ts';

/** The two sides of a breach. */
export type BreachSide = 'commissioner' | 'provider';

const PROVIDER_ROLES: readonly string[] = ['provider-admin', 'provider-clinician'];

/** The side the principal is on for this breach, or null: to anyone else the breach does not exist. */
export function breachSideOf(
  principal: Principal | null,
  breach: { provider: { id: string }; commissioner: { id: string; parentId?: string | null } },
): BreachSide | null {
  if (!principal) return null;
  if (principal.role === 'commissioner' && [breach.commissioner.id, breach.commissioner.parentId].includes(principal.organisationId))
    return 'commissioner';
  if (PROVIDER_ROLES.includes(principal.role) && principal.organisationId === breach.provider.id) return 'provider';
  return null;
}

/** Whether the principal's role works breaches at all (before any breach is named). */
export function mayWorkBreaches(principal: Principal | null): principal is Principal {
  return !!principal && (principal.role === 'commissioner' || PROVIDER_ROLES.includes(principal.role));
}
