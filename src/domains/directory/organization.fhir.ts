/** A published organisation as a FHIR R4 Organization in the shape of UK Core: ODS code, type, name, address and contacts. */
import type { Address, CodeableConcept, ContactPoint, Organization } from '@medplum/fhirtypes';
import { IDENTIFIER_SYSTEMS, UK_CORE_PROFILES } from '../../lib/uk-core.rules.ts';
import type { DirectoryOrganisation, PublishedKind } from './organisation-directory.repo.ts';

/** FHIR's organization-type codes, which UK Core's UKCore-OrganizationType value set takes from (an extensible binding). */
export const ORGANIZATION_TYPE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/organization-type';
/** Our own kinds of organisation, so a consumer can tell a GP practice from a provider (both healthcare providers in FHIR's terms). */
export const ORGANISATION_KIND_SYSTEM = 'https://aqp.invalid/fhir/CodeSystem/organisation-kind';

/** The FHIR type of each kind: providers and practices give care (prov); commissioners pay for it (pay). */
export const FHIR_TYPE_OF_KIND: Record<PublishedKind, { code: 'prov' | 'pay'; display: string }> = {
  provider: { code: 'prov', display: 'Healthcare Provider' },
  'gp-practice': { code: 'prov', display: 'Healthcare Provider' },
  commissioner: { code: 'pay', display: 'Payer' },
};
const KIND_DISPLAY: Record<PublishedKind, string> = { provider: 'Provider', 'gp-practice': 'GP practice', commissioner: 'Commissioner' };

function typeOf(kind: PublishedKind): CodeableConcept {
  const fhirType = FHIR_TYPE_OF_KIND[kind];
  return {
    coding: [
      { system: ORGANIZATION_TYPE_SYSTEM, code: fhirType.code, display: fhirType.display },
      { system: ORGANISATION_KIND_SYSTEM, code: kind, display: KIND_DISPLAY[kind] },
    ],
    text: KIND_DISPLAY[kind],
  };
}

/** An address held as one line of comma-separated parts, as a FHIR address with its postcode; undefined when there is neither. */
export function fhirAddressOf(address: string | null, postcode: string | null): Address | undefined {
  const lines = (address ?? '')
    .split(/,|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && line !== postcode);
  if (lines.length === 0 && !postcode) return undefined;
  return { use: 'work', ...(lines.length > 0 ? { line: lines } : {}), ...(postcode ? { postalCode: postcode } : {}), country: 'GB' };
}

function telecomOf(organisation: DirectoryOrganisation): ContactPoint[] {
  const points: ContactPoint[] = [];
  if (organisation.phone) points.push({ system: 'phone', value: organisation.phone, use: 'work' });
  if (organisation.email) points.push({ system: 'email', value: organisation.email, use: 'work' });
  if (organisation.website) points.push({ system: 'url', value: organisation.website, use: 'work' });
  return points;
}

/** The Organization; it claims UKCore-Organization only with an ODS code, the identifier that profile is about. */
export function organizationResourceOf(organisation: DirectoryOrganisation, today: string): Organization {
  const address = fhirAddressOf(organisation.address, organisation.postcode);
  const telecom = telecomOf(organisation);
  return {
    resourceType: 'Organization',
    id: organisation.id,
    ...(organisation.odsCode ? { meta: { profile: [UK_CORE_PROFILES.Organization] } } : {}),
    ...(organisation.odsCode
      ? { identifier: [{ use: 'official', system: IDENTIFIER_SYSTEMS.odsOrganisationCode, value: organisation.odsCode }] }
      : {}),
    active: organisation.closeDate === null || organisation.closeDate > today,
    type: [typeOf(organisation.kind)],
    name: organisation.name,
    ...(telecom.length > 0 ? { telecom } : {}),
    ...(address ? { address: [address] } : {}),
    ...(organisation.partOf
      ? { partOf: { reference: `Organization/${organisation.partOf.id}`, display: organisation.partOf.name } }
      : {}),
  };
}
