/** Anonymous reads of public pages and the open-data API: a per-address limit, and caching headers where the answer is the same for everyone. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { addressGroupOf } from '../../lib/client-address.ts';
import { DomainError } from '../../lib/errors.ts';

/** How long browsers and shared caches may reuse a public answer: five minutes, so a suspended provider leaves the directory soon. */
export const PUBLIC_MAX_AGE_SECONDS = 300;

/**
 * The routes whose answer to an anonymous reader depends on nothing but the address asked. Of the pages, only the public directory's,
 * which hold no form that posts: a page that prints a CSRF token starts a session and sets a cookie, and is then never cached.
 */
const PUBLIC_ANSWERS = new Set([
  '/api/v1/services',
  '/api/v1/services/:code',
  '/api/v1/offers',
  '/api/v1/offers/:id',
  '/api/v1/offers/:id/prices',
  '/api/v1/directory',
  '/api/v1/directory/providers/:code',
  '/api/v1/map',
  '/map.csv',
  '/openreferral',
  '/openreferral/',
  '/openreferral/services',
  '/openreferral/services/:id',
  '/openreferral/service_at_locations',
  '/openreferral/service_at_locations/:id',
  '/openreferral/organizations',
  '/openreferral/organizations/:id',
  '/openreferral/taxonomies',
  '/openreferral/taxonomies/:id',
  '/openreferral/taxonomy_terms',
  '/openreferral/taxonomy_terms/:id',
  '/directory',
  '/directory/providers/:code',
]);

/**
 * Assets and health checks are not reads of content: one page loads several assets, and probes must always get through. The sign-in
 * page is not counted either: staff behind one shared NHS network address must always reach it, and sign-in attempts have their own limits.
 */
const NOT_COUNTED = /^\/(nhsuk\/|static\/|health\/|sign-in(\?|$))/;

/** How many address groups the in-memory counters hold: far more than the library's 5,000, so someone rotating addresses cannot push everyone else's counters out. */
const COUNTED_ADDRESSES = 100_000;

function isAnonymousRead(request: FastifyRequest): boolean {
  return (request.method === 'GET' || request.method === 'HEAD') && !request.principal && !request.routeOptions.config.roles;
}

/** True for an anonymous read of a public page or open-data endpoint, which counts against the address's limit. */
function countsAgainstLimit(request: FastifyRequest): boolean {
  return isAnonymousRead(request) && request.routeOptions.url !== undefined && !NOT_COUNTED.test(request.url);
}

/** True for a successful anonymous answer that is the same for everyone who asks the address. */
function isPublicAnswer(request: FastifyRequest, reply: FastifyReply): boolean {
  return (
    isAnonymousRead(request) &&
    reply.statusCode === 200 &&
    PUBLIC_ANSWERS.has(request.routeOptions.url ?? '') &&
    !reply.hasHeader('set-cookie')
  );
}

/** Sets Cache-Control: public for anonymous public answers, private and unstored for everything else, so no shared cache keeps anything personal. */
function setCaching(request: FastifyRequest, reply: FastifyReply): void {
  if (reply.hasHeader('cache-control')) return;
  if (!isPublicAnswer(request, reply)) {
    reply.header('cache-control', 'private, no-store');
    return;
  }
  const vary = reply.getHeader('vary');
  reply
    .header('cache-control', `public, max-age=${PUBLIC_MAX_AGE_SECONDS}`)
    .header('vary', vary ? `${String(vary)}, Cookie, Authorization` : 'Cookie, Authorization');
}

/** Takes back any caching permission from a reply that has become an error, so a shared cache never keeps a failure as the public answer. */
export function forgetPublicCaching(reply: FastifyReply): void {
  reply.removeHeader('cache-control');
  reply.removeHeader('vary');
}

/** Registers the limit (after authentication, so signed-in people and API keys are never counted) and the caching headers. */
export function registerPublicReads(app: FastifyInstance, readsPerMinute: number): void {
  if (readsPerMinute > 0) {
    const limit = app.rateLimit({
      max: readsPerMinute,
      timeWindow: '1 minute',
      keyGenerator: (request) => addressGroupOf(request.ip),
      cache: COUNTED_ADDRESSES,
      errorResponseBuilder: (_request, context) =>
        new DomainError(
          'too-many-requests',
          `There have been too many requests from your network. Wait ${context.after}, then try again.`,
          { reason: 'public-reads' },
        ),
    });
    app.addHook('preValidation', async (request, reply) => {
      if (countsAgainstLimit(request)) await limit.call(app, request, reply);
    });
  }
  app.addHook('onSend', async (request, reply, payload) => {
    setCaching(request, reply);
    return payload;
  });
}
