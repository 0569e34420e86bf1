/** Form actions whose refusals, besides invalid input, are shown beside a field with their own status: a move the record's state forbids (409), a conflict of interest (403). */
import { DomainError } from '../../lib/errors.ts';
import { attempt, type FormErrors, formErrors } from './form.ts';

/** What became of a form's action: its result, or the errors to show with the status to answer. */
export type Refusable<T> = { ok: true; value: T } | { ok: false; status: number; errors: FormErrors };

/** The status a page answers for a refusal it shows beside a field, or undefined for one that should propagate. */
export type RefusalStatus = (error: DomainError) => number | undefined;

/** A move the record's state forbids (invalid-transition): 409. */
export const refusedByState: RefusalStatus = (error) => (error.code === 'invalid-transition' ? 409 : undefined);

/** Runs a form's action as attempt() does (invalid input comes back as errors with 400) and also hands back the refusals `statusOf` recognises as an error on `field`; anything else is thrown on. */
export async function attemptRefusable<T>(action: () => Promise<T>, field: string, statusOf: RefusalStatus = refusedByState): Promise<Refusable<T>> {
  try {
    const outcome = await attempt(action);
    return outcome.ok ? outcome : { ...outcome, status: 400 };
  } catch (error) {
    const status = error instanceof DomainError ? statusOf(error) : undefined;
    if (status === undefined) throw error;
    return { ok: false, status, errors: formErrors([{ field, message: (error as DomainError).message }]) };
  }
}
