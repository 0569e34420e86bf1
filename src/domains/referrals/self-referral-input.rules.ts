/** What a patient referring themselves types (PRODUCT.md §3.5): the same patient details and protocol answers as a referrer gives, with optional contact details and the help they are looking for. */
import type { ReferralProtocol } from '../catalogue/referral-protocol.schema.ts';
import type { FieldError } from '../../lib/errors.ts';
import { type CheckedReferral, checkedPatientOf, type PatientInput, patientErrors, protocolAnswerErrors } from './referral-input.rules.ts';

export interface SelfReferralInput extends PatientInput {
  serviceCode: string;
  /** The ODS code of the patient's GP practice, or null when they are not registered with one. */
  practiceOdsCode: string | null;
  phone: string;
  email: string;
  /** In the patient's words: what help they are looking for. */
  helpWanted: string;
}

export interface Contact {
  phone: string | null;
  email: string | null;
}

export const HELP_WANTED_MAX = 5000;

/** A UK or international phone number as digits with an optional leading +, or undefined when it cannot be one. */
export function normalisePhone(text: string): string | undefined {
  const compact = text.replace(/[\s().-]/g, '');
  return /^\+?\d{10,15}$/.test(compact) ? compact : undefined;
}

/** True for an address of the form name@domain.tld, no longer than an email address may be. */
export function isPlausibleEmail(text: string): boolean {
  return text.length <= 320 && /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(text);
}

/** Problems with the optional contact details and the required description of the help wanted. */
export function selfReferralErrors(input: SelfReferralInput): FieldError[] {
  const errors: FieldError[] = [];
  if (input.phone.trim() && !normalisePhone(input.phone)) errors.push({ field: 'phone', message: 'Enter a phone number, like 01632 960 001 or 07700 900 982' });
  if (input.email.trim() && !isPlausibleEmail(input.email.trim())) errors.push({ field: 'email', message: 'Enter an email address in the correct format, like name@example.com' });
  if (!input.helpWanted.trim()) errors.push({ field: 'helpWanted', message: 'Tell us what help you are looking for' });
  else if (input.helpWanted.length > HELP_WANTED_MAX) errors.push({ field: 'helpWanted', message: 'What help you are looking for must be 5,000 characters or fewer' });
  return errors;
}

/** Every problem at once, or the checked referral (route 'self', routine) and contact details; questions come from the offer's current protocol. */
export function checkSelfReferralInput(input: SelfReferralInput, protocol: ReferralProtocol, today: string): { errors: FieldError[]; checked?: { referral: CheckedReferral; contact: Contact } } {
  const errors = [...patientErrors(input, today, 'patient'), ...protocolAnswerErrors(input, protocol), ...selfReferralErrors(input)];
  if (errors.length) return { errors };
  return {
    errors,
    checked: {
      referral: { ...checkedPatientOf(input, protocol), priority: 'routine', route: 'self', clinicalInformation: input.helpWanted.trim() },
      contact: { phone: normalisePhone(input.phone) ?? null, email: input.email.trim() || null },
    },
  };
}

/** A family name compared as people write it: case, spaces, hyphens and apostrophes aside. */
function nameKey(name: string): string {
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[\s'’-]/g, '');
}

/** True when what a self-referring patient typed matches the record held for their NHS number (last name and date of birth), as a demographic trace would check. */
export function matchesPatientRecord(record: { familyName: string; dateOfBirth: string }, typed: { familyName: string; dateOfBirth: string }): boolean {
  return record.dateOfBirth === typed.dateOfBirth && nameKey(record.familyName) === nameKey(typed.familyName);
}
