/** The Open Referral UK feed at /openreferral (HSDS-UK-3.0): public, read-only, no key, readable from any web origin, errors as JSON problems. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../domains/deps.ts';
import { orukAbout, orukService, orukServices } from '../../domains/open-referral/open-referral.service.ts';
import { orukServiceAtLocation, orukServiceAtLocations } from '../../domains/open-referral/oruk-locations.service.ts';
import {
  orukOrganization,
  orukOrganizations,
  orukTaxonomies,
  orukTaxonomy,
  orukTaxonomyTerm,
  orukTaxonomyTerms,
} from '../../domains/open-referral/oruk-catalogue.service.ts';
import { type OrukList, readOrukQuery } from '../../domains/open-referral/oruk-query.rules.ts';
import { statusForCode } from '../../lib/errors.ts';
import { sendProblem, toDomainError } from '../plugins/errors.ts';
import { forgetPublicCaching } from '../plugins/public-reads.ts';
import { publicAddressOf } from '../web/public-address.ts';

export const OPEN_REFERRAL_PREFIX = '/openreferral';

/** Open data (ORUK `profile_compliance.md`): any origin may read it, and other sites may embed what it answers. */
function allowAnyOrigin(reply: FastifyReply): void {
  reply.header('access-control-allow-origin', '*').header('cross-origin-resource-policy', 'cross-origin');
}

/** Errors as `application/problem+json` with their code and field errors, still readable cross-origin. */
function sendFeedProblem(error: Error, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  forgetPublicCaching(reply);
  allowAnyOrigin(reply);
  const problem = toDomainError(error);
  if (!problem) {
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, 500, 'internal', 'Something went wrong on our side. It has been logged.');
  }
  if (typeof problem.details.retryAfterSeconds === 'number') reply.header('retry-after', String(problem.details.retryAfterSeconds));
  const fieldErrors = problem.details.fieldErrors;
  return sendProblem(reply, statusForCode[problem.code], problem.code, problem.message, fieldErrors ? { errors: fieldErrors } : {});
}

/** The answer to a CORS preflight: reads only, any headers, remembered for a day. */
function sendPreflight(reply: FastifyReply): FastifyReply {
  return reply
    .status(204)
    .header('access-control-allow-methods', 'GET, HEAD, OPTIONS')
    .header('access-control-allow-headers', '*')
    .header('access-control-max-age', '86400')
    .send();
}

type IdRequest = FastifyRequest<{ Params: { id: string } }>;

/** Registers the feed's GET routes, its CORS preflight and its own error and not-found answers under /openreferral. */
export async function registerOpenReferral(app: FastifyInstance, deps: Deps): Promise<void> {
  await app.register(
    async (scope) => {
      const base = (request: FastifyRequest) => publicAddressOf(request, '');
      const query = (request: FastifyRequest, list: OrukList) => readOrukQuery(request.query as Record<string, unknown>, list);
      scope.addHook('onRequest', async (_request, reply) => allowAnyOrigin(reply));
      scope.setErrorHandler((error: Error, request, reply) => sendFeedProblem(error, request, reply));
      // A preflight (OPTIONS) reaches no route, so the feed's not-found handler answers it: any origin may GET.
      scope.setNotFoundHandler((request, reply) => {
        allowAnyOrigin(reply);
        if (request.method === 'OPTIONS') return sendPreflight(reply);
        return sendProblem(reply, 404, 'not-found', `No resource at ${request.method} ${request.url.split('?')[0]}`);
      });

      scope.get('/', async (request) => orukAbout(base(request)));
      scope.get('/services', async (request) => orukServices(deps, query(request, 'services'), base(request)));
      scope.get('/services/:id', async (request: IdRequest) => orukService(deps, request.params.id, base(request)));
      scope.get('/service_at_locations', async (request) =>
        orukServiceAtLocations(deps, query(request, 'service_at_locations'), base(request)),
      );
      scope.get('/service_at_locations/:id', async (request: IdRequest) => orukServiceAtLocation(deps, request.params.id, base(request)));
      scope.get('/organizations', async (request) => orukOrganizations(deps, query(request, 'organizations'), base(request)));
      scope.get('/organizations/:id', async (request: IdRequest) => orukOrganization(deps, request.params.id, base(request)));
      scope.get('/taxonomies', async (request) => orukTaxonomies(query(request, 'taxonomies'), base(request)));
      scope.get('/taxonomies/:id', async (request: IdRequest) => orukTaxonomy(request.params.id, base(request)));
      scope.get('/taxonomy_terms', async (request) => orukTaxonomyTerms(deps, query(request, 'taxonomy_terms'), base(request)));
      scope.get('/taxonomy_terms/:id', async (request: IdRequest) => orukTaxonomyTerm(deps, request.params.id, base(request)));
    },
    { prefix: OPEN_REFERRAL_PREFIX },
  );
}
