/** The CapabilityStatement at /fhir/metadata, generated from the registered resource types so it cannot drift from the routes. */
import type { CapabilityStatement, CapabilityStatementRestResource } from '@medplum/fhirtypes';
import type { FhirResourceType } from './fhir-resource-type.ts';

/** What each declared service call offers, as FHIR's type-level interaction codes. */
function interactionsOf(type: FhirResourceType): CapabilityStatementRestResource['interaction'] {
  const codes: ('read' | 'search-type' | 'create')[] = [];
  if (type.read) codes.push('read');
  if (type.search) codes.push('search-type');
  if (type.create) codes.push('create');
  return codes.map((code) => ({ code }));
}

function restResourceOf(type: FhirResourceType): CapabilityStatementRestResource {
  return {
    type: type.type,
    ...(type.profile ? { supportedProfile: [type.profile] } : {}),
    interaction: interactionsOf(type),
    searchParam: type.searchParams.map(({ name, type: paramType, documentation }) => ({ name, type: paramType, documentation })),
    documentation: type.readRoles ? 'Needs an API key in a role allowed to read it.' : 'Public: no key needed to read or search.',
  };
}

/** The server's CapabilityStatement: FHIR 4.0.1 in JSON, each registered type with its interactions and search parameters. */
export function capabilityStatementOf(types: readonly FhirResourceType[], baseUrl: string, date: string): CapabilityStatement {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date,
    publisher: 'AQP',
    kind: 'instance',
    software: { name: 'AQP' },
    implementation: { description: 'AQP FHIR R4 API in the shape of UK Core', url: baseUrl },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json', 'json'],
    rest: [
      {
        mode: 'server',
        documentation: 'Searches page with _count (default 20, at most 100) and _offset; an unknown search parameter is a 400.',
        security: { description: 'API keys as "Authorization: Bearer <key>", in the same roles as the JSON API at /api/v1.' },
        resource: types.map(restResourceOf),
      },
    ],
  };
}
