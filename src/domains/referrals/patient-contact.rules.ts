/** How to reach the patient and what they need to take part (issue #12 items 4 and 7; decision 0031): one set of fields and rules for the GP referral and the self-referral alike. */
import type { FieldError } from '../../lib/errors.ts';

/** Formats the provider can send letters and information in. */
export const INFORMATION_FORMATS = ['large-print', 'easy-read', 'braille', 'audio', 'bsl'] as const;
/** Adjustments to the place and the appointment that providers are asked for most. */
export const ACCESS_NEEDS = ['step-free-access', 'hearing-loop', 'longer-appointment', 'someone-with-me'] as const;
/** How a patient may ask to be sent their reference and access code. */
export const REFERENCE_DELIVERIES = ['email', 'text'] as const;

export const ADDRESS_LINE_MAX = 100;
export const ADDRESS_LINES_MAX = 3;
export const LANGUAGE_MAX = 60;
export const OTHER_NEEDS_MAX = 1000;

export type InformationFormat = (typeof INFORMATION_FORMATS)[number];
export type AccessNeed = (typeof ACCESS_NEEDS)[number];
export type ReferenceDelivery = (typeof REFERENCE_DELIVERIES)[number];

export interface CommunicationNeeds {
  /** The spoken language an interpreter is needed for; British Sign Language is a format. */
  interpreterLanguage: string | null;
  formats: InformationFormat[];
  access: AccessNeed[];
  /** Anything else, in the patient's or referrer's words. */
  other: string | null;
}

/** The contact details and communication needs as typed: every part optional except where the voice requires a way to reach the patient. */
export interface PatientContactInput {
  phone: string;
  email: string;
  addressLines: string[];
  interpreterLanguage: string;
  formats: string[];
  access: string[];
  otherNeeds: string;
  /** Only a self-referring patient is asked: '' when they do not want it sent. */
  sendReferenceBy?: string;
}

/** Who is typing: error messages say "the patient’s" to a referrer and "your" to a patient. */
export type Voice = 'referrer' | 'patient';

/** The checked details, ready to keep with the referral. */
export interface PatientContact {
  phone: string | null;
  email: string | null;
  addressLines: string[];
  communicationNeeds: CommunicationNeeds | null;
  sendReferenceBy: ReferenceDelivery | null;
}

/** Nothing given: what an empty form or an API body without contact details means. */
export const NO_CONTACT_INPUT: PatientContactInput = {
  phone: '',
  email: '',
  addressLines: [],
  interpreterLanguage: '',
  formats: [],
  access: [],
  otherNeeds: '',
};

const includes = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

/** A UK or international phone number as digits with an optional leading +, or undefined when it cannot be one. */
export function normalisePhone(text: string): string | undefined {
  const compact = text.replace(/[\s().-]/g, '');
  return /^\+?\d{10,15}$/.test(compact) ? compact : undefined;
}

/** True for an address of the form name@domain.tld, no longer than an email address may be. */
export function isPlausibleEmail(text: string): boolean {
  return text.length <= 320 && /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(text);
}

const tidy = (text: string) => text.trim().replace(/\s+/g, ' ');

function phoneAndEmailErrors(input: PatientContactInput, voice: Voice): FieldError[] {
  const errors: FieldError[] = [];
  if (input.phone.trim() && !normalisePhone(input.phone))
    errors.push({ field: 'phone', message: 'Enter a phone number, like 01632 960 001 or 07700 900 982' });
  if (input.email.trim() && !isPlausibleEmail(input.email.trim()))
    errors.push({ field: 'email', message: 'Enter an email address in the correct format, like name@example.com' });
  if (voice === 'patient' && !input.phone.trim() && !input.email.trim())
    errors.push({ field: 'phone', message: 'Enter a phone number or an email address, so the provider can contact you' });
  return errors;
}

function deliveryErrors(input: PatientContactInput): FieldError[] {
  const wish = input.sendReferenceBy ?? '';
  if (!wish) return [];
  if (!includes(REFERENCE_DELIVERIES, wish)) return [{ field: 'sendReferenceBy', message: 'Choose email, text message or neither' }];
  if (wish === 'email' && !input.email.trim())
    return [{ field: 'sendReferenceBy', message: 'Enter your email address above, or choose another way' }];
  if (wish === 'text' && !input.phone.trim())
    return [{ field: 'sendReferenceBy', message: 'Enter your phone number above, or choose another way' }];
  return [];
}

function needsErrors(input: PatientContactInput): FieldError[] {
  const errors: FieldError[] = [];
  if (input.addressLines.length > ADDRESS_LINES_MAX)
    errors.push({ field: 'addressLine1', message: `Enter the address in ${ADDRESS_LINES_MAX} lines or fewer` });
  input.addressLines.forEach((line, index) => {
    if (line.trim().length > ADDRESS_LINE_MAX)
      errors.push({
        field: `addressLine${index + 1}`,
        message: `Each line of the address must be ${ADDRESS_LINE_MAX} characters or fewer`,
      });
  });
  if (input.interpreterLanguage.trim().length > LANGUAGE_MAX)
    errors.push({ field: 'interpreterLanguage', message: `The language must be ${LANGUAGE_MAX} characters or fewer` });
  if (input.formats.some((format) => !includes(INFORMATION_FORMATS, format)))
    errors.push({ field: 'formats', message: 'Choose formats from the list' });
  if (input.access.some((need) => !includes(ACCESS_NEEDS, need)))
    errors.push({ field: 'access', message: 'Choose access needs from the list' });
  if (input.otherNeeds.trim().length > OTHER_NEEDS_MAX)
    errors.push({ field: 'otherNeeds', message: `Other needs must be ${OTHER_NEEDS_MAX.toLocaleString('en-GB')} characters or fewer` });
  return errors;
}

/** Every problem with the contact details and needs; a patient referring themselves must give a phone number or an email address, a referrer need not (the practice can reach its patient). */
export function contactErrors(input: PatientContactInput, voice: Voice): FieldError[] {
  return [...phoneAndEmailErrors(input, voice), ...deliveryErrors(input), ...needsErrors(input)];
}

/** The needs to keep, or null when none was given. */
function communicationNeedsOf(input: PatientContactInput): CommunicationNeeds | null {
  const needs = {
    interpreterLanguage: tidy(input.interpreterLanguage) || null,
    formats: INFORMATION_FORMATS.filter((format) => input.formats.includes(format)),
    access: ACCESS_NEEDS.filter((need) => input.access.includes(need)),
    other: input.otherNeeds.trim() || null,
  };
  return needs.interpreterLanguage || needs.formats.length || needs.access.length || needs.other ? needs : null;
}

/** The checked contact details; call only once `contactErrors` found nothing. */
export function checkedContactOf(input: PatientContactInput): PatientContact {
  const wish = input.sendReferenceBy ?? '';
  return {
    phone: normalisePhone(input.phone) ?? null,
    email: input.email.trim() || null,
    addressLines: input.addressLines.map(tidy).filter(Boolean),
    communicationNeeds: communicationNeedsOf(input),
    sendReferenceBy: includes(REFERENCE_DELIVERIES, wish) ? wish : null,
  };
}

/** True when the referral carries something worth keeping: a way to reach the patient, an address, a need or a delivery wish. */
export function hasContactDetails(contact: PatientContact): boolean {
  return Boolean(contact.phone || contact.email || contact.addressLines.length || contact.communicationNeeds || contact.sendReferenceBy);
}

/** The contact input with every missing part empty, so callers (the API, older clients) may give only some of it. */
export function contactInputOf(given: Partial<PatientContactInput>): PatientContactInput {
  return {
    phone: given.phone ?? '',
    email: given.email ?? '',
    addressLines: given.addressLines ?? [],
    interpreterLanguage: given.interpreterLanguage ?? '',
    formats: given.formats ?? [],
    access: given.access ?? [],
    otherNeeds: given.otherNeeds ?? '',
    sendReferenceBy: given.sendReferenceBy ?? '',
  };
}
