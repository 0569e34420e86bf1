/** Every FHIR resource type served at /fhir, in the CapabilityStatement's order. To add one: import its `FhirResourceType` and list it. */
import { APPOINTMENT_TYPE } from './appointment.resource.ts';
import type { FhirResourceType } from './fhir-resource-type.ts';
import { healthcareServiceResourceType } from './healthcare-service.resource.ts';
import { locationResourceType } from './location.resource.ts';
import { organizationResourceType } from './organization.resource.ts';
import { PATIENT_TYPE } from './patient.resource.ts';
import { SERVICE_REQUEST_TYPE } from './service-request.resource.ts';

export const FHIR_RESOURCE_TYPES: readonly FhirResourceType[] = [
  organizationResourceType,
  locationResourceType,
  healthcareServiceResourceType,
  SERVICE_REQUEST_TYPE,
  PATIENT_TYPE,
  APPOINTMENT_TYPE,
];
