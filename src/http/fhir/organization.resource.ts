/** Organization at /fhir: providers, commissioners and GP practices, public like the directory; search by ODS code, name and type. */
import type { Organization } from '@medplum/fhirtypes';
import type { OrganisationCriteria, PublishedKind } from '../../domains/directory/organisation-directory.repo.ts';
import {
  FHIR_TYPE_OF_KIND,
  ORGANISATION_KIND_SYSTEM,
  ORGANIZATION_TYPE_SYSTEM,
} from '../../domains/directory/organization.fhir.ts';
import { readOrganization, searchOrganizations } from '../../domains/directory/organization-directory.service.ts';
import { IDENTIFIER_SYSTEMS, UK_CORE_PROFILES } from '../../lib/uk-core.rules.ts';
import type { FhirResourceType } from './fhir-resource-type.ts';
import { tokenOf } from './fhir-search.ts';

const KINDS = Object.keys(FHIR_TYPE_OF_KIND) as PublishedKind[];

/** The kinds a `type` token names: FHIR's prov or pay, or one of our kinds; an unknown system or code names none. */
function kindsOfType(value: string): PublishedKind[] {
  const { system, code } = tokenOf(value);
  const fhirKinds = KINDS.filter((kind) => FHIR_TYPE_OF_KIND[kind].code === code);
  const ourKinds = KINDS.filter((kind) => kind === code);
  if (system === ORGANIZATION_TYPE_SYSTEM) return fhirKinds;
  if (system === ORGANISATION_KIND_SYSTEM) return ourKinds;
  return system === undefined ? [...fhirKinds, ...ourKinds] : [];
}

/** The search's criteria; an identifier in another system than ODS matches nothing. */
function criteriaOf(params: Record<string, string>): OrganisationCriteria {
  const criteria: OrganisationCriteria = {};
  if (params.identifier) {
    const { system, code } = tokenOf(params.identifier);
    if (system !== undefined && system !== IDENTIFIER_SYSTEMS.odsOrganisationCode) return { kinds: [] };
    criteria.odsCode = code;
  }
  if (params.name) criteria.name = params.name;
  if (params.type) criteria.kinds = kindsOfType(params.type);
  return criteria;
}

export const organizationResourceType: FhirResourceType<Organization> = {
  type: 'Organization',
  profile: UK_CORE_PROFILES.Organization,
  searchParams: [
    { name: 'identifier', type: 'token', documentation: `ODS code, e.g. ${IDENTIFIER_SYSTEMS.odsOrganisationCode}|B84001` },
    { name: 'name', type: 'string', documentation: 'Start of the name or of any word in it, ignoring case' },
    {
      name: 'type',
      type: 'token',
      documentation: `${ORGANIZATION_TYPE_SYSTEM}|prov (providers and practices) or |pay (commissioners); or ${ORGANISATION_KIND_SYSTEM}|provider, |gp-practice, |commissioner`,
    },
  ],
  read: (deps, id) => readOrganization(deps, id),
  search: (deps, params, page) => searchOrganizations(deps, criteriaOf(params), page),
};
