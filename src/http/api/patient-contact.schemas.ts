/** The patient's contact details and communication needs in the referral APIs, with the same limits as the forms (decision 0031). */
import { Type } from 'typebox';
import {
  ACCESS_NEEDS,
  ADDRESS_LINE_MAX,
  ADDRESS_LINES_MAX,
  INFORMATION_FORMATS,
  LANGUAGE_MAX,
  OTHER_NEEDS_MAX,
  type PatientContact,
  type PatientContactInput,
} from '../../domains/referrals/patient-contact.rules.ts';

/** Contact fields sent inside `patient`: all optional. */
export const ContactFields = {
  phone: Type.Optional(Type.String({ maxLength: 30 })),
  email: Type.Optional(Type.String({ maxLength: 320 })),
  addressLines: Type.Optional(
    Type.Array(Type.String({ maxLength: ADDRESS_LINE_MAX }), {
      maxItems: ADDRESS_LINES_MAX,
      description: 'The postal address without the postcode: up to two lines then the town or city',
    }),
  ),
};

const Needs = {
  interpreterLanguage: Type.Union([Type.String({ maxLength: LANGUAGE_MAX }), Type.Null()], {
    description: 'The spoken language an interpreter is needed for; British Sign Language is a format',
  }),
  formats: Type.Array(Type.Enum(INFORMATION_FORMATS), { uniqueItems: true, maxItems: INFORMATION_FORMATS.length }),
  access: Type.Array(Type.Enum(ACCESS_NEEDS), { uniqueItems: true, maxItems: ACCESS_NEEDS.length }),
  other: Type.Union([Type.String({ maxLength: OTHER_NEEDS_MAX }), Type.Null()]),
};

/** Communication needs and reasonable adjustments in a request body: every part optional. */
export const CommunicationNeedsInput = Type.Object(
  {
    interpreterLanguage: Type.Optional(Needs.interpreterLanguage),
    formats: Type.Optional(Needs.formats),
    access: Type.Optional(Needs.access),
    other: Type.Optional(Needs.other),
  },
  { description: 'Communication needs and reasonable adjustments, all optional' },
);

/** The contact details as a referral read returns them: null when none were given. */
export const ContactDetails = Type.Union(
  [
    Type.Object({
      phone: Type.Union([Type.String(), Type.Null()]),
      email: Type.Union([Type.String(), Type.Null()]),
      addressLines: Type.Array(Type.String()),
      communicationNeeds: Type.Union([Type.Object(Needs), Type.Null()]),
    }),
    Type.Null(),
  ],
  {
    description:
      'How to reach the patient and what they need; shown to the referring practice, and to a provider once the referral is sent to it; null when none were given',
  },
);

interface ContactBody {
  patient: { phone?: string; email?: string; addressLines?: string[] };
  communicationNeeds?: { interpreterLanguage?: string | null; formats?: string[]; access?: string[]; other?: string | null };
}

/** The contact input a request body carries, for the shared rules. */
export function contactInputOfBody(body: ContactBody): Partial<PatientContactInput> {
  const needs = body.communicationNeeds ?? {};
  return {
    phone: body.patient.phone ?? '',
    email: body.patient.email ?? '',
    addressLines: body.patient.addressLines ?? [],
    interpreterLanguage: needs.interpreterLanguage ?? '',
    formats: needs.formats ?? [],
    access: needs.access ?? [],
    otherNeeds: needs.other ?? '',
  };
}

/** The contact details as the API returns them (without the patient's delivery wish, which is theirs alone). */
export function contactDetailsJson(contact: PatientContact | null) {
  return (
    contact && {
      phone: contact.phone,
      email: contact.email,
      addressLines: contact.addressLines,
      communicationNeeds: contact.communicationNeeds,
    }
  );
}
