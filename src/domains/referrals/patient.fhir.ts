/** A patient as a FHIR R4 Patient in the shape of UK Core: NHS number, name, date of birth, gender and postcode as we hold them, nothing more (issue #16 item 1). */
import type { Patient } from '@medplum/fhirtypes';
import { IDENTIFIER_SYSTEMS, UK_CORE_PROFILES } from '../../lib/uk-core.rules.ts';
import { organisationReferenceOf } from './service-request.fhir.ts';

/** What we hold about a patient that a Patient resource shows; the practice is the one their latest referral named. */
export interface PatientForFhir {
  id: string;
  nhsNumber: string | null;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  sex: string;
  postcode: string;
  practice: { id: string; odsCode: string | null; name: string } | null;
}

const GENDERS: Record<string, Patient['gender']> = { female: 'female', male: 'male', unknown: 'unknown' };

/** The Patient resource: the NHS number in UK Core's `identifier:nhsNumber` slice (UKCore-Patient.xml), the registered practice as generalPractitioner. */
export function patientResourceOf(patient: PatientForFhir): Patient {
  return {
    resourceType: 'Patient',
    id: patient.id,
    meta: { profile: [UK_CORE_PROFILES.Patient] },
    ...(patient.nhsNumber && { identifier: [{ system: IDENTIFIER_SYSTEMS.nhsNumber, value: patient.nhsNumber }] }),
    name: [{ use: 'official', family: patient.familyName, given: [patient.givenName] }],
    gender: GENDERS[patient.sex] ?? 'unknown',
    birthDate: patient.dateOfBirth,
    address: [{ postalCode: patient.postcode }],
    ...(patient.practice && {
      generalPractitioner: [organisationReferenceOf(patient.practice.id, patient.practice.odsCode, patient.practice.name)],
    }),
  };
}
