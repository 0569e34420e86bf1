/** The role × route matrix: which request each caller makes of each route, and whether the answer is one the spec allows. */
import type { LightMyRequestResponse } from 'fastify';
import type { Access } from './access-spec.ts';
import type { AccessWorld, Caller } from './access-world.ts';
import type { RegisteredRoute } from './route-catalogue.ts';

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

/** Null when the answer is one the spec allows, else why not. */
export function disallowedBecause(request: MatrixRequest, response: LightMyRequestResponse): string | null {
  const { route, expectation } = request;
  const status = response.statusCode;
  if (status >= 500) return 'a server error';
  switch (expectation) {
    case 'refused-anonymous':
      if (route.isApi) return status === 401 ? null : 'an anonymous API call must get 401';
      return status === 303 && String(response.headers.location).startsWith('/sign-in') ? null : 'an anonymous visitor must be sent to sign in';
    case 'refused-role':
      return status === 403 ? null : 'a role the route does not admit must get 403';
    case 'refused-stranger':
      if ([403, 404].includes(status)) return null;
      if (route.isApi && isWrite(route.method) && [400, 422].includes(status)) return null;
      return 'another organisation’s object must be refused with 403 or 404';
    case 'allowed':
      if (isWrite(route.method)) return null;
      return status < 400 ? null : 'an admitted role must be shown what it asked for';
  }
}

/** Sends the request as the caller would: pages with the session and a valid CSRF token, the API with the caller's key. */
export async function send(world: AccessWorld, request: MatrixRequest): Promise<LightMyRequestResponse> {
  const { route, caller, url } = request;
  if (!route.isApi) return route.method === 'GET' ? caller.web.get(url) : caller.web.post(url, { _csrf: caller.csrfToken });
  const headers: Record<string, string> = caller.apiKey ? { authorization: `Bearer ${caller.apiKey}` } : {};
  if (!route.bodySchema) return world.t.app.inject({ method: route.method as 'GET', url, headers });
  return world.t.app.inject({ method: route.method as 'POST', url, headers: { ...headers, 'content-type': 'application/json' }, payload: '{}' });
}

/** Describes a disallowed answer for the failure list. */
export function describeFailure(request: MatrixRequest, response: LightMyRequestResponse, reason: string): string {
  const where = response.headers.location ? ` → ${String(response.headers.location)}` : '';
  return `${request.caller.role} ${request.route.method} ${request.url}: got ${response.statusCode}${where}; ${reason}`;
}
