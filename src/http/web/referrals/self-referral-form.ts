/** Reads the self-referral pages' fields: where the patient is (postcode and GP surgery, or not registered) and the form itself. */
import type { ReferralProtocol } from '../../../domains/catalogue/referral-protocol.schema.ts';
import type { PatientLocation } from '../../../domains/referrals/self-referral-location.service.ts';
import type { SelfReferralInput } from '../../../domains/referrals/self-referral-input.rules.ts';
import type { FieldError } from '../../../lib/errors.ts';
import { datePartsOf, isoDateFromParts } from '../date-input.ts';
import { field } from '../form.ts';
import { contactInputFromForm } from './patient-contact-form.ts';
import { answersFrom } from './referral-form.ts';

/** The hidden trap field: people never see it, so anything in it came from a bot filling every box. */
export const HONEYPOT_FIELD = 'leave-this-blank';

const TEXT_FIELDS = ['nhsNumber', 'givenName', 'familyName', 'sex', 'bodyArea', 'helpWanted'] as const;

/** The location as given in a query string or a form body. */
export function locationFrom(source: unknown): PatientLocation {
  const unregistered = field(source, 'unregistered') === 'yes';
  return {
    postcode: field(source, 'postcode').slice(0, 20),
    practice: unregistered ? '' : field(source, 'practice').slice(0, 100),
    unregistered,
  };
}

/** The query string that carries a location from page to page. */
export function locationQuery(location: PatientLocation): string {
  return new URLSearchParams({
    postcode: location.postcode,
    ...(location.unregistered ? { unregistered: 'yes' } : { practice: location.practice }),
  }).toString();
}

/** The self-referral as typed, for the service and location the form was for, plus the date of birth's own error when its boxes do not make a date. */
export function selfReferralInputFrom(
  body: unknown,
  serviceCode: string,
  protocol: ReferralProtocol,
): { input: SelfReferralInput; dateError?: FieldError } {
  const text = Object.fromEntries(TEXT_FIELDS.map((name) => [name, field(body, name)])) as Record<(typeof TEXT_FIELDS)[number], string>;
  const location = locationFrom(body);
  const dateOfBirth = isoDateFromParts(datePartsOf(body, 'dateOfBirth'), 'dateOfBirth', 'Date of birth');
  return {
    input: {
      serviceCode,
      ...text,
      ...contactInputFromForm(body),
      postcode: location.postcode,
      practiceOdsCode: location.unregistered ? null : location.practice,
      dateOfBirth: dateOfBirth.value ?? '',
      answers: answersFrom(body, protocol),
    },
    dateError: dateOfBirth.error,
  };
}
