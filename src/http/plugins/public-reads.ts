/** Anonymous reads of public pages and the open-data API: a per-address limit, and caching headers where the answer is the same for everyone. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../lib/errors.ts';

/** How long browsers and shared caches may reuse a public answer: five minutes, so a suspended provider leaves the directory soon. */
export const PUBLIC_MAX_AGE_SECONDS = 300;

/**
 * The routes whose answer to an anonymous reader depends on nothing but the address asked. Pages are not among them: each
 * carries a CSRF token tied to the reader's session, so it is never the same for two people.
 */
const PUBLIC_ANSWERS = new Set([
  '/api/v1/services', '/api/v1/services/:code', '/api/v1/offers', '/api/v1/offers/:id', '/api/v1/offers/:id/prices',
  '/api/v1/directory', '/api/v1/directory/providers/:code', '/api/v1/map', '/map.csv',
]);

/** Assets and health checks are not reads of content: one page loads several assets, and probes must always get through. */
const NOT_COUNTED = /^\/(nhsuk\/|static\/|health\/)/;

function isAnonymousRead(request: FastifyRequest): boolean {
  return (request.method === 'GET' || request.method === 'HEAD') && !request.principal && !request.routeOptions.config.roles;
}

/** True for an anonymous read of a public page or open-data endpoint, which counts against the address's limit. */
function countsAgainstLimit(request: FastifyRequest): boolean {
  return isAnonymousRead(request) && request.routeOptions.url !== undefined && !NOT_COUNTED.test(request.url);
}

/** Sets Cache-Control: public for anonymous public answers, private and unstored for anything a signed-in person or key sees. */
function setCaching(request: FastifyRequest, reply: FastifyReply): void {
  if (reply.hasHeader('cache-control')) return;
  if (request.principal) {
    reply.header('cache-control', 'private, no-store');
  } else if (isAnonymousRead(request) && reply.statusCode === 200 && PUBLIC_ANSWERS.has(request.routeOptions.url ?? '') && !reply.hasHeader('set-cookie')) {
    reply.header('cache-control', `public, max-age=${PUBLIC_MAX_AGE_SECONDS}`).header('vary', 'Cookie, Authorization');
  }
}

/** Registers the limit (after authentication, so signed-in people and API keys are never counted) and the caching headers. */
export function registerPublicReads(app: FastifyInstance, readsPerMinute: number): void {
  if (readsPerMinute > 0) {
    const limit = app.rateLimit({
      max: readsPerMinute,
      timeWindow: '1 minute',
      keyGenerator: (request) => request.ip,
      errorResponseBuilder: (_request, context) => new DomainError('too-many-requests', `There have been too many requests from your network. Wait ${context.after}, then try again.`, { reason: 'public-reads' }),
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
