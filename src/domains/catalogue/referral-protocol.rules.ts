/** Rules a referral protocol must meet beyond its shape; invalid protocols are refused with field-level errors and never saved. */
import { type FieldError, validationFailed } from '../../lib/errors.ts';
import { ReferralProtocol } from './referral-protocol.schema.ts';
import { schemaFieldErrors } from './schema-errors.ts';

/** Field errors for a proposed protocol: its schema first, then the rules that relate fields to each other. */
export function protocolFieldErrors(value: unknown): FieldError[] {
  const errors = schemaFieldErrors(ReferralProtocol, value);
  const { ageMin, ageMax } = (value ?? {}) as { ageMin?: unknown; ageMax?: unknown };
  if (
    Number.isInteger(ageMin) &&
    Number.isInteger(ageMax) &&
    (ageMax as number) < (ageMin as number) &&
    !errors.some((error) => error.field === 'ageMax')
  ) {
    errors.push({ field: 'ageMax', message: `The maximum age (${String(ageMax)}) cannot be below the minimum age (${String(ageMin)})` });
  }
  if (errors.length) return errors;
  const protocol = value as ReferralProtocol;
  const ids = [...protocol.exclusions.map((q) => q.id), ...protocol.prerequisites.map((q) => q.id)];
  const repeated = ids.find((id, index) => ids.indexOf(id) !== index);
  if (repeated) errors.push({ field: 'exclusions', message: `The question id "${repeated}" is used twice` });
  return errors;
}

/** The protocol if valid; otherwise a validation DomainError carrying every field error. */
export function validateProtocol(value: unknown): ReferralProtocol {
  const errors = protocolFieldErrors(value);
  if (errors.length) throw validationFailed(errors, 'The referral protocol is not valid');
  return value as ReferralProtocol;
}
