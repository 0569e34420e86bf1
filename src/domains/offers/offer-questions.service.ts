/** The offer's own questions for applicants (PRODUCT.md §3.3 "service-specific questions"): set by its commissioner until the offer opens for applications. */
import { DomainError, type FieldError, validationFailed } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import { recordAudit } from '../identity/audit.repo.ts';
import type { ActionContext } from '../identity/principal.ts';
import { offerToChange, visibleOffer } from './offer-access.ts';
import { type OfferQuestion, offerQuestionsOf, updateOfferQuestions } from './offer-questions.repo.ts';
import type { OfferStatus } from './offer-status.rules.ts';

export const MAX_QUESTIONS = 20;

/** Questions change only before applications can arrive, so every applicant answers the same ones. */
export const QUESTION_EDITABLE_STATUSES: readonly OfferStatus[] = ['draft', 'published'];

/** Field errors for a list of questions, named `question-<n>-text` etc. after their position. */
export function questionProblems(questions: readonly OfferQuestion[]): FieldError[] {
  const errors: FieldError[] = [];
  if (questions.length > MAX_QUESTIONS) errors.push({ field: 'questions', message: `An offer can ask at most ${MAX_QUESTIONS} questions` });
  const seen = new Set<string>();
  questions.forEach((question, index) => {
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(question.id) || question.id.length > 50)
      errors.push({
        field: `question-${index}-id`,
        message: `Question ${index + 1} needs an id of lower-case letters, digits and hyphens, up to 50 characters`,
      });
    else if (seen.has(question.id))
      errors.push({ field: `question-${index}-id`, message: `Question ${index + 1} repeats the id “${question.id}”` });
    seen.add(question.id);
    if (!question.text.trim()) errors.push({ field: `question-${index}-text`, message: `Enter the text of question ${index + 1}` });
    else if (question.text.length > 1000)
      errors.push({ field: `question-${index}-text`, message: `Question ${index + 1} must be 1,000 characters or fewer` });
    if ((question.guidance ?? '').length > 2000)
      errors.push({
        field: `question-${index}-guidance`,
        message: `The guidance for question ${index + 1} must be 2,000 characters or fewer`,
      });
  });
  return errors;
}

/** The questions of an offer this principal may see. */
export async function offerQuestions(deps: Deps, context: ActionContext, offerId: string): Promise<OfferQuestion[]> {
  await visibleOffer(deps.db, context.principal, offerId);
  return offerQuestionsOf(deps.db, offerId);
}

/** Replaces the offer's questions, in order; refused once the offer is open for applications. */
export async function setOfferQuestions(
  deps: Deps,
  context: ActionContext,
  offerId: string,
  questions: readonly OfferQuestion[],
): Promise<void> {
  const cleaned = questions.map((question) => ({
    id: question.id.trim(),
    text: question.text.trim(),
    ...(question.guidance?.trim() ? { guidance: question.guidance.trim() } : {}),
  }));
  const problems = questionProblems(cleaned);
  if (problems.length) throw validationFailed(problems);
  await deps.db.transaction().execute(async (trx) => {
    const offer = await offerToChange(trx, context, offerId);
    if (!QUESTION_EDITABLE_STATUSES.includes(offer.status))
      throw new DomainError(
        'invalid-transition',
        'The questions cannot change once the offer has opened for applications: every applicant answers the same questions',
      );
    await updateOfferQuestions(trx, offerId, cleaned, deps.clock.now());
    await recordAudit(trx, context, {
      action: 'offer.questions',
      entityType: 'offer',
      entityId: offerId,
      details: { count: cleaned.length },
    });
  });
}
