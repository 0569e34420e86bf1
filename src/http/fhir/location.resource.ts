/** Location at /fhir: provider sites, public like the directory; search by ODS site code, organisation and near a point. */
import type { Location } from '@medplum/fhirtypes';
import { type LocationCriteria, readLocation, searchLocations } from '../../domains/directory/location-directory.service.ts';
import { IDENTIFIER_SYSTEMS, UK_CORE_PROFILES } from '../../lib/uk-core.rules.ts';
import type { FhirResourceType } from './fhir-resource-type.ts';
import { nearOf, referencedIdOf, tokenOf } from './fhir-search.ts';

/** The documentation of `near` shared by Location and HealthcareService. */
export const NEAR_DOCUMENTATION = 'latitude|longitude|distance|unit, e.g. 53.7|-1.86|10|km (unit km or mi; distance defaults to 10 km); nearest first';

function criteriaOf(params: Record<string, string>): LocationCriteria | undefined {
  const criteria: LocationCriteria = {};
  if (params.identifier) {
    const { system, code } = tokenOf(params.identifier);
    if (system !== undefined && system !== IDENTIFIER_SYSTEMS.odsSiteCode) return undefined;
    criteria.siteCode = code;
  }
  if (params.organization) criteria.organisationId = referencedIdOf('organization', params.organization, 'Organization');
  if (params.near) criteria.near = nearOf(params.near);
  return criteria;
}

export const locationResourceType: FhirResourceType<Location> = {
  type: 'Location',
  profile: UK_CORE_PROFILES.Location,
  searchParams: [
    { name: 'identifier', type: 'token', documentation: `ODS site code, e.g. ${IDENTIFIER_SYSTEMS.odsSiteCode}|RR801` },
    { name: 'organization', type: 'reference', documentation: 'The provider whose site it is: Organization/{id}' },
    { name: 'near', type: 'special', documentation: NEAR_DOCUMENTATION },
  ],
  read: (deps, id) => readLocation(deps, id),
  search: async (deps, params, page) => {
    const criteria = criteriaOf(params);
    return criteria ? searchLocations(deps, criteria, page) : { total: 0, resources: [] };
  },
};
