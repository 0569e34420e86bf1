/** What attempt() leaves thrown, returned as data too: an action refused by the record's state or a limit (a lost race, a move already made, too many attempts), and validation errors named as the form names its fields. */
import type { FastifyReply } from 'fastify';
import {
  type DomainError,
  type DomainErrorCode,
  type FieldError,
  isDomainError,
  statusForCode,
  validationFailed,
} from '../../lib/errors.ts';
import { attempt, type FormErrors, formErrors, renderForm, titleOf } from './form.ts';

/** Another person moved the record first, or its state no longer allows the action. */
export const STATE_REFUSALS: readonly DomainErrorCode[] = ['conflict', 'invalid-transition'];

/** What went wrong with a form: its errors, and its status when that is not 400 (409 refused by the record's state, 429 too many attempts, 404 an unknown place). */
export interface Failure {
  errors: FormErrors;
  status?: number;
}

/** An action done, or refused with a DomainError of an expected code. */
export type Refused<T> = { ok: true; value: T } | { ok: false; refusal: DomainError };

/** An outcome that may also be a refusal: its errors with the status to answer (400 for bad input), and the refusal's error when there was one (a page may read its details). */
export type Refusable<T> = { ok: true; value: T } | { ok: false; errors: FormErrors; status: number; refusal?: DomainError };

/** Which refusals a page shows beside a field: DomainErrors of these codes, or those a test picks out (a conflict of interest among other `forbidden`s). */
export type RefusalsShown = readonly DomainErrorCode[] | ((error: DomainError) => boolean);

const isShown = (shown: RefusalsShown, error: DomainError): boolean =>
  typeof shown === 'function' ? shown(error) : shown.includes(error.code);

/** Runs an action and hands back a DomainError of one of `codes` as a refusal (data, not an exception); anything else is thrown on. */
export async function refusable<T>(codes: RefusalsShown, action: () => Promise<T>): Promise<Refused<T>> {
  try {
    return { ok: true, value: await action() };
  } catch (error) {
    if (isDomainError(error) && isShown(codes, error)) return { ok: false, refusal: error };
    throw error;
  }
}

/** A refusal as a form failure with its status: its message beside `field`, or, without a field, its own field errors. */
export function refusalFailure(refusal: DomainError, field?: string): Failure & { status: number } {
  const fieldErrors = field ? [{ field, message: refusal.message }] : refusal.details.fieldErrors;
  if (!fieldErrors) throw refusal;
  return { errors: formErrors(fieldErrors), status: statusForCode[refusal.code] };
}

/** attempt() for an action that may also be refused: bad input comes back as errors, a refusal of one of `codes` as a failure with its status (see refusalFailure). */
export async function attemptRefusable<T>(
  codes: RefusalsShown,
  field: string | undefined,
  action: () => Promise<T>,
): Promise<Refusable<T>> {
  const outcome = await attempt(() => refusable(codes, action));
  if (!outcome.ok) return { ...outcome, status: 400 };
  if (outcome.value.ok) return outcome.value;
  return { ok: false, ...refusalFailure(outcome.value.refusal, field), refusal: outcome.value.refusal };
}

/** The action with its validation errors renamed as the form names its fields (the service's `scheduledFor` is the form's `when`), for attempt() to show. */
export function namedForForm<T>(action: () => Promise<T>, rename: (errors: FieldError[]) => FieldError[]): () => Promise<T> {
  return () =>
    action().catch((error: unknown) => {
      const fieldErrors = isDomainError(error) && error.code === 'validation-failed' ? error.details.fieldErrors : undefined;
      throw fieldErrors ? validationFailed(rename(fieldErrors), (error as DomainError).message) : error;
    });
}

/** renderForm for a page whose action may be refused: the failure's own status (409, 429, 404), else renderForm's 400, or 200 with no failure. */
export function renderFailure(
  reply: FastifyReply,
  template: string,
  title: string,
  model: Record<string, unknown>,
  failure?: Failure,
): FastifyReply {
  if (!failure?.status || failure.status === 400) return renderForm(reply, template, title, model, failure?.errors);
  return reply.status(failure.status).render(template, { pageTitle: titleOf(title, failure.errors), ...model, ...failure.errors });
}

/** A page's title when it explains a problem that is not a form's errors (an accept that lost a race): prefixed as titleOf() prefixes a form's. */
export function problemTitle(title: string, problem: unknown): string {
  return titleOf(title, problem ? { errorList: [], fieldErrors: {} } : undefined);
}

/** The errors of two checks shown together, as formErrors() shows their field errors one after the other (the first message for a field wins). */
export function joinErrors(first?: FormErrors, second?: FormErrors): FormErrors | undefined {
  if (!first || !second) return first ?? second;
  return { errorList: [...first.errorList, ...second.errorList], fieldErrors: { ...second.fieldErrors, ...first.fieldErrors } };
}
