/** Who is acting: a signed-in person in one of their roles, or a system holding an API key. */
import type { Role } from './roles.rules.ts';

export interface UserPrincipal {
  kind: 'user';
  userId: string;
  displayName: string;
  organisationId: string;
  organisationName: string;
  role: Role;
}

export interface ApiKeyPrincipal {
  kind: 'api-key';
  apiKeyId: string;
  name: string;
  organisationId: string;
  organisationName: string;
  role: Role;
}

export type Principal = UserPrincipal | ApiKeyPrincipal;

/** The request facts every audited action carries besides the principal. */
export interface ActionContext {
  principal: Principal | null;
  clientAddress: string | null;
}
