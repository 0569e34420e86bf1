/** Who is asking: the session's user (pages) or a Bearer API key (API), and the role guard on every route. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../domains/deps.ts';
import { authenticateApiKey } from '../../domains/identity/api-key.service.ts';
import { recordAccessDenied } from '../../domains/identity/audit.service.ts';
import { userPrincipalOf } from '../../domains/identity/web-session.service.ts';
import { DomainError } from '../../lib/errors.ts';

/** True for a system's request (the JSON API and FHIR): it authenticates with a Bearer key, is never sent to sign in, and needs no CSRF token. */
export function isApiRequest(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/') || /^\/fhir(\/|\?|$)/.test(request.url);
}

/** Resolves the principal and enforces `config.roles` before the body is validated, so strangers learn nothing from validation errors. */
export function registerAuth(app: FastifyInstance, deps: Deps): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('actionContext', function actionContext(this: FastifyRequest) {
    return { principal: this.principal, clientAddress: this.ip };
  });

  app.addHook('preValidation', async (request) => {
    if (isApiRequest(request)) {
      const header = request.headers.authorization;
      if (header?.startsWith('Bearer ')) request.principal = (await authenticateApiKey(deps, header.slice(7).trim())) ?? null;
    } else if (request.session?.user) {
      request.principal = await userPrincipalOf(deps, request.session.user);
      if (!request.principal) request.session.user = undefined;
    }
  });

  app.addHook('preValidation', async (request, reply) => {
    const roles = request.routeOptions.config.roles;
    if (!roles) return;
    if (!request.principal) return refuseAnonymous(request, reply);
    if (!roles.includes(request.principal.role)) {
      await recordAccessDenied(deps, request.actionContext(), {
        route: `${request.method} ${request.routeOptions.url}`,
        path: request.url.split('?')[0],
      });
      throw new DomainError('forbidden', 'You do not have permission to see this page');
    }
  });
}

function refuseAnonymous(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (isApiRequest(request)) {
    throw new DomainError('unauthenticated', 'Send a valid API key as "Authorization: Bearer <key>"');
  }
  const returnTo = request.method === 'GET' ? `?returnTo=${encodeURIComponent(request.url)}` : '';
  return reply.redirect(`/sign-in${returnTo}`, 303);
}
