/** One shape for the pages that move a referral with a coded reason and a comment (return, cancel, discharge): show the form, submit it, show errors next to the fields. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import type { ActionContext } from '../../../domains/identity/principal.ts';
import { formatUbrn } from '../../../domains/referrals/referral-reference.rules.ts';
import type { ReferralRecord } from '../../../domains/referrals/referral.repo.ts';
import { DomainError } from '../../../lib/errors.ts';
import { field, type FormErrors, formErrors, validationErrorsOf } from '../form.ts';
import { referralForSide } from './referral-for-side.ts';

export interface CodedReasonPage {
  /** The last part of the path: `/referrals/:ubrn/<path>`. */
  path: string;
  side: 'referrer' | 'provider';
  roles: readonly ('referrer' | 'provider-admin' | 'provider-clinician')[];
  heading: string;
  intro: string;
  fieldName: 'reasonCode' | 'outcome';
  legend: string;
  options: { value: string; text: string; hint?: string }[];
  commentLabel: string;
  commentHint: string;
  buttonText: string;
  /** Applies the move; throws a validation DomainError for bad input. */
  submit: (deps: Deps, context: ActionContext, referral: ReferralRecord, values: { code: string; comment: string }) => Promise<void>;
  done: (referral: ReferralRecord) => string;
}

function render(reply: FastifyReply, page: CodedReasonPage, referral: ReferralRecord, body: unknown, status = 200, errors?: FormErrors) {
  return reply.status(status).render('pages/referrals/coded-reason.njk', {
    pageTitle: `${errors ? 'Error: ' : ''}${page.heading}`, referral, reference: formatUbrn(referral.ubrn), heading: page.heading, intro: page.intro, action: `/referrals/${referral.ubrn}/${page.path}`,
    fieldName: page.fieldName, legend: page.legend, items: page.options.map((option) => ({ value: option.value, text: option.text, ...(option.hint ? { hint: { text: option.hint } } : {}) })),
    commentLabel: page.commentLabel, commentHint: page.commentHint, buttonText: page.buttonText, values: { [page.fieldName]: field(body, page.fieldName), comment: field(body, 'comment') }, ...errors,
  });
}

/** Registers the GET and POST of one coded-reason page; only the given side of the referral reaches it, and a move the referral's state no longer allows is explained on the referral page. */
export function registerCodedReasonPage(app: FastifyInstance, deps: Deps, page: CodedReasonPage): void {
  const options = { config: { roles: page.roles } };
  const seen = (request: FastifyRequest, view: string) => referralForSide(deps, request, page.side, view);

  app.get(`/referrals/:ubrn/${page.path}`, options, async (request, reply) => render(reply, page, await seen(request, page.path), {}));

  app.post(`/referrals/:ubrn/${page.path}`, options, async (request, reply) => {
    const referral = await seen(request, page.path);
    try {
      await page.submit(deps, request.actionContext(), referral, { code: field(request.body, page.fieldName), comment: field(request.body, 'comment') });
    } catch (error) {
      const errors = validationErrorsOf(error);
      if (errors) {
        const renamed = error instanceof DomainError ? (error.details.fieldErrors ?? []).map((fieldError) => (fieldError.field === 'reasonCode' || fieldError.field === 'outcome' ? { ...fieldError, field: page.fieldName } : fieldError)) : [];
        return render(reply, page, referral, request.body, 400, formErrors(renamed));
      }
      if (error instanceof DomainError && ['conflict', 'invalid-transition'].includes(error.code)) return render(reply, page, referral, request.body, 409, formErrors([{ field: page.fieldName, message: error.message }]));
      throw error;
    }
    request.session.flash = page.done(referral);
    return reply.redirect(`/referrals/${referral.ubrn}`, 303);
  });
}
