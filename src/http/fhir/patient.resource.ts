/** Patient at /fhir (issue #16 item 1): only for the people who may see one of the patient's referrals, every read audited. */
import type { Patient } from '@medplum/fhirtypes';
import { UK_CORE_PROFILES } from '../../lib/uk-core.rules.ts';
import { readPatient, searchPatients } from '../../domains/referrals/patient-fhir.service.ts';
import type { FhirResourceType } from './fhir-resource-type.ts';
import { REFERRAL_READERS } from './service-request.resource.ts';

export const PATIENT_TYPE: FhirResourceType<Patient> = {
  type: 'Patient',
  profile: UK_CORE_PROFILES.Patient,
  readRoles: REFERRAL_READERS,
  searchParams: [{ name: 'identifier', type: 'token', documentation: 'The NHS number: https://fhir.nhs.uk/Id/nhs-number|9434765919' }],
  read: (deps, id, context) => readPatient(deps, context.action, id),
  search: (deps, params, page, context) => searchPatients(deps, context.action, params, page),
};
