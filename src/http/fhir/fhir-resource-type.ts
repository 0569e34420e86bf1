/**
 * What a FHIR resource type served at /fhir declares: its interactions, search parameters, who may use them and the service calls
 * behind them. The plugin (`fhir.plugin.ts`) turns each declaration into routes and the CapabilityStatement, so both always agree.
 *
 * To add a type: write `<type>.resource.ts` in this folder exporting a `FhirResourceType` (see `organization.resource.ts`), and add
 * it to `FHIR_RESOURCE_TYPES` in `fhir-resources.ts`. Decision 0062.
 */
import type { FastifyRequest } from 'fastify';
import type { Resource, ResourceType } from '@medplum/fhirtypes';
import type { Deps } from '../../domains/deps.ts';
import type { ActionContext } from '../../domains/identity/principal.ts';
import type { Role } from '../../domains/identity/roles.rules.ts';

/** A search parameter as the CapabilityStatement names it; `type` is FHIR's search parameter type. */
export interface FhirSearchParam {
  name: string;
  type: 'token' | 'string' | 'reference' | 'special' | 'date' | 'number' | 'quantity' | 'uri';
  documentation: string;
}

/** One page of a search: `_count` resources from `_offset`. */
export interface FhirPage {
  count: number;
  offset: number;
}

/** A search's answer: the page's resources and how many match in all (Bundle.total). */
export interface FhirSearchResult<R extends Resource = Resource> {
  total: number;
  resources: R[];
}

/** What a handler knows of the request: who asks (for audit and scoping) and the address FHIR references are absolute against. */
export interface FhirContext {
  action: ActionContext;
  /** The /fhir base, e.g. "https://aqp.example.nhs.uk/fhir". */
  baseUrl: string;
  request: FastifyRequest;
}

export interface FhirResourceType<R extends Resource = Resource> {
  type: ResourceType;
  /** The UK Core profile the type's resources conform to (also their meta.profile), when they do. */
  profile?: string;
  /** Roles that may read and search; absent means public, like the directory. */
  readRoles?: readonly Role[];
  /** Roles that may create; needed with `create`. */
  createRoles?: readonly Role[];
  /** Declared search parameters; any other is refused with a 400 OperationOutcome. `_count`, `_offset`, `_format` are always known. */
  searchParams: readonly FhirSearchParam[];
  /** Reads one resource by id; throws DomainError('not-found') when there is none. */
  read?: (deps: Deps, id: string, context: FhirContext) => Promise<R>;
  /** Searches with the declared parameters (each given once, already checked to be declared). */
  search?: (deps: Deps, params: Record<string, string>, page: FhirPage, context: FhirContext) => Promise<FhirSearchResult<R>>;
  /** Creates from a FHIR body; answers 201 with the stored resource and its Location. */
  create?: (deps: Deps, body: unknown, context: FhirContext) => Promise<R>;
}
