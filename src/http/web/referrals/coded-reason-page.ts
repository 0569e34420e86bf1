/** One shape for the pages that move a referral with a coded reason and a comment (return, cancel, discharge): show the form, submit it, show errors next to the fields. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import type { ActionContext } from '../../../domains/identity/principal.ts';
import { formatUbrn } from '../../../domains/referrals/referral-reference.rules.ts';
import type { ReferralRecord } from '../../../domains/referrals/referral.repo.ts';
import { field } from '../form.ts';
import { attemptRefusable, type Failure, namedForForm, renderFailure, STATE_REFUSALS } from '../form-outcome.ts';
import { get, post, registerPages } from '../page-routes.ts';
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
  /** A second question some referrals need (hearing aids fitted at an adult-hearing discharge), or none. */
  extraFor?: (referral: ReferralRecord) => ExtraQuestion | undefined;
  /** Applies the move with what was chosen and typed (`extra` is the second question's answer, empty without one); throws a validation DomainError for bad input. */
  submit: (
    deps: Deps,
    context: ActionContext,
    referral: ReferralRecord,
    values: { code: string; comment: string; extra: string },
  ) => Promise<void>;
  done: (referral: ReferralRecord) => string;
}

/** A second set of radios on a coded-reason page. */
export interface ExtraQuestion {
  name: string;
  legend: string;
  hint: string;
  items: { value: string; text: string }[];
}

/** The coded-reason form of one page, keeping what was chosen and typed. */
function viewCodedReason(reply: FastifyReply, page: CodedReasonPage, referral: ReferralRecord, body: unknown, failure?: Failure) {
  return renderFailure(
    reply,
    'pages/referrals/coded-reason.njk',
    page.heading,
    {
      referral,
      reference: formatUbrn(referral.ubrn),
      heading: page.heading,
      intro: page.intro,
      action: `/referrals/${referral.ubrn}/${page.path}`,
      fieldName: page.fieldName,
      legend: page.legend,
      items: page.options.map((option) => ({
        value: option.value,
        text: option.text,
        ...(option.hint ? { hint: { text: option.hint } } : {}),
      })),
      commentLabel: page.commentLabel,
      commentHint: page.commentHint,
      buttonText: page.buttonText,
      extra: page.extraFor?.(referral),
      values: { [page.fieldName]: field(body, page.fieldName), comment: field(body, 'comment'), extra: extraAnswer(page, referral, body) },
    },
    failure,
  );
}

/** The answer to the page's second question, empty when it has none for this referral. */
function extraAnswer(page: CodedReasonPage, referral: ReferralRecord, body: unknown): string {
  const extra = page.extraFor?.(referral);
  return extra ? field(body, extra.name) : '';
}

/** Moves the referral; bad input shows the form again (400), and a move its state no longer allows is explained beside the reason (409). */
async function submitCodedReason(deps: Deps, page: CodedReasonPage, request: FastifyRequest, reply: FastifyReply) {
  const referral = await referralForSide(deps, request, page.side, page.path);
  const move = () =>
    page.submit(deps, request.actionContext(), referral, {
      code: field(request.body, page.fieldName),
      comment: field(request.body, 'comment'),
      extra: extraAnswer(page, referral, request.body),
    });
  const asPageField = namedForForm(move, (errors) =>
    errors.map((error) => (error.field === 'reasonCode' || error.field === 'outcome' ? { ...error, field: page.fieldName } : error)),
  );
  const outcome = await attemptRefusable(STATE_REFUSALS, page.fieldName, asPageField);
  if (!outcome.ok) return viewCodedReason(reply, page, referral, request.body, outcome);
  request.session.flash = page.done(referral);
  return reply.redirect(`/referrals/${referral.ubrn}`, 303);
}

/** Registers the GET and POST of one coded-reason page; only the given side of the referral reaches it, and a move the referral's state no longer allows is explained on the page. */
export function registerCodedReasonPage(app: FastifyInstance, deps: Deps, page: CodedReasonPage): void {
  const options = { config: { roles: page.roles } };
  registerPages(app, [
    get(
      `/referrals/:ubrn/${page.path}`,
      async (request, reply) => viewCodedReason(reply, page, await referralForSide(deps, request, page.side, page.path), {}),
      options,
    ),
    post(`/referrals/:ubrn/${page.path}`, (request, reply) => submitCodedReason(deps, page, request, reply), options),
  ]);
}
