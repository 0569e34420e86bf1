/** Domain errors are values with a stable code; one table maps codes to HTTP status (see http/plugins/errors.ts). */

/** The codes a use case may raise; each has one HTTP status in `statusForCode`. `business-rule`: well-formed but refused by a rule (an ineligible referral). */
export type DomainErrorCode =
  | 'validation-failed'
  | 'not-found'
  | 'unauthenticated'
  | 'forbidden'
  | 'conflict'
  | 'invalid-transition'
  | 'too-many-requests'
  | 'csrf-invalid'
  | 'unavailable'
  | 'postcode-unknown'
  | 'postcode-terminated'
  | 'organisation-unknown'
  | 'business-rule';

/** A field-level problem, shown next to the field on pages and listed in API problems. */
export interface FieldError {
  field: string;
  message: string;
}

/** Raised by services for any expected failure, so the web, API, FHIR and CLI can each present it well. */
export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly details: { fieldErrors?: FieldError[]; [key: string]: unknown };

  constructor(code: DomainErrorCode, message: string, details: DomainError['details'] = {}) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

/** A validation failure carrying every field error at once, so a form shows all of them together. */
export function validationFailed(fieldErrors: FieldError[], message = 'There is a problem'): DomainError {
  return new DomainError('validation-failed', message, { fieldErrors });
}

/** The single mapping from domain error code to HTTP status. */
export const statusForCode: Record<DomainErrorCode, number> = {
  'validation-failed': 400,
  'not-found': 404,
  unauthenticated: 401,
  forbidden: 403,
  conflict: 409,
  'invalid-transition': 409,
  'too-many-requests': 429,
  'csrf-invalid': 403,
  unavailable: 503,
  'postcode-unknown': 404,
  'postcode-terminated': 404,
  'organisation-unknown': 404,
  'business-rule': 422,
};

/** True when the value is a DomainError, including one thrown across module copies. */
export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError || (value instanceof Error && value.name === 'DomainError' && 'code' in value);
}
