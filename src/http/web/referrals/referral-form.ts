/** Reads the referral form into the service's input, and lays out the protocol's questions as yes/no radios from the protocol data. */
import type { ReferralProtocol } from '../../../domains/catalogue/referral-protocol.schema.ts';
import { answerField, type ReferralInput } from '../../../domains/referrals/referral-input.rules.ts';
import type { FieldError } from '../../../lib/errors.ts';
import { datePartsOf, isoDateFromParts } from '../date-input.ts';
import { field } from '../form.ts';
import { contactInputFromForm } from './patient-contact-form.ts';

const TEXT_FIELDS = [
  'nhsNumber',
  'givenName',
  'familyName',
  'sex',
  'postcode',
  'priority',
  'route',
  'bodyArea',
  'clinicalInformation',
] as const;

/** The input as typed, plus the date of birth's own error when its boxes do not make a date. */
export function referralInputFrom(
  body: unknown,
  serviceCode: string,
  protocol: ReferralProtocol,
): { input: ReferralInput; dateError?: FieldError } {
  const text = Object.fromEntries(TEXT_FIELDS.map((name) => [name, field(body, name)])) as Record<(typeof TEXT_FIELDS)[number], string>;
  const dateOfBirth = isoDateFromParts(datePartsOf(body, 'dateOfBirth'), 'dateOfBirth', 'Date of birth');
  return {
    input: {
      serviceCode,
      ...text,
      ...contactInputFromForm(body),
      dateOfBirth: dateOfBirth.value ?? '',
      answers: answersFrom(body, protocol),
    },
    dateError: dateOfBirth.error,
  };
}

/** The yes/no answers to the protocol's exclusion and prerequisite questions, undefined where unanswered. */
export function answersFrom(body: unknown, protocol: ReferralProtocol): Record<string, boolean | undefined> {
  const answers: Record<string, boolean | undefined> = {};
  for (const question of [...protocol.exclusions, ...protocol.prerequisites]) {
    const answer = field(body, answerField(question.id));
    answers[question.id] = answer === 'yes' ? true : answer === 'no' ? false : undefined;
  }
  return answers;
}

/** The protocol's exclusion and prerequisite questions as radios, keeping what was answered. */
export function questionsOf(protocol: ReferralProtocol, body: unknown) {
  const asRadios = (questions: { id: string; question: string }[]) =>
    questions.map((question) => ({
      id: question.id,
      name: answerField(question.id),
      question: question.question,
      value: field(body, answerField(question.id)),
    }));
  return {
    exclusions: asRadios(protocol.exclusions),
    prerequisites: asRadios(protocol.prerequisites),
    bodyAreaNeeded: protocol.repeatLimit?.per === 'body-area',
  };
}

/** Replaces the service's date-of-birth message with the date input's own, which says what is wrong with the boxes. */
export function withDateError(errors: FieldError[], dateError: FieldError | undefined): FieldError[] {
  return dateError ? [...errors.filter((error) => error.field !== 'dateOfBirth'), dateError] : errors;
}
