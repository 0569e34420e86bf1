/** Referral in (issue #16 item 1; decision 0063): an incoming FHIR ServiceRequest read into the same input the referral page gives the referral service, or every problem with it by FHIRPath. */
import type { FieldError } from '../../lib/errors.ts';
import { IDENTIFIER_SYSTEMS } from '../../lib/uk-core.rules.ts';
import { SERVICE_CATALOGUE_SYSTEM } from '../directory/healthcare-service.fhir.ts';
import type { ReferralInput } from './referral-input.rules.ts';

/** The patient as the request names them: their details in a contained Patient, or only an NHS number for a patient we already hold. */
export type IncomingPatient =
  | { kind: 'contained'; details: Pick<ReferralInput, 'nhsNumber' | 'givenName' | 'familyName' | 'dateOfBirth' | 'sex' | 'postcode'> }
  | { kind: 'nhs-number'; nhsNumber: string };

/** What an incoming ServiceRequest asks for, before the referral service checks and judges it. */
export interface IncomingReferral {
  requesterOdsCode: string | null;
  patient: IncomingPatient;
  referral: Pick<ReferralInput, 'serviceCode' | 'priority' | 'route' | 'bodyArea' | 'answers' | 'clinicalInformation'>;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isObject) : []);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const identifierIn = (value: unknown, system: string): string | undefined =>
  [...list(value), ...(isObject(value) ? [value] : [])].find((identifier) => identifier.system === system)?.value as string | undefined;

const GENDER_TO_SEX: Record<string, string> = { female: 'female', male: 'male', unknown: 'unknown', other: 'unknown' };

function containedById(resource: Json, reference: unknown, type: string): Json | undefined {
  const id = text(reference).startsWith('#') ? text(reference).slice(1) : undefined;
  return id ? list(resource.contained).find((found) => found.resourceType === type && found.id === id) : undefined;
}

/** The contained Patient's details as the referral form would have them typed. */
function containedPatientOf(patient: Json): IncomingPatient {
  const name = list(patient.name).find((found) => found.use === 'official') ?? list(patient.name)[0] ?? {};
  const address = list(patient.address).find((found) => found.use === 'home') ?? list(patient.address)[0] ?? {};
  return {
    kind: 'contained',
    details: {
      nhsNumber: text(identifierIn(patient.identifier, IDENTIFIER_SYSTEMS.nhsNumber)),
      givenName: Array.isArray(name.given) ? name.given.map(text).join(' ') : '',
      familyName: text(name.family),
      dateOfBirth: text(patient.birthDate),
      sex: GENDER_TO_SEX[text(patient.gender)] ?? '',
      postcode: text(address.postalCode),
    },
  };
}

function patientOf(resource: Json, errors: FieldError[]): IncomingPatient | undefined {
  const subject = isObject(resource.subject) ? resource.subject : {};
  const contained = containedById(resource, subject.reference, 'Patient');
  if (contained) return containedPatientOf(contained);
  const nhsNumber = identifierIn(subject.identifier, IDENTIFIER_SYSTEMS.nhsNumber);
  if (nhsNumber && !subject.reference) return { kind: 'nhs-number', nhsNumber };
  errors.push({
    field: 'ServiceRequest.subject',
    message: `Name the patient by a contained Patient ("#id") or by an identifier in ${IDENTIFIER_SYSTEMS.nhsNumber}`,
  });
  return undefined;
}

/** Answers to the protocol's questions from a contained QuestionnaireResponse named in supportingInfo: each item's linkId is a question id, its answer a boolean. */
function answersOf(resource: Json): Record<string, boolean> {
  const answers: Record<string, boolean> = {};
  for (const info of list(resource.supportingInfo)) {
    const response = containedById(resource, info.reference, 'QuestionnaireResponse');
    for (const item of list(response?.item)) {
      const answer = list(item.answer)[0]?.valueBoolean;
      if (typeof item.linkId === 'string' && typeof answer === 'boolean') answers[item.linkId] = answer;
    }
  }
  return answers;
}

function requestErrors(resource: Json): FieldError[] {
  const errors: FieldError[] = [];
  if (resource.resourceType !== 'ServiceRequest') errors.push({ field: 'resourceType', message: 'The body must be a ServiceRequest' });
  if (resource.status !== 'active') errors.push({ field: 'ServiceRequest.status', message: 'A referral is sent with status active' });
  if (resource.intent !== 'order') errors.push({ field: 'ServiceRequest.intent', message: 'A referral is sent with intent order' });
  if (!['routine', 'urgent', undefined].includes(resource.priority as string))
    errors.push({ field: 'ServiceRequest.priority', message: 'AQP services take routine or urgent referrals' });
  if (resource.performer !== undefined)
    errors.push({
      field: 'ServiceRequest.performer',
      message: 'Leave out the performer: the patient chooses the provider from the choice list once the referral is made',
    });
  return errors;
}

function requesterOdsCodeOf(resource: Json, errors: FieldError[]): string | null {
  if (resource.requester === undefined) return null;
  const odsCode = isObject(resource.requester)
    ? identifierIn(resource.requester.identifier, IDENTIFIER_SYSTEMS.odsOrganisationCode)
    : undefined;
  if (odsCode) return odsCode.trim().toUpperCase();
  errors.push({
    field: 'ServiceRequest.requester',
    message: `Name the referring GP practice by an identifier in ${IDENTIFIER_SYSTEMS.odsOrganisationCode}`,
  });
  return null;
}

function serviceCodeOf(resource: Json, errors: FieldError[]): string {
  const code = isObject(resource.code)
    ? list(resource.code.coding).find((coding) => coding.system === SERVICE_CATALOGUE_SYSTEM)?.code
    : undefined;
  if (typeof code === 'string' && code) return code;
  errors.push({ field: 'ServiceRequest.code', message: `Name the service by a code in ${SERVICE_CATALOGUE_SYSTEM}` });
  return '';
}

/** Reads an incoming ServiceRequest into the referral form's input; a GP practice's request is a GP referral (route "gp"). */
export function parseIncomingServiceRequest(body: unknown): { errors: FieldError[]; incoming?: IncomingReferral } {
  if (!isObject(body)) return { errors: [{ field: 'resourceType', message: 'The body must be a ServiceRequest' }] };
  const errors = requestErrors(body);
  const requesterOdsCode = requesterOdsCodeOf(body, errors);
  const serviceCode = serviceCodeOf(body, errors);
  const patient = patientOf(body, errors);
  if (errors.length || !patient) return { errors };
  const bodySite = list(body.bodySite)[0];
  return {
    errors,
    incoming: {
      requesterOdsCode,
      patient,
      referral: {
        serviceCode,
        priority: text(body.priority) || 'routine',
        route: 'gp',
        ...(bodySite && { bodyArea: text(bodySite.text) || text(list(bodySite.coding)[0]?.display) }),
        answers: answersOf(body),
        clinicalInformation: list(body.note)
          .map((note) => text(note.text).trim())
          .filter(Boolean)
          .join('\n\n'),
      },
    },
  };
}
