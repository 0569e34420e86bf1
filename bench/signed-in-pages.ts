/**
 * Every signed-in page of the demo: each GET page route whose config admits roles, opened as the demo user of each admitted
 * role, with its ids filled by the access tests' resolver (the demo ICB's, provider's and practice's own objects).
 */
import type { Kysely } from 'kysely';
import type { RouteOptions } from 'fastify';
import type { Database } from '../src/db/schema.ts';
import type { Role } from '../src/domains/identity/roles.rules.ts';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/demo/region.demo-seed.ts';
import { objectResolver } from '../test/support/object-ids.ts';
import { sessionCookie } from './signed-in-session.ts';

export interface PageRoute {
  url: string;
  roles: readonly Role[];
}

export interface SignedInPage {
  /** The route as registered (`GET /offers/:id`) and the role whose demo user opens it. */
  route: string;
  role: Role;
  url: string;
  cookie: string;
}

export interface PageCatalogue {
  pages: SignedInPage[];
  /** Route and role pairs that answered something other than an HTML page (a redirect, a refusal), with the status. */
  skipped: string[];
}

/** An onRoute hook collecting GET page routes (not the API, FHIR or Open Referral, not CSV files) that only signed-in roles may open. */
export function pageRouteCollector(): { onRoute(route: RouteOptions): void; routes: PageRoute[] } {
  const routes: PageRoute[] = [];
  const onRoute = (route: RouteOptions): void => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const roles = route.config?.roles as readonly Role[] | undefined;
    if (!methods.includes('GET') || !roles?.length) return;
    if (/^\/(api|fhir|openreferral)\//.test(route.url) || route.url.endsWith('.csv')) return;
    if (!routes.some((seen) => seen.url === route.url)) routes.push({ url: route.url, roles });
  };
  return { onRoute, routes };
}

/** Signs in one demo user per role (the first listed for it), so each role's pages are seen through its own session. */
async function cookiesByRole(base: string): Promise<Map<Role, string>> {
  const cookies = new Map<Role, string>();
  for (const user of DEMO_USERS) if (!cookies.has(user.role)) cookies.set(user.role, await sessionCookie(base, user.email, DEMO_PASSWORD));
  return cookies;
}

/** Opens every route as every admitted role once; keeps those that answer 200 with HTML (a page), and says why the others were left out. */
export async function signedInPages(db: Kysely<Database>, base: string, routes: readonly PageRoute[]): Promise<PageCatalogue> {
  const resolve = await objectResolver(db, 'no-invitation');
  const cookies = await cookiesByRole(base);
  const pages: SignedInPage[] = [];
  const skipped: string[] = [];
  for (const route of routes) {
    for (const role of route.roles) {
      const cookie = cookies.get(role);
      if (!cookie) continue;
      const url = resolve('GET', route.url);
      const response = await fetch(`${base}${url}`, { headers: { cookie }, redirect: 'manual' });
      await response.arrayBuffer();
      const html = response.headers.get('content-type')?.startsWith('text/html');
      if (response.status === 200 && html) pages.push({ route: `GET ${route.url}`, role, url, cookie });
      else skipped.push(`${role} GET ${url}: ${response.status} ${response.headers.get('content-type') ?? ''}`.trim());
    }
  }
  return { pages, skipped };
}
