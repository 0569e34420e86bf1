/** Reads the shared contact and communication needs fields (partials/patient-contact-fields.njk) from a form body, for the GP referral and the self-referral alike. */
import type { PatientContactInput } from '../../../domains/referrals/patient-contact.rules.ts';
import { field } from '../form.ts';

/** The address boxes, in order: two lines then the town or city. */
export const ADDRESS_FIELDS = ['addressLine1', 'addressLine2', 'addressLine3'] as const;

/** Every value of a repeated field (checkboxes post one value per ticked box), capped so a forged body cannot post thousands. */
export function fieldValues(body: unknown, name: string): string[] {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  const values = Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : typeof value === 'string' && value
      ? [value]
      : [];
  return values.slice(0, 20);
}

/** The contact details and needs as typed. */
export function contactInputFromForm(body: unknown): PatientContactInput {
  return {
    phone: field(body, 'phone'),
    email: field(body, 'email'),
    addressLines: ADDRESS_FIELDS.map((name) => field(body, name)),
    interpreterLanguage: field(body, 'interpreterLanguage'),
    formats: fieldValues(body, 'formats'),
    access: fieldValues(body, 'access'),
    otherNeeds: field(body, 'otherNeeds'),
    sendReferenceBy: field(body, 'sendReferenceBy'),
  };
}

/** The ticked boxes to show again when the form is redisplayed. */
export function contactChoicesOf(body: unknown): { formats: string[]; access: string[] } {
  return { formats: fieldValues(body, 'formats'), access: fieldValues(body, 'access') };
}
