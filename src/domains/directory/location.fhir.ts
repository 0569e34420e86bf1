/** A provider site as a FHIR R4 Location in the shape of UK Core: ODS site code where known, address, position, its organisation. */
import type { Location } from '@medplum/fhirtypes';
import { IDENTIFIER_SYSTEMS, UK_CORE_PROFILES } from '../../lib/uk-core.rules.ts';
import { fhirAddressOf } from './organization.fhir.ts';
import type { DirectorySiteRecord } from './site-directory.repo.ts';

/** The Location; every site has a name, address and status, so every one conforms to UKCore-Location. */
export function locationResourceOf(site: DirectorySiteRecord, today: string): Location {
  const active = site.closedOn === null || site.closedOn > today;
  return {
    resourceType: 'Location',
    id: site.id,
    meta: { profile: [UK_CORE_PROFILES.Location] },
    ...(site.siteCode ? { identifier: [{ use: 'official', system: IDENTIFIER_SYSTEMS.odsSiteCode, value: site.siteCode }] } : {}),
    status: active ? 'active' : 'inactive',
    name: site.name,
    mode: 'instance',
    ...(site.phone ? { telecom: [{ system: 'phone', value: site.phone, use: 'work' }] } : {}),
    address: fhirAddressOf(site.address, site.postcode) ?? { postalCode: site.postcode },
    position: { latitude: site.latitude, longitude: site.longitude },
    managingOrganization: { reference: `Organization/${site.organisation.id}`, display: site.organisation.name },
  };
}
