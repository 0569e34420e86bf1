/** Every FHIR resource type served at /fhir, in the CapabilityStatement's order. To add one: import its `FhirResourceType` and list it. */
import type { FhirResourceType } from './fhir-resource-type.ts';

export const FHIR_RESOURCE_TYPES: readonly FhirResourceType[] = [];
