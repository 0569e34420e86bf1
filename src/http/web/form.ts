/** Helpers for form pages: the NHS error summary and inline errors from a validation DomainError. */
import type { FastifyReply } from 'fastify';
import type { FieldError } from '../../lib/errors.ts';
import { DomainError } from '../../lib/errors.ts';

export interface FormErrors {
  /** Items for the nhsuk error summary, each linking to its field. */
  errorList: { text: string; href: string }[];
  /** Inline error messages keyed by field name, for each component's `errorMessage`. */
  fieldErrors: Record<string, { text: string }>;
}

/** The fields shown as NHS date inputs (partials/date-field.njk and the milestone page): their summary links go to the day box, since the wrapper around the three boxes cannot take focus. */
export const DATE_INPUT_FIELDS: ReadonlySet<string> = new Set([
  'dateOfBirth',
  'when',
  'expiresOn',
  'effectiveFrom',
  'contractStart',
  'contractEnd',
  'windowOpens',
  'windowCloses',
  'dueOn',
  'completedOn',
  'sentFrom',
  'sentTo',
  'reportedOn',
]);

/** Builds the error summary and inline messages from field errors (first message per field wins); each summary link goes to a box that can take focus. */
export function formErrors(errors: FieldError[]): FormErrors {
  const fieldErrors: Record<string, { text: string }> = {};
  for (const error of errors) fieldErrors[error.field] ??= { text: error.message };
  return {
    errorList: errors.map((error) => ({ text: error.message, href: `#${error.field}${DATE_INPUT_FIELDS.has(error.field) ? '-day' : ''}` })),
    fieldErrors,
  };
}

/** The form errors of a validation failure, or undefined for any other error (which should propagate). */
export function validationErrorsOf(error: unknown): FormErrors | undefined {
  if (error instanceof DomainError && error.code === 'validation-failed' && error.details.fieldErrors) {
    return formErrors(error.details.fieldErrors);
  }
  return undefined;
}

/** Reads one text field from a urlencoded body. */
export function field(body: unknown, name: string): string {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
}

const SELF = 'http://aqp.invalid';

/** A same-origin path to return to after sign-in, parsed as browsers parse it (WHATWG URL) so tabs, newlines, backslashes and dot segments cannot make it leave the site (a path that resolves to `//host` is refused); anything else becomes the home page. The answer is percent-encoded ASCII, safe in a Location header. */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/')) return '/';
  const url = URL.canParse(value, SELF) ? new URL(value, SELF) : undefined;
  if (!url || url.origin !== SELF || url.pathname.startsWith('//')) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}

/** What became of a form's action: its result, or the errors to show next to the fields. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; errors: FormErrors };

/** Runs a form's action and hands back a validation failure as errors (data, not an exception), so submit handlers need no try/catch; any other error is thrown on. */
export async function attempt<T>(action: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await action() };
  } catch (error) {
    const errors = validationErrorsOf(error);
    if (!errors) throw error;
    return { ok: false, errors };
  }
}

/** A failed outcome from errors found before the action could run (an impossible date, a missing choice). */
export function rejected(errors: FieldError[]): Outcome<never> {
  return { ok: false, errors: formErrors(errors) };
}

/** A page title, prefixed "Error: " when the form has errors, as the NHS service manual asks; the one place that prefix is written. */
export function titleOf(title: string, errors?: FormErrors): string {
  return errors ? `Error: ${title}` : title;
}

/** Renders a form page with its errors: 400 and the "Error: " title when there are any, 200 and the plain title when not. */
export function renderForm(
  reply: FastifyReply,
  template: string,
  title: string,
  model: Record<string, unknown>,
  errors?: FormErrors,
): FastifyReply {
  return reply.status(errors ? 400 : 200).render(template, { pageTitle: titleOf(title, errors), ...model, ...errors });
}
