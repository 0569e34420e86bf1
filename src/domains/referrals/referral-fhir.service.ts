/** ServiceRequest and Appointment reads and searches (issue #16 item 1) for the referring practice or the chosen provider, the referral pages' rule; every read is audited by the repository. */
import type { Appointment, ServiceRequest } from '@medplum/fhirtypes';
import { DomainError } from '../../lib/errors.ts';
import { IDENTIFIER_SYSTEMS } from '../../lib/uk-core.rules.ts';
import type { Deps } from '../deps.ts';
import type { ActionContext } from '../identity/principal.ts';
import { appointmentOf } from './appointment.fhir.ts';
import { contactSeenBy, contactsFoundBy } from './appointment-fhir.repo.ts';
import { organisationCriterion, referenceId, statusesOf, tokenCode } from './fhir-search.rules.ts';
import { referralByIdSeenBy, referralsFoundBy, type ReferralSearch } from './referral-fhir.repo.ts';
import { serviceRequestOf } from './service-request.fhir.ts';

/** The search parameters a FHIR search was given, one value each. */
export type SearchParams = Partial<Record<string, string>>;

/** A page of a search: where it starts and how many it holds. */
export interface SearchPage {
  offset: number;
  count: number;
}

/** One ServiceRequest by id for a side of the referral; to anyone else it does not exist. */
export async function readServiceRequest(deps: Deps, context: ActionContext, id: string): Promise<ServiceRequest> {
  const referral = await deps.db.transaction().execute((trx) => referralByIdSeenBy(trx, context, id));
  if (!referral) throw new DomainError('not-found', `There is no ServiceRequest ${id.slice(0, 40)}`);
  return serviceRequestOf(referral);
}

/** The ServiceRequest search as e-RS and GP systems use it: by UBRN (`identifier`), `status`, `performer`, `requester` and `patient`. */
export function referralSearchOf(params: SearchParams, page: SearchPage): ReferralSearch {
  const search: ReferralSearch = { ...page };
  if (params.identifier !== undefined) search.ubrn = tokenCode(params.identifier, IDENTIFIER_SYSTEMS.ubrn) ?? '';
  if (params.status !== undefined) search.statuses = statusesOf(params.status);
  if (params.performer !== undefined) search.performer = organisationCriterion(params.performer);
  if (params.requester !== undefined) search.requester = organisationCriterion(params.requester);
  const patient = params.patient;
  if (patient !== undefined) search.patientId = referenceId(patient, 'Patient') ?? '';
  return search;
}

/** One page of the ServiceRequests the search finds among the referrals the caller is on a side of, with the total. */
export async function searchServiceRequests(
  deps: Deps,
  context: ActionContext,
  params: SearchParams,
  page: SearchPage,
): Promise<{ total: number; resources: ServiceRequest[] }> {
  const found = await deps.db.transaction().execute((trx) => referralsFoundBy(trx, context, referralSearchOf(params, page)));
  return { total: found.total, resources: found.referrals.map(serviceRequestOf) };
}

/** One Appointment (an appointment or session recorded on a referral) for a side of the referral. */
export async function readAppointment(deps: Deps, context: ActionContext, id: string): Promise<Appointment> {
  const found = await deps.db.transaction().execute((trx) => contactSeenBy(trx, context, id));
  if (!found) throw new DomainError('not-found', `There is no Appointment ${id.slice(0, 40)}`);
  return appointmentOf(found.contact, found.referral);
}

/** The Appointments of the referrals the caller may see, by `based-on` (the ServiceRequest) or `patient`; one page of them with the total. */
export async function searchAppointments(
  deps: Deps,
  context: ActionContext,
  params: SearchParams,
  page: SearchPage,
): Promise<{ total: number; resources: Appointment[] }> {
  const basedOn = params['based-on'];
  const patient = params.patient;
  const search = {
    ...(basedOn !== undefined && { referralId: referenceId(basedOn, 'ServiceRequest') ?? '' }),
    ...(patient !== undefined && { patientId: referenceId(patient, 'Patient') ?? '' }),
  };
  const found = await deps.db.transaction().execute((trx) => contactsFoundBy(trx, context, search));
  const resources = found.slice(page.offset, page.offset + page.count).map(({ contact, referral }) => appointmentOf(contact, referral));
  return { total: found.length, resources };
}
