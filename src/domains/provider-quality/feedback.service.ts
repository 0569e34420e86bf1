/** The Friends and Family Test (issue #15 item 5; decision 0054): the patient answers once care has finished, and the provider and commissioner read the figures and comments. */
import { DomainError, type FieldError, validationFailed } from '../../lib/errors.ts';
import { isIsoDate } from '../../lib/iso-date.ts';
import { addDays } from '../../lib/working-days.ts';
import type { Deps } from '../deps.ts';
import { recordAudit } from '../identity/audit.repo.ts';
import type { ActionContext } from '../identity/principal.ts';
import {
  type FeedbackComment,
  type FeedbackRow,
  type FeedbackScope,
  feedbackCommentsSeen,
  feedbackGivenFor,
  feedbackSummaries,
  insertFeedbackResponse,
} from './feedback.repo.ts';
import { type FftAnswer, isFftAnswer } from './feedback.rules.ts';

/** Comments longer than this are refused, as the table allows (decision 0051). */
export const FEEDBACK_COMMENT_MAX = 2000;
/** The staff page and API read the last year of answers unless asked for another start. */
export const FEEDBACK_WINDOW_DAYS = 365;

/** Whether the patient may answer now: not before their care with the provider has finished, and only once. */
export type FeedbackState = 'not-yet' | 'open' | 'given';

const FINISHED = new Set(['discharged', 'episode-closed']);

/** What feedback needs of a referral (a referrals record has it), named here so this folder does not depend on the referrals folder, which reads published quality from it. */
export interface FeedbackReferral {
  id: string;
  status: string;
  offer: { id: string };
  chosen: { providerOrganisationId: string } | null | undefined;
}

/** Where the patient's answer stands for this referral (decision 0054: discharged or episode closed opens it). */
export async function feedbackStateOf(deps: Deps, referral: FeedbackReferral): Promise<FeedbackState> {
  if (!FINISHED.has(referral.status) || !referral.chosen) return 'not-yet';
  return (await feedbackGivenFor(deps.db, referral.id)) ? 'given' : 'open';
}

function feedbackErrors(answer: unknown, comment: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!isFftAnswer(answer)) errors.push({ field: 'answer', message: 'Select how your experience of the service was' });
  if (comment.length > FEEDBACK_COMMENT_MAX) errors.push({ field: 'comment', message: 'Your comment must be 2,000 characters or fewer' });
  return errors;
}

/** Stores the patient's answer, with the provider and offer copied from the referral; a second answer or one before care has finished is refused (409). */
export async function giveFeedback(
  deps: Deps,
  context: ActionContext,
  referral: FeedbackReferral,
  input: { answer: unknown; comment: string },
): Promise<void> {
  const comment = input.comment.replace(/\r\n?/g, '\n').trim();
  const errors = feedbackErrors(input.answer, comment);
  if (errors.length) throw validationFailed(errors);
  if (!FINISHED.has(referral.status) || !referral.chosen)
    throw new DomainError('invalid-transition', 'You can tell us about your experience once your care with the provider has finished');
  await deps.db.transaction().execute(async (trx) => {
    const stored = await insertFeedbackResponse(trx, {
      referralId: referral.id,
      offerId: referral.offer.id,
      providerId: referral.chosen!.providerOrganisationId,
      answer: input.answer as FftAnswer,
      comment,
      answeredOn: deps.clock.today(),
      at: deps.clock.now(),
    });
    if (!stored) throw new DomainError('conflict', 'You have already told us about your experience for this referral. Thank you.');
    await recordAudit(trx, context, {
      action: 'feedback.give',
      entityType: 'referral',
      entityId: referral.id,
      details: { answer: input.answer, comment: comment.length > 0 },
    });
  });
}

/** Who reads feedback: a provider's staff their own, a commissioner its offers'. */
export const FEEDBACK_READERS = ['provider-admin', 'provider-clinician', 'commissioner'] as const;

/** Whose feedback the principal reads: a provider's staff their own, a commissioner its offers'; anyone else is refused. */
export function feedbackScopeOf(context: ActionContext): FeedbackScope {
  const principal = context.principal;
  if (principal?.role === 'provider-admin' || principal?.role === 'provider-clinician') return { providerId: principal.organisationId };
  if (principal?.role === 'commissioner') return { commissionerId: principal.organisationId };
  throw new DomainError('forbidden', 'Only providers and commissioners read patient feedback');
}

/** The start of the default window: the last year, today included. */
export function defaultFeedbackSince(deps: Deps): string {
  return addDays(deps.clock.today(), 1 - FEEDBACK_WINDOW_DAYS);
}

export interface FeedbackReport {
  since: string;
  rows: FeedbackRow[];
  comments: FeedbackComment[];
  totalComments: number;
}

/** The figures per offer and provider and one page of comments since a date, read together and audited as one view. */
export async function feedbackReport(
  deps: Deps,
  context: ActionContext,
  request: { since?: string; limit: number; offset: number },
): Promise<FeedbackReport> {
  const scope = feedbackScopeOf(context);
  if (request.since !== undefined && !isIsoDate(request.since))
    throw validationFailed([{ field: 'since', message: 'Enter the start date as YYYY-MM-DD' }]);
  const since = request.since ?? defaultFeedbackSince(deps);
  return deps.db.transaction().execute(async (trx) => {
    const rows = await feedbackSummaries(trx, scope, since);
    const { comments, total } = await feedbackCommentsSeen(trx, context, scope, since, request);
    return { since, rows, comments, totalComments: total };
  });
}

/** One batch of the comments for a download (the last year, as the page shows them), audited as downloaded in the read's own transaction. */
export async function feedbackCommentsDownloaded(
  deps: Deps,
  context: ActionContext,
  page: { limit: number; offset: number },
): Promise<{ rows: FeedbackComment[]; total: number }> {
  const scope = feedbackScopeOf(context);
  const since = defaultFeedbackSince(deps);
  const { comments, total } = await deps.db
    .transaction()
    .execute((trx) => feedbackCommentsSeen(trx, context, scope, since, page, 'download'));
  return { rows: comments, total };
}
