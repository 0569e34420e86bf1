/**
 * The access spec the role × route matrix holds the app to: for every route, who may use it and whether strangers
 * may reach other organisations' objects through it. Which roles pass a route's gate is the route's own `config.roles`;
 * this spec records the decisions the config cannot: which routes are meant to be public, and where national roles
 * see every organisation's objects. A route missing here fails the matrix, so each new route gets a decision.
 */
import type { Role } from '../../src/domains/identity/roles.rules.ts';

export type Access =
  /** Anyone, signed in or not; objects named in the path are public (a published offer, a directory entry). */
  | { kind: 'public' }
  /**
   * Only the route's roles; nothing of another organisation's is named in the path (at most a kind or a service code).
   * `refused` are admitted by the gate but refused by the service for where the stranger playing them works.
   */
  | { kind: 'roles'; refused: readonly Role[] }
  /** Only the route's roles, and only for their own organisation's objects, except `everywhere`, who act nationally. */
  | { kind: 'own-organisation'; everywhere: readonly Role[] };

export const PUBLIC: Access = { kind: 'public' };
export const ROLES: Access = { kind: 'roles', refused: [] };
export const OWN: Access = { kind: 'own-organisation', everywhere: [] };

/** Own-organisation objects, except for these roles, whose remit is national (PRODUCT.md §2). */
export function nationally(...everywhere: Role[]): Access {
  return { kind: 'own-organisation', everywhere };
}

/** Only the route's roles, but the service refuses these unless they work nationally (an ICB's assessor on national assurance). */
export function nationalCentreOnly(...refused: Role[]): Access {
  return { kind: 'roles', refused };
}
