/** Refusals the assessor's pages show beside the field rather than as an error page: validation, a move the lifecycle forbids, a conflict of interest. */
import { DomainError } from '../../../lib/errors.ts';
import { type FormErrors, formErrors, validationErrorsOf } from '../form.ts';

/** The page errors and status for a refusal, or undefined for any other error (which should propagate). */
export function pageErrorsOf(error: unknown, field: string): { status: number; errors: FormErrors } | undefined {
  const validation = validationErrorsOf(error);
  if (validation) return { status: 400, errors: validation };
  if (error instanceof DomainError && (error.code === 'invalid-transition' || (error.code === 'forbidden' && error.details.reason === 'conflict-of-interest'))) {
    return { status: error.code === 'forbidden' ? 403 : 409, errors: formErrors([{ field, message: error.message }]) };
  }
  return undefined;
}
