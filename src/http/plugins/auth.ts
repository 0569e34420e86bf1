/** Who is asking: the session's user (pages) or a Bearer API key (API), and the role guard on every route. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Deps } from '../../domains/deps.ts';
import { authenticateApiKey } from '../../domains/identity/api-key.service.ts';
import { recordAudit } from '../../domains/identity/audit.repo.ts';
import type { UserPrincipal } from '../../domains/identity/principal.ts';
import { DomainError } from '../../lib/errors.ts';
import type { SessionUser } from '../types.ts';

/** Loads the session's user only while the account is active and still holds that membership. */
async function loadUserPrincipal(db: Kysely<Database>, user: SessionUser): Promise<UserPrincipal | null> {
  const row = await db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select(['u.display_name', 'o.name'])
    .where('m.user_id', '=', user.userId)
    .where('m.organisation_id', '=', user.organisationId)
    .where('m.role', '=', user.role)
    .where('u.is_active', '=', true)
    .executeTakeFirst();
  if (!row) return null;
  return { kind: 'user', userId: user.userId, displayName: row.display_name, organisationId: user.organisationId, organisationName: row.name, role: user.role };
}

export function isApiRequest(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/');
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
      request.principal = await loadUserPrincipal(deps.db, request.session.user);
      if (!request.principal) request.session.user = undefined;
    }
  });

  app.addHook('preValidation', async (request, reply) => {
    const roles = request.routeOptions.config.roles;
    if (!roles) return;
    if (!request.principal) return refuseAnonymous(request, reply);
    if (!roles.includes(request.principal.role)) {
      await recordAudit(deps.db, request.actionContext(), {
        action: 'access-denied',
        outcome: 'denied',
        entityType: 'route',
        entityId: `${request.method} ${request.routeOptions.url}`,
        details: { path: request.url.split('?')[0] },
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
