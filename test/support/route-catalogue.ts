/** Collects every route the app registers (through Fastify's onRoute hook) so access and input tests cover new routes unasked. */
import type { RouteOptions } from 'fastify';
import type { Role } from '../../src/domains/identity/roles.rules.ts';

export interface RegisteredRoute {
  method: string;
  url: string;
  /** The roles the route's config admits; undefined means the route is public. */
  roles: readonly Role[] | undefined;
  /** False on the rare form protected another way than a CSRF token. */
  csrf: boolean;
  bodySchema: unknown;
  isApi: boolean;
}

/** `METHOD url`, the key the access spec and reports use. */
export function routeKey(route: { method: string; url: string }): string {
  return `${route.method} ${route.url}`;
}

/** An onRoute hook and the list it fills; HEAD is left out because Fastify answers it with the GET handler. */
export function routeCollector(): { onRoute(route: RouteOptions): void; routes: RegisteredRoute[] } {
  const routes: RegisteredRoute[] = [];
  const onRoute = (route: RouteOptions): void => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods.filter((each) => each !== 'HEAD')) {
      if (routes.some((seen) => seen.method === method && seen.url === route.url)) continue;
      routes.push({
        method,
        url: route.url,
        roles: route.config?.roles,
        csrf: route.config?.csrf !== false,
        bodySchema: route.schema?.body,
        isApi: route.url.startsWith('/api/') || route.url.startsWith('/fhir/'),
      });
    }
  };
  return { onRoute, routes };
}

/** The names of a route's path parameters, in order (`/offers/:id/items/:itemId` gives id and itemId; `*` gives `*`). */
export function pathParams(url: string): string[] {
  return [...url.matchAll(/:(\w+)|\*/g)].map((match) => match[1] ?? '*');
}
