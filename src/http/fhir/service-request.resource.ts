/** ServiceRequest at /fhir (issue #16 item 1; decision 0063): a referral, for the referring practice or the chosen provider; POST is referral in. */
import type { ServiceRequest } from '@medplum/fhirtypes';
import { UK_CORE_PROFILES } from '../../lib/uk-core.rules.ts';
import { readServiceRequest, searchServiceRequests } from '../../domains/referrals/referral-fhir.service.ts';
import { referralFromServiceRequest } from '../../domains/referrals/referral-in.service.ts';
import type { FhirResourceType } from './fhir-resource-type.ts';

export const REFERRAL_READERS = ['referrer', 'provider-admin', 'provider-clinician'] as const;

export const SERVICE_REQUEST_TYPE: FhirResourceType<ServiceRequest> = {
  type: 'ServiceRequest',
  profile: UK_CORE_PROFILES.ServiceRequest,
  readRoles: REFERRAL_READERS,
  createRoles: ['referrer'],
  searchParams: [
    { name: 'identifier', type: 'token', documentation: 'The UBRN: https://fhir.nhs.uk/Id/UBRN|000000070000' },
    { name: 'status', type: 'token', documentation: 'active, on-hold, completed or revoked (comma-separated for any of them)' },
    { name: 'performer', type: 'reference', documentation: 'The chosen provider: Organization/<id> or an ODS code token' },
    { name: 'requester', type: 'reference', documentation: 'The referring practice: Organization/<id> or an ODS code token' },
    { name: 'patient', type: 'reference', documentation: 'The patient: Patient/<id>' },
  ],
  read: (deps, id, context) => readServiceRequest(deps, context.action, id),
  search: (deps, params, page, context) => searchServiceRequests(deps, context.action, params, page),
  create: (deps, body, context) => referralFromServiceRequest(deps, context.action, body),
};
