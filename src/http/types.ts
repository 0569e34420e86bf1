/** What the HTTP layer adds to each request: the acting principal and the facts an audit row needs. */
import type { ActionContext, Principal } from '../domains/identity/principal.ts';
import type { Role } from '../domains/identity/roles.rules.ts';

/** What a signed-in browser session remembers: who, and which of their memberships they act in. */
export interface SessionUser {
  userId: string;
  organisationId: string;
  role: Role;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The configured public address (AQP_PUBLIC_BASE_URL), or null to use the address each request came to. */
    publicBaseUrl: string | null;
  }
  interface FastifyRequest {
    principal: Principal | null;
    /** The principal and client address, for services that audit. */
    actionContext(): ActionContext;
  }
  interface FastifyReply {
    /** Renders a page from src/views with the layout's shared context. */
    render(template: string, context?: Record<string, unknown>): FastifyReply;
    /** A part of a page as HTML, from its own context only (no layout context: no session, no CSRF token). */
    renderFragment(template: string, context: Record<string, unknown>): string;
    /** A whole page as HTML for everyone who is not signed in: the layout's context without a CSRF token, so it holds no form that posts. */
    renderShared(template: string, context: Record<string, unknown>): string;
  }
  interface FastifyContextConfig {
    /** Roles allowed on this route; absent means public. */
    roles?: readonly Role[];
    /** Set false on the rare form that is protected another way (sign-out checks the origin instead). */
    csrf?: boolean;
  }
}

declare module '@fastify/session' {
  interface FastifySessionObject {
    user?: SessionUser;
    /** The flash message shown once on the next page, e.g. after revoking a key. */
    flash?: string;
    /** A person who has signed in but not yet chosen which membership to act in. */
    pendingUserId?: string;
  }
}
