/** HealthcareService at /fhir: each live listing at each of its sites, public like the directory; search by service type, provider, site and near a point. */
import type { HealthcareService } from '@medplum/fhirtypes';
import { SERVICE_CATALOGUE_SYSTEM } from '../../domains/directory/healthcare-service.fhir.ts';
import {
  type HealthcareServiceCriteria,
  readHealthcareService,
  searchHealthcareServices,
} from '../../domains/directory/healthcare-service-directory.service.ts';
import { UK_CORE_PROFILES } from '../../lib/uk-core.rules.ts';
import type { FhirResourceType } from './fhir-resource-type.ts';
import { nearOf, referencedIdOf, tokenOf } from './fhir-search.ts';
import { NEAR_DOCUMENTATION } from './location.resource.ts';

function criteriaOf(params: Record<string, string>): HealthcareServiceCriteria | undefined {
  const criteria: HealthcareServiceCriteria = {};
  if (params['service-type']) {
    const { system, code } = tokenOf(params['service-type']);
    if (system !== undefined && system !== SERVICE_CATALOGUE_SYSTEM) return undefined;
    criteria.serviceCode = code;
  }
  if (params.organization) criteria.providerId = referencedIdOf('organization', params.organization, 'Organization');
  if (params.location) criteria.siteId = referencedIdOf('location', params.location, 'Location');
  if (params.near) criteria.near = nearOf(params.near);
  return criteria;
}

export const healthcareServiceResourceType: FhirResourceType<HealthcareService> = {
  type: 'HealthcareService',
  profile: UK_CORE_PROFILES.HealthcareService,
  searchParams: [
    { name: 'service-type', type: 'token', documentation: `A service in the catalogue, e.g. ${SERVICE_CATALOGUE_SYSTEM}|adult-hearing` },
    { name: 'organization', type: 'reference', documentation: 'The provider: Organization/{id}' },
    { name: 'location', type: 'reference', documentation: 'The site: Location/{id}' },
    { name: 'near', type: 'special', documentation: NEAR_DOCUMENTATION },
  ],
  read: (deps, id) => readHealthcareService(deps, id),
  search: async (deps, params, page) => {
    const criteria = criteriaOf(params);
    return criteria ? searchHealthcareServices(deps, criteria, page) : { total: 0, resources: [] };
  },
};
