/**
 * FHIR R4 at /fhir (issue #16, decision 0062): `application/fhir+json` in and out (`application/json` and `_format=json` accepted too),
 * the same API keys and roles as /api/v1 (plugins/auth.ts), and an OperationOutcome for every error from the one error table. The
 * routes come from the resource types in `fhir-resources.ts`; see `fhir-resource-type.ts` for how to add one.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../domains/deps.ts';
import { DomainError, validationFailed } from '../../lib/errors.ts';
import { errorAnswerOf, prepareErrorReply } from '../plugins/errors.ts';
import { searchsetBundle } from './fhir-bundle.ts';
import { capabilityStatementOf } from './fhir-metadata.ts';
import { operationOutcomeOf } from './fhir-outcome.ts';
import type { FhirContext, FhirResourceType } from './fhir-resource-type.ts';
import { FHIR_RESOURCE_TYPES } from './fhir-resources.ts';
import { type FhirQuery, pageOf, searchParamsOf } from './fhir-search.ts';

export const FHIR_JSON = 'application/fhir+json; charset=utf-8';
const JSON_FORMATS = new Set(['json', 'application/json', 'application/fhir+json']);
/** FHIR's id type: up to 64 letters, digits, '-' and '.' (http://hl7.org/fhir/R4/datatypes.html#id). */
const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

/** The address FHIR references are made absolute against: the configured public address, or the one asked. */
function fhirBaseOf(request: FastifyRequest): string {
  return `${request.server.publicBaseUrl ?? `${request.protocol}://${request.host}`}/fhir`;
}

function contextOf(request: FastifyRequest): FhirContext {
  return { action: request.actionContext(), baseUrl: fhirBaseOf(request), request };
}

/** Only JSON is served: `_format` other than JSON is a 400 rather than an answer in a format that was not asked for. */
function checkFormat(request: FastifyRequest): void {
  const format = (request.query as FhirQuery)._format;
  if (format !== undefined && (typeof format !== 'string' || !JSON_FORMATS.has(format))) {
    throw validationFailed(
      [{ field: '_format', message: '_format must be json: this server answers only in JSON' }],
      'Unsupported _format',
    );
  }
}

function registerTypeRoutes(scope: FastifyInstance, deps: Deps, type: FhirResourceType): void {
  const { read, search, create } = type;
  if (read) {
    scope.get<{ Params: { id: string } }>(`/${type.type}/:id`, { config: { roles: type.readRoles } }, async (request) => {
      if (!FHIR_ID.test(request.params.id)) throw new DomainError('not-found', `No ${type.type} with id ${request.params.id}`);
      return read(deps, request.params.id, contextOf(request));
    });
  }
  if (search) {
    scope.get(`/${type.type}`, { config: { roles: type.readRoles } }, async (request) => {
      const query = request.query as FhirQuery;
      const page = pageOf(query);
      const context = contextOf(request);
      const result = await search(deps, searchParamsOf(query, type.searchParams), page, context);
      return searchsetBundle(context.baseUrl, type.type, query, page, result);
    });
  }
  if (create) {
    scope.post(`/${type.type}`, { config: { roles: type.createRoles ?? [] } }, async (request, reply) => {
      const context = contextOf(request);
      const created = await create(deps, request.body, context);
      return reply.status(201).header('location', `${context.baseUrl}/${type.type}/${created.id}`).send(created);
    });
  }
}

function sendOutcome(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const answer = errorAnswerOf(error);
  prepareErrorReply(error, answer, request, reply);
  return reply.status(answer.status).type(FHIR_JSON).send(operationOutcomeOf(answer));
}

/** Mounts /fhir in its own scope, so its error and not-found answers are OperationOutcomes while the rest of the app is unchanged. */
export async function registerFhir(
  app: FastifyInstance,
  deps: Deps,
  types: readonly FhirResourceType[] = FHIR_RESOURCE_TYPES,
): Promise<void> {
  await app.register(
    async (scope) => {
      scope.addContentTypeParser('application/fhir+json', { parseAs: 'string' }, scope.getDefaultJsonParser('error', 'error'));
      scope.setErrorHandler(sendOutcome);
      scope.setNotFoundHandler((request, reply) => {
        const path = request.url.split('?')[0];
        return sendOutcome(
          new DomainError('not-found', `No FHIR interaction at ${request.method} ${path}`) as FastifyError,
          request,
          reply,
        );
      });
      scope.addHook('onRequest', async (request, reply) => {
        reply.type(FHIR_JSON);
        checkFormat(request);
      });
      scope.get('/metadata', async (request) => capabilityStatementOf(types, fhirBaseOf(request), deps.clock.today()));
      for (const type of types) registerTypeRoutes(scope, deps, type);
    },
    { prefix: '/fhir' },
  );
}
