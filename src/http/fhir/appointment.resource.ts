/** Appointment at /fhir (issue #16 item 1): the appointments and sessions recorded on a referral, for the people who may see the referral. */
import type { Appointment } from '@medplum/fhirtypes';
import { UK_CORE_PROFILES } from '../../lib/uk-core.rules.ts';
import { readAppointment, searchAppointments } from '../../domains/referrals/referral-fhir.service.ts';
import type { FhirResourceType } from './fhir-resource-type.ts';
import { REFERRAL_READERS } from './service-request.resource.ts';

export const APPOINTMENT_TYPE: FhirResourceType<Appointment> = {
  type: 'Appointment',
  profile: UK_CORE_PROFILES.Appointment,
  readRoles: REFERRAL_READERS,
  searchParams: [
    { name: 'based-on', type: 'reference', documentation: 'The referral: ServiceRequest/<id>' },
    { name: 'patient', type: 'reference', documentation: 'The patient: Patient/<id>' },
  ],
  read: (deps, id, context) => readAppointment(deps, context.action, id),
  search: (deps, params, page, context) => searchAppointments(deps, context.action, params, page),
};
