/** Referral in over FHIR (issue #16 item 1; decision 0063): an incoming ServiceRequest becomes a referral through the very service the referral page uses, or is refused with its reasons and nothing saved. */
import type { ServiceRequest } from '@medplum/fhirtypes';
import { DomainError, type FieldError, isDomainError, validationFailed } from '../../lib/errors.ts';
import { normaliseNhsNumber } from '../../lib/nhs-number.ts';
import type { Deps } from '../deps.ts';
import type { ActionContext } from '../identity/principal.ts';
import { ineligibilityErrorOf } from './eligibility.fhir.ts';
import { patientRegisteredAt } from './patient-fhir.repo.ts';
import type { ReferralInput } from './referral-input.rules.ts';
import { referralSettingFor, type ReferralSetting } from './referral-offer.service.ts';
import { readServiceRequest } from './referral-fhir.service.ts';
import { createReferral } from './referral.service.ts';
import { type IncomingReferral, parseIncomingServiceRequest } from './service-request-in.fhir.ts';

/** Where each field of the referral form's input lives in the incoming resources, so a problem names its FHIRPath. */
const FHIR_PATH: Record<string, string> = {
  nhsNumber: 'Patient.identifier',
  givenName: 'Patient.name.given',
  familyName: 'Patient.name.family',
  dateOfBirth: 'Patient.birthDate',
  sex: 'Patient.gender',
  postcode: 'Patient.address.postalCode',
  serviceCode: 'ServiceRequest.code',
  priority: 'ServiceRequest.priority',
  route: 'ServiceRequest.requester',
  bodyArea: 'ServiceRequest.bodySite',
  clinicalInformation: 'ServiceRequest.note',
};

function fhirPathOf(field: string): string {
  if (field.startsWith('answer-')) return `QuestionnaireResponse.item.where(linkId='${field.slice('answer-'.length)}')`;
  return FHIR_PATH[field] ?? field;
}

/** The patient's details: those contained in the request, or, for a patient named by NHS number alone, those we hold for a patient registered at this practice. */
async function patientDetailsOf(deps: Deps, incoming: IncomingReferral, setting: ReferralSetting) {
  if (incoming.patient.kind === 'contained') return incoming.patient.details;
  const nhsNumber = normaliseNhsNumber(incoming.patient.nhsNumber) ?? incoming.patient.nhsNumber;
  const held = await patientRegisteredAt(deps.db, nhsNumber, setting.practice.id);
  if (!held)
    throw validationFailed([
      {
        field: 'ServiceRequest.subject',
        message: `No patient with NHS number ${nhsNumber.slice(0, 12)} is registered at ${setting.practice.name} on AQP: contain the Patient in the request`,
      },
    ]);
  return { nhsNumber, ...held };
}

/** The form's input from the request, once the requester is known to be the caller's own practice. */
async function referralInputOf(deps: Deps, context: ActionContext, body: unknown): Promise<ReferralInput> {
  const { errors, incoming } = parseIncomingServiceRequest(body);
  if (!incoming) throw validationFailed(errors, 'The ServiceRequest cannot be read');
  const setting = await referralSettingFor(deps, context.principal);
  if (incoming.requesterOdsCode && incoming.requesterOdsCode !== setting.practice.odsCode)
    throw new DomainError('forbidden', `The requester must be your own practice, ${setting.practice.odsCode}`);
  return { ...(await patientDetailsOf(deps, incoming, setting)), ...incoming.referral };
}

function withFhirPaths(error: unknown): unknown {
  if (!isDomainError(error) || error.code !== 'validation-failed' || !error.details.fieldErrors) return error;
  const fieldErrors = error.details.fieldErrors.map((fieldError: FieldError) => ({ ...fieldError, field: fhirPathOf(fieldError.field) }));
  return validationFailed(fieldErrors, error.message);
}

/** Makes the referral a ServiceRequest asks for with createReferral (the page's eligibility engine, checks and transaction) and reads it back audited; an ineligible one is refused (business-rule) with every reason and nothing saved. */
export async function referralFromServiceRequest(deps: Deps, context: ActionContext, body: unknown): Promise<ServiceRequest> {
  const input = await referralInputOf(deps, context, body);
  const decision = await createReferral(deps, context, input).catch((error: unknown) => {
    throw withFhirPaths(error);
  });
  if (!decision.created) throw ineligibilityErrorOf(decision.eligibility);
  return readServiceRequest(deps, context, decision.created.referralId);
}
