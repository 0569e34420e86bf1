/** An appointment or session recorded on a referral as a FHIR R4 Appointment in the shape of UK Core (issue #16 item 1; decision 0063). */
import type { Appointment } from '@medplum/fhirtypes';
import { UK_CORE_PROFILES } from '../../lib/uk-core.rules.ts';
import { SERVICE_CATALOGUE_SYSTEM } from '../directory/healthcare-service.fhir.ts';
import type { ReferralContact } from './referral-history.repo.ts';
import type { ReferralRecord } from './referral.repo.ts';
import { patientReferenceOf } from './service-request.fhir.ts';

/** Attendance as Appointment.status (decision 0063): attended is fulfilled, did not attend is noshow, not yet recorded is booked. */
export function appointmentStatusOf(attendance: ReferralContact['attendance']): Appointment['status'] {
  if (attendance === 'attended') return 'fulfilled';
  if (attendance === 'did-not-attend') return 'noshow';
  return 'booked';
}

const KIND_TEXT: Record<ReferralContact['kind'], string> = { appointment: 'Appointment', session: 'Treatment session' };

/**
 * A contact as an Appointment based on its referral's ServiceRequest, with the patient and the chosen site as participants.
 * We record when a contact starts, not how long it lasts, so end equals start (R4 app-2 and app-3 require both on a booked one).
 */
export function appointmentOf(
  contact: Pick<ReferralContact, 'id' | 'kind' | 'scheduledFor' | 'attendance' | 'recordedAt'>,
  referral: ReferralRecord,
): Appointment {
  const start = (contact.scheduledFor ?? contact.recordedAt).toISOString();
  return {
    resourceType: 'Appointment',
    id: contact.id,
    meta: { profile: [UK_CORE_PROFILES.Appointment] },
    status: appointmentStatusOf(contact.attendance),
    serviceType: [
      { coding: [{ system: SERVICE_CATALOGUE_SYSTEM, code: referral.offer.serviceCode, display: referral.offer.serviceName }] },
    ],
    appointmentType: { text: KIND_TEXT[contact.kind] },
    start,
    end: start,
    basedOn: [{ reference: `ServiceRequest/${referral.id}`, type: 'ServiceRequest' }],
    participant: [
      { actor: patientReferenceOf(referral.patient), status: 'accepted' },
      ...(referral.chosen
        ? [
            {
              actor: { reference: `Location/${referral.chosen.siteId}`, type: 'Location' as const, display: referral.chosen.siteName },
              status: 'accepted' as const,
            },
          ]
        : []),
    ],
  };
}
