/** Every FHIR resource type served at /fhir, in the CapabilityStatement's order. To add one: import its `FhirResourceType` and list it. */
import type { FhirResourceType } from './fhir-resource-type.ts';
import { healthcareServiceResourceType } from './healthcare-service.resource.ts';
import { locationResourceType } from './location.resource.ts';
import { organizationResourceType } from './organization.resource.ts';

export const FHIR_RESOURCE_TYPES: readonly FhirResourceType[] = [
  organizationResourceType,
  locationResourceType,
  healthcareServiceResourceType,
];
