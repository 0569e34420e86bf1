/**
 * The UK Core R4 rules AQP's FHIR resources are held to, in one place (decision 0062). The profiles are the differential
 * StructureDefinitions in `../shared/context/standards/uk-core-r4/structuredefinitions/` beside the checkout (fhir.r4.ukcore.stu2, NHSDigital
 * FHIR-R4-UKCORE-STAGING-MAIN @3d2827e3): base R4 structure is checked by an R4 validator; what UK Core adds is checked here.
 */
import type { Identifier, Resource } from '@medplum/fhirtypes';
import { isValidNhsNumber } from './nhs-number.ts';

/** Identifier systems fixed by UK Core (UKCore-Patient, -Organization, -Location) and the e-Referral Service (UBRN). */
export const IDENTIFIER_SYSTEMS = {
  nhsNumber: 'https://fhir.nhs.uk/Id/nhs-number',
  odsOrganisationCode: 'https://fhir.nhs.uk/Id/ods-organization-code',
  odsSiteCode: 'https://fhir.nhs.uk/Id/ods-site-code',
  ubrn: 'https://fhir.nhs.uk/Id/UBRN',
} as const;

/** Canonical URLs of the UK Core profiles (each file's `<url>`), for `meta.profile` where a resource conforms. */
export const UK_CORE_PROFILES = {
  Organization: 'https://fhir.hl7.org.uk/StructureDefinition/UKCore-Organization', // UKCore-Organization.xml 2.5.1
  Location: 'https://fhir.hl7.org.uk/StructureDefinition/UKCore-Location', // UKCore-Location.xml 2.3.0
  HealthcareService: 'https://fhir.hl7.org.uk/StructureDefinition/UKCore-HealthcareService', // UKCore-HealthcareService.xml 1.3.0
  ServiceRequest: 'https://fhir.hl7.org.uk/StructureDefinition/UKCore-ServiceRequest', // UKCore-ServiceRequest.xml 2.5.1
  Patient: 'https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient', // UKCore-Patient.xml 2.6.1
  Appointment: 'https://fhir.hl7.org.uk/StructureDefinition/UKCore-Appointment', // UKCore-Appointment.xml 1.3.0
} as const;

/** ODS organisation codes as the ODS import accepts them (reference/import/ods-record.ts): 3 to 6 capitals and digits. */
const ODS_ORGANISATION_CODE = /^[A-Z0-9]{3,6}$/;
/** ODS site codes as providers enter them (providers/provider-site.rules.ts): 3 to 8 capitals and digits. */
const ODS_SITE_CODE = /^[A-Z0-9]{3,8}$/;
/** A UBRN: 12 digits (e-RS R4 eRS-ServiceRequest.yaml). */
const UBRN = /^\d{12}$/;

const VALUE_RULES: Record<string, { valid: (value: string) => boolean; what: string }> = {
  [IDENTIFIER_SYSTEMS.nhsNumber]: { valid: isValidNhsNumber, what: 'an NHS number of 10 digits passing the modulus 11 check' },
  [IDENTIFIER_SYSTEMS.odsOrganisationCode]: { valid: (value) => ODS_ORGANISATION_CODE.test(value), what: 'an ODS code' },
  [IDENTIFIER_SYSTEMS.odsSiteCode]: { valid: (value) => ODS_SITE_CODE.test(value), what: 'an ODS site code' },
  [IDENTIFIER_SYSTEMS.ubrn]: { valid: (value) => UBRN.test(value), what: 'a 12-digit UBRN' },
};

/** Slices each profile allows at most once on the resource's own `identifier` (the profiles' `max="1"` slices). */
const SINGLE_SLICES: Partial<Record<string, string[]>> = {
  Patient: [IDENTIFIER_SYSTEMS.nhsNumber],
  Organization: [IDENTIFIER_SYSTEMS.odsOrganisationCode, IDENTIFIER_SYSTEMS.odsSiteCode],
  Location: [IDENTIFIER_SYSTEMS.odsSiteCode],
};

/**
 * Must-support elements we promise to fill whenever a resource claims its UK Core profile (must-support is not "required" in
 * the profiles; claiming the profile while leaving them empty would tell a consumer nothing it can rely on).
 */
const FILLED_WHEN_CLAIMED: Partial<Record<string, string[]>> = {
  Organization: ['identifier', 'active', 'name'],
  Location: ['status', 'name', 'address'],
  HealthcareService: ['providedBy', 'type'],
};

/** Every Identifier anywhere in the resource (its own, and those inside references such as `subject.identifier`), with its path. */
function identifiersIn(value: unknown, path: string): { path: string; identifier: Identifier }[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => identifiersIn(item, `${path}[${index}]`));
  if (!value || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  const own = typeof record.system === 'string' && typeof record.value === 'string' ? [{ path, identifier: record as Identifier }] : [];
  return [...own, ...Object.entries(record).flatMap(([key, child]) => identifiersIn(child, `${path}.${key}`))];
}

/** Where a resource breaks the UK Core rules above: identifier values, single slices, and a UK Core profile claimed by another type. */
export function ukCoreIssues(resource: Resource): string[] {
  const issues = identifiersIn(resource, resource.resourceType).flatMap(({ path, identifier }) => {
    const rule = VALUE_RULES[identifier.system!];
    return rule && !rule.valid(identifier.value!) ? [`${path}: ${identifier.value} is not ${rule.what}`] : [];
  });
  const own = ((resource as { identifier?: Identifier[] }).identifier ?? []).map((identifier) => identifier.system);
  for (const system of SINGLE_SLICES[resource.resourceType] ?? []) {
    if (own.filter((each) => each === system).length > 1) issues.push(`${resource.resourceType}.identifier: more than one ${system}`);
  }
  return [...issues, ...profileIssues(resource)];
}

/** A UK Core profile claimed only by its own type, and only with the must-support elements we promise filled. */
function profileIssues(resource: Resource): string[] {
  const ownProfile = (UK_CORE_PROFILES as Record<string, string | undefined>)[resource.resourceType];
  const claimed = resource.meta?.profile ?? [];
  const wrong = claimed.filter((profile) => profile.includes('/UKCore-') && profile !== ownProfile);
  const issues = wrong.map((profile) => `meta.profile ${profile} is not the ${resource.resourceType} profile`);
  if (!ownProfile || !claimed.includes(ownProfile)) return issues;
  const record = resource as unknown as Record<string, unknown>;
  const empty = (FILLED_WHEN_CLAIMED[resource.resourceType] ?? []).filter((element) => {
    const value = record[element];
    return value === undefined || value === null || (Array.isArray(value) && value.length === 0);
  });
  return [...issues, ...empty.map((element) => `${resource.resourceType}.${element}: must-support, empty while claiming ${ownProfile}`)];
}
