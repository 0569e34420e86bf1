/** What a referrer (or a patient referring themselves) types about the patient and the referral, checked field by field before any eligibility is judged. */
import type { ReferralProtocol } from '../catalogue/referral-protocol.schema.ts';
import type { FieldError } from '../../lib/errors.ts';
import { isIsoDate } from '../../lib/iso-date.ts';
import { isValidNhsNumber, normaliseNhsNumber } from '../../lib/nhs-number.ts';
import type { ReferralRoute } from './eligibility.rules.ts';
import {
  checkedContactOf,
  contactErrors,
  contactInputOf,
  type PatientContact,
  type PatientContactInput,
  type Voice,
} from './patient-contact.rules.ts';

export const PATIENT_SEXES = ['female', 'male', 'unknown'] as const;
export const REFERRER_ROUTES = ['gp', 'other-clinician'] as const;
export const REFERRAL_PRIORITIES = ['routine', 'urgent'] as const;

/** The patient's own details and their answers to the protocol's questions, as typed by whoever refers. */
export interface PatientInput {
  nhsNumber: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  sex: string;
  postcode: string;
  bodyArea?: string;
  /** Answers to the protocol's exclusion and prerequisite questions by question id: true is "yes". */
  answers: Record<string, boolean | undefined>;
}

/** A referrer's referral as typed; the patient's contact details and communication needs are optional parts (a body without them gives none). */
export interface ReferralInput extends PatientInput, Partial<PatientContactInput> {
  serviceCode: string;
  priority: string;
  route: string;
  clinicalInformation: string;
}

/** The checked input: NHS number as ten digits, names trimmed, body area in one spelling so repeat limits can count it. */
export interface CheckedReferral {
  nhsNumber: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  sex: (typeof PATIENT_SEXES)[number];
  priority: (typeof REFERRAL_PRIORITIES)[number];
  route: ReferralRoute;
  bodyArea: string | null;
  answers: Record<string, boolean>;
  clinicalInformation: string;
}

const includes = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

/** The form field a protocol question is answered in. */
export function answerField(questionId: string): string {
  return `answer-${questionId}`;
}

/** Problems with the patient's NHS number, names, date of birth, sex and postcode, worded for whoever is typing. */
export function patientErrors(input: PatientInput, today: string, voice: Voice = 'referrer'): FieldError[] {
  const whose = voice === 'patient' ? 'your' : 'the patient’s';
  const errors: FieldError[] = [];
  const nhsNumber = normaliseNhsNumber(input.nhsNumber);
  if (!input.nhsNumber.trim()) errors.push({ field: 'nhsNumber', message: `Enter ${whose} NHS number` });
  else if (!nhsNumber) errors.push({ field: 'nhsNumber', message: 'NHS number must be 10 digits' });
  else if (!isValidNhsNumber(nhsNumber))
    errors.push({ field: 'nhsNumber', message: 'Enter a valid NHS number: the check digit does not match' });
  if (!input.givenName.trim()) errors.push({ field: 'givenName', message: `Enter ${whose} first name` });
  if (!input.familyName.trim()) errors.push({ field: 'familyName', message: `Enter ${whose} last name` });
  for (const [field, value] of [
    ['givenName', input.givenName],
    ['familyName', input.familyName],
  ] as const)
    if (value.trim().length > 100) errors.push({ field, message: 'Names must be 100 characters or fewer' });
  if (!input.dateOfBirth) errors.push({ field: 'dateOfBirth', message: `Enter ${whose} date of birth` });
  else if (!isIsoDate(input.dateOfBirth)) errors.push({ field: 'dateOfBirth', message: 'Date of birth must be a real date' });
  else if (input.dateOfBirth > today) errors.push({ field: 'dateOfBirth', message: 'Date of birth must be in the past' });
  else if (input.dateOfBirth < `${Number(today.slice(0, 4)) - 125}${today.slice(4)}`)
    errors.push({ field: 'dateOfBirth', message: 'Check the year of birth' });
  if (!includes(PATIENT_SEXES, input.sex)) errors.push({ field: 'sex', message: `Select ${whose} sex` });
  if (!input.postcode.trim()) errors.push({ field: 'postcode', message: `Enter ${whose} postcode` });
  return errors;
}

/** Problems with the answers the protocol asks for: the body area where repeat limits count per body area, and every yes/no question. */
export function protocolAnswerErrors(input: PatientInput, protocol: ReferralProtocol): FieldError[] {
  const errors: FieldError[] = [];
  if (protocol.repeatLimit?.per === 'body-area' && !input.bodyArea?.trim())
    errors.push({ field: 'bodyArea', message: 'Enter the body area the referral is for' });
  for (const question of [...protocol.exclusions, ...protocol.prerequisites]) {
    if (input.answers[question.id] === undefined)
      errors.push({ field: answerField(question.id), message: `Answer yes or no: ${question.question}` });
  }
  return errors;
}

/** The checked patient part of a referral; call only once `patientErrors` and `protocolAnswerErrors` found nothing. */
export function checkedPatientOf(
  input: PatientInput,
  protocol: ReferralProtocol,
): Pick<CheckedReferral, 'nhsNumber' | 'givenName' | 'familyName' | 'dateOfBirth' | 'sex' | 'bodyArea' | 'answers'> {
  const questionIds = new Set([...protocol.exclusions, ...protocol.prerequisites].map((question) => question.id));
  return {
    nhsNumber: normaliseNhsNumber(input.nhsNumber)!,
    givenName: input.givenName.trim(),
    familyName: input.familyName.trim(),
    dateOfBirth: input.dateOfBirth,
    sex: input.sex as CheckedReferral['sex'],
    bodyArea: protocol.repeatLimit?.per === 'body-area' ? input.bodyArea!.trim().toLowerCase().replace(/\s+/g, ' ') : null,
    answers: Object.fromEntries(
      Object.entries(input.answers).filter(([id, answer]) => questionIds.has(id) && answer !== undefined),
    ) as Record<string, boolean>,
  };
}

function priorityAndRouteErrors(input: ReferralInput): FieldError[] {
  const errors: FieldError[] = [];
  if (!includes(REFERRAL_PRIORITIES, input.priority)) errors.push({ field: 'priority', message: 'Select the priority' });
  if (!includes(REFERRER_ROUTES, input.route)) errors.push({ field: 'route', message: 'Select who is referring' });
  return errors;
}

function clinicalInformationErrors(input: ReferralInput): FieldError[] {
  const errors: FieldError[] = [];
  if (!input.clinicalInformation.trim())
    errors.push({ field: 'clinicalInformation', message: 'Enter the clinical information the provider needs' });
  else if (input.clinicalInformation.length > 5000)
    errors.push({ field: 'clinicalInformation', message: 'Clinical information must be 5,000 characters or fewer' });
  return errors;
}

/** Every problem with a referrer's input at once, or the checked referral and contact details; questions come from the offer's current protocol. */
export function checkReferralInput(
  input: ReferralInput,
  protocol: ReferralProtocol,
  today: string,
): { errors: FieldError[]; referral?: CheckedReferral; contact?: PatientContact } {
  const contact = contactInputOf({ ...input, sendReferenceBy: '' });
  const errors = [
    ...patientErrors(input, today),
    ...priorityAndRouteErrors(input),
    ...protocolAnswerErrors(input, protocol),
    ...contactErrors(contact, 'referrer'),
    ...clinicalInformationErrors(input),
  ];
  if (errors.length) return { errors };
  return {
    errors,
    contact: checkedContactOf(contact),
    referral: {
      ...checkedPatientOf(input, protocol),
      priority: input.priority as CheckedReferral['priority'],
      route: input.route as CheckedReferral['route'],
      clinicalInformation: input.clinicalInformation.trim(),
    },
  };
}
