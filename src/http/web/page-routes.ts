/** Route tables for pages: each area lists its pages as data (method, path, who may see it, handler), so a file reads as a list of pages. */
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';

/** A page handler: reads the request and renders or redirects. */
export type PageHandler = (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;

/** Route options besides method, path and handler (roles in `config`, rate limits, body limits). */
export type PageOptions = Omit<RouteOptions, 'method' | 'url' | 'handler'>;

/** One page route. */
export type PageRoute = RouteOptions;

/** A GET page. */
export function get(url: string, handler: PageHandler, options: PageOptions = {}): PageRoute {
  return { ...options, method: 'GET', url, handler };
}

/** A POST form submission. */
export function post(url: string, handler: PageHandler, options: PageOptions = {}): PageRoute {
  return { ...options, method: 'POST', url, handler };
}

/** Registers a list of page routes, in order. */
export function registerPages(app: FastifyInstance, routes: readonly PageRoute[]): void {
  for (const route of routes) app.route(route);
}
