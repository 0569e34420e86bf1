/** Every FHIR resource type served at /fhir, in the CapabilityStatement's order. To add one: import its `FhirResourceType` and list it. */
import { APPOINTMENT_TYPE } from './appointment.resource.ts';
import type { FhirResourceType } from './fhir-resource-type.ts';
import { PATIENT_TYPE } from './patient.resource.ts';
import { SERVICE_REQUEST_TYPE } from './service-request.resource.ts';

export const FHIR_RESOURCE_TYPES: readonly FhirResourceType[] = [
  SERVICE_REQUEST_TYPE as FhirResourceType,
  PATIENT_TYPE as FhirResourceType,
  APPOINTMENT_TYPE as FhirResourceType,
];
