/** The role × route matrix: which request each caller makes of each route, and whether the answer is one the spec allows. */
import type { LightMyRequestResponse } from 'fastify';
import type { Access } from './access-spec.ts';
import type { AccessWorld, Caller } from './access-world.ts';
import { type RegisteredRoute, routeKey } from './route-catalogue.ts';
import { VALID_BODIES } from './access-spec.api.ts';
import { type BodySchema, validBody } from './valid-body.ts';

/** What the spec expects: a refusal (and nothing written), or an answer that is not a server error. */
export type Expectation = 'refused-anonymous' | 'refused-role' | 'refused-stranger' | 'allowed';

export interface MatrixRequest {
  route: RegisteredRoute;
  caller: Caller;
  url: string;
  expectation: Expectation;
}

/** What the spec says this caller must get from this route (every object in a path belongs to another organisation). */
export function expectationFor(route: RegisteredRoute, access: Access, caller: Caller): Expectation {
  if (access.kind === 'public' || !route.roles) return 'allowed';
  if (caller.role === 'anonymous') return 'refused-anonymous';
  if (!route.roles.includes(caller.role)) return 'refused-role';
  if (access.kind === 'roles' && access.refused.includes(caller.role)) return 'refused-role';
  if (access.kind === 'own-organisation' && !access.everywhere.includes(caller.role)) return 'refused-stranger';
  return 'allowed';
}

const isWrite = (method: string): boolean => method !== 'GET';
/** Fixes the text generated for patterned strings, so every run sends the same bodies. */
const BODY_SEED = 20261206;
/**
 * What an admitted role may get from a write it is allowed to make: done, or refused for the input, the object's state
 * or the public forms' rate limit (per address, and every caller here shares one), never for who it is.
 */
const ALLOWED_WRITE_STATUSES = new Set([400, 404, 409, 422, 429]);

/**
 * API writes whose valid-looking body is still refused for its shape before anyone's access is checked, so a stranger's
 * 400 is not proof of refusal there; each names why, so the gap is visible. Empty: every API write is proven.
 */
export const SHAPE_BEFORE_ACCESS: Record<string, string> = {};

/** Null when the answer is one the spec allows, else why not. */
export function disallowedBecause(request: MatrixRequest, response: LightMyRequestResponse): string | null {
  const { route, expectation } = request;
  const status = response.statusCode;
  if (status >= 500) return 'a server error';
  switch (expectation) {
    case 'refused-anonymous':
      if (route.isApi) return status === 401 ? null : 'an anonymous API call must get 401';
      return status === 303 && String(response.headers.location).startsWith('/sign-in')
        ? null
        : 'an anonymous visitor must be sent to sign in';
    case 'refused-role':
      return status === 403 ? null : 'a role the route does not admit must get 403';
    case 'refused-stranger':
      if ([403, 404].includes(status)) return null;
      if (status === 400 && SHAPE_BEFORE_ACCESS[routeKey(route)]) return null;
      return 'another organisation’s object must be refused with 403 or 404, even when the body is valid';
    case 'allowed':
      if (isWrite(route.method))
        return status < 400 || ALLOWED_WRITE_STATUSES.has(status) ? null : 'an admitted role must not be refused a write it is allowed';
      return status < 400 ? null : 'an admitted role must be shown what it asked for';
  }
}

/** Sends the request as the caller would: pages with the session and a valid CSRF token, the API with the caller's key. */
export async function send(world: AccessWorld, request: MatrixRequest): Promise<LightMyRequestResponse> {
  const { route, caller, url } = request;
  if (!route.isApi) return route.method === 'GET' ? caller.web.get(url) : caller.web.post(url, { _csrf: caller.csrfToken });
  const headers: Record<string, string> = caller.apiKey ? { authorization: `Bearer ${caller.apiKey}` } : {};
  if (!route.bodySchema) return world.t.app.inject({ method: route.method as 'GET', url, headers });
  return world.t.app.inject({
    method: route.method as 'POST',
    url,
    headers: { ...headers, 'content-type': 'application/json' },
    payload: JSON.stringify(bodyFor(route)),
  });
}

/** A body the route accepts, so only access can refuse the request: the spec's own where the schema is not enough. */
function bodyFor(route: RegisteredRoute): unknown {
  return VALID_BODIES[routeKey(route)]?.body ?? validBody(route.bodySchema as BodySchema, BODY_SEED);
}

/** Describes a disallowed answer for the failure list. */
export function describeFailure(request: MatrixRequest, response: LightMyRequestResponse, reason: string): string {
  const where = response.headers.location ? ` → ${String(response.headers.location)}` : '';
  const said = request.route.isApi && response.statusCode >= 400 ? ` (${problemIn(response.body)})` : '';
  return `${request.caller.role} ${request.route.method} ${request.url}: got ${response.statusCode}${where}${said}; ${reason}`;
}

/** The problem's detail and field errors, short enough for a failure line. */
function problemIn(body: string): string {
  try {
    const problem = JSON.parse(body) as { detail?: string; errors?: unknown };
    return `${problem.detail ?? ''} ${JSON.stringify(problem.errors ?? '')}`.slice(0, 240);
  } catch {
    return body.slice(0, 120);
  }
}
