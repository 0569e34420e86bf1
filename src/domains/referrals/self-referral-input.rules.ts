/** What a patient referring themselves types (PRODUCT.md §3.5): the same patient details and protocol answers as a referrer gives, with optional contact details and the help they are looking for. */
import type { ReferralProtocol } from '../catalogue/referral-protocol.schema.ts';
import type { FieldError } from '../../lib/errors.ts';
import { checkedContactOf, contactErrors, contactInputOf, type PatientContact, type PatientContactInput } from './patient-contact.rules.ts';
import { type CheckedReferral, checkedPatientOf, type PatientInput, patientErrors, protocolAnswerErrors } from './referral-input.rules.ts';

export { isPlausibleEmail, normalisePhone } from './patient-contact.rules.ts';

/** A self-referral as typed: the patient, a phone number or email address (at least one), optional address and communication needs, and the help wanted. */
export interface SelfReferralInput extends PatientInput, Partial<PatientContactInput> {
  serviceCode: string;
  /** The ODS code of the patient's GP practice, or null when they are not registered with one. */
  practiceOdsCode: string | null;
  phone: string;
  email: string;
  /** In the patient's words: what help they are looking for. */
  helpWanted: string;
}

export const HELP_WANTED_MAX = 5000;

/** Problems with the contact details (a phone number or an email address is required, so the provider can reach the patient) and the required description of the help wanted. */
export function selfReferralErrors(input: SelfReferralInput): FieldError[] {
  const errors: FieldError[] = contactErrors(contactInputOf(input), 'patient');
  if (!input.helpWanted.trim()) errors.push({ field: 'helpWanted', message: 'Tell us what help you are looking for' });
  else if (input.helpWanted.length > HELP_WANTED_MAX)
    errors.push({ field: 'helpWanted', message: 'What help you are looking for must be 5,000 characters or fewer' });
  return errors;
}

/** Every problem at once, or the checked referral (route 'self', routine) and contact details; questions come from the offer's current protocol. */
export function checkSelfReferralInput(
  input: SelfReferralInput,
  protocol: ReferralProtocol,
  today: string,
): { errors: FieldError[]; checked?: { referral: CheckedReferral; contact: PatientContact } } {
  const errors = [...patientErrors(input, today, 'patient'), ...protocolAnswerErrors(input, protocol), ...selfReferralErrors(input)];
  if (errors.length) return { errors };
  return {
    errors,
    checked: {
      referral: { ...checkedPatientOf(input, protocol), priority: 'routine', route: 'self', clinicalInformation: input.helpWanted.trim() },
      contact: checkedContactOf(contactInputOf(input)),
    },
  };
}

/** A family name compared as people write it: case, spaces, hyphens and apostrophes aside. */
function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s'’-]/g, '');
}

/** True when what a self-referring patient typed matches the record held for their NHS number (last name and date of birth), as a demographic trace would check. */
export function matchesPatientRecord(
  record: { familyName: string; dateOfBirth: string },
  typed: { familyName: string; dateOfBirth: string },
): boolean {
  return record.dateOfBirth === typed.dateOfBirth && nameKey(record.familyName) === nameKey(typed.familyName);
}
