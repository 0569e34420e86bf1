/** A referral as a FHIR R4 ServiceRequest in the shape of UK Core and the e-Referral Service (issue #16 item 1; decision 0063). */
import type { Organization, Patient, Reference, ServiceRequest } from '@medplum/fhirtypes';
import { IDENTIFIER_SYSTEMS, UK_CORE_PROFILES } from '../../lib/uk-core.rules.ts';
import { SERVICE_CATALOGUE_SYSTEM } from '../directory/healthcare-service.fhir.ts';
import type { ReferralStatus } from './referral-status.rules.ts';
import type { ReferralRecord } from './referral.repo.ts';

/** The e-Referral Service's ServiceRequest categories: `referral` or `request` (eRS-ServiceRequest). */
export const SERVICE_REQUEST_CATEGORY_SYSTEM = 'https://fhir.nhs.uk/CodeSystem/message-category-servicerequest';

/**
 * Our referral states as ServiceRequest.status (decision 0063): the request stands while the patient chooses, the provider
 * holds it or treats; a returned referral waits on the referrer; a finished episode is completed; a cancelled one revoked.
 */
export const SERVICE_REQUEST_STATUS: Record<ReferralStatus, ServiceRequest['status']> = {
  'awaiting-choice': 'active',
  sent: 'active',
  accepted: 'active',
  returned: 'on-hold',
  discharged: 'completed',
  'episode-closed': 'completed',
  cancelled: 'revoked',
};

/** The ServiceRequest.status values each of our states maps to, reversed, so a search by status finds the states behind it. */
export function referralStatusesFor(fhirStatus: string): ReferralStatus[] {
  return (Object.entries(SERVICE_REQUEST_STATUS) as [ReferralStatus, string][])
    .filter(([, status]) => status === fhirStatus)
    .map(([ours]) => ours);
}

/** The patient a resource is about: our Patient resource, named also by NHS number so a GP system can match it without reading it. */
export function patientReferenceOf(patient: { id: string; nhsNumber: string | null }): Reference<Patient> {
  return {
    reference: `Patient/${patient.id}`,
    type: 'Patient',
    ...(patient.nhsNumber && { identifier: { system: IDENTIFIER_SYSTEMS.nhsNumber, value: patient.nhsNumber } }),
  };
}

/** An organisation by its ODS code, with its name for people reading the resource. */
export function organisationReferenceOf(id: string, odsCode: string | null, name: string | null): Reference<Organization> {
  return {
    reference: `Organization/${id}`,
    type: 'Organization',
    ...(odsCode && { identifier: { system: IDENTIFIER_SYSTEMS.odsOrganisationCode, value: odsCode } }),
    ...(name && { display: name }),
  };
}

/** Who asked: the referring practice, or the patient themselves for a self-referral. */
function requesterOf(referral: ReferralRecord): Reference<Organization | Patient> {
  const referrer = referral.referrer;
  return referrer.organisationId
    ? organisationReferenceOf(referrer.organisationId, referrer.odsCode, referrer.organisationName)
    : patientReferenceOf(referral.patient);
}

/** Who was asked: the chosen provider and its site, once the patient has chosen. */
function performerOf(referral: ReferralRecord): Pick<ServiceRequest, 'performer' | 'locationReference'> {
  const chosen = referral.chosen;
  if (!chosen) return {};
  return {
    performer: [organisationReferenceOf(chosen.providerOrganisationId, chosen.providerOdsCode, chosen.providerName)],
    locationReference: [{ reference: `Location/${chosen.siteId}`, type: 'Location', display: chosen.siteName }],
  };
}

/** When the care happens: from the provider's acceptance to the discharge, once either is known. */
function occurrenceOf(referral: ReferralRecord): Pick<ServiceRequest, 'occurrencePeriod'> {
  if (!referral.acceptedAt) return {};
  return {
    occurrencePeriod: {
      start: referral.acceptedAt.toISOString(),
      ...(referral.dischargedAt && { end: referral.dischargedAt.toISOString() }),
    },
  };
}

/** A referral as a ServiceRequest: UBRN identifier, status and intent from our states, the service asked for, subject by NHS number, requester and performer by ODS code. */
export function serviceRequestOf(referral: ReferralRecord): ServiceRequest {
  return {
    resourceType: 'ServiceRequest',
    id: referral.id,
    meta: { versionId: String(referral.version), profile: [UK_CORE_PROFILES.ServiceRequest] },
    identifier: [{ system: IDENTIFIER_SYSTEMS.ubrn, value: referral.ubrn }],
    status: SERVICE_REQUEST_STATUS[referral.status],
    intent: 'order',
    category: [{ coding: [{ system: SERVICE_REQUEST_CATEGORY_SYSTEM, code: 'referral', display: 'Referral' }] }],
    priority: referral.priority === 'urgent' ? 'urgent' : 'routine',
    code: {
      coding: [{ system: SERVICE_CATALOGUE_SYSTEM, code: referral.offer.serviceCode, display: referral.offer.serviceName }],
      text: referral.offer.serviceName,
    },
    subject: patientReferenceOf(referral.patient),
    ...occurrenceOf(referral),
    authoredOn: referral.referredOn,
    requester: requesterOf(referral),
    ...performerOf(referral),
    ...(referral.bodyArea && { bodySite: [{ text: referral.bodyArea }] }),
    note: [{ text: referral.clinicalInformation }],
  };
}
