/** Clarifications (PRODUCT.md §3.3): an assessor asks a question in the platform, which pauses the clock; the provider answers and assessment resumes. */
import { DomainError, validationFailed } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import { recordAudit } from '../identity/audit.repo.ts';
import type { ActionContext } from '../identity/principal.ts';
import { actingUserId } from '../offers/offer-access.ts';
import { applicationForAssessor, applicationOfProvider, assertNoConflictOfInterest } from './application-access.ts';
import { insertApplicationHistory, updateStatus } from './application.repo.ts';
import { actorOf } from './application.service.ts';
import { assertApplicationTransition } from './application-status.rules.ts';
import {
  clarificationsOf,
  findClarification,
  insertClarification,
  insertOutboxMessage,
  recordClarificationAnswer,
} from './assessment.repo.ts';
import { eventInstant } from './waiting-days.rules.ts';

const MAX_LENGTH = 5000;

function checkedText(text: string, field: string, what: string): string {
  const trimmed = text.trim();
  if (!trimmed) throw validationFailed([{ field, message: `Enter ${what}` }]);
  if (trimmed.length > MAX_LENGTH)
    throw validationFailed([
      { field, message: `The ${what.replace(/^(the|your) /, '')} must be ${MAX_LENGTH.toLocaleString('en-GB')} characters or fewer` },
    ]);
  return trimmed;
}

/** Asks the provider a question about its submission: the application waits in clarification (clock paused) and the provider is told through its outbox. */
export async function askClarification(
  deps: Deps,
  context: ActionContext,
  applicationId: string,
  question: string,
): Promise<{ id: string }> {
  const text = checkedText(question, 'question', 'the question for the provider');
  return deps.db.transaction().execute(async (trx) => {
    const { application, offer } = await applicationForAssessor(trx, context, applicationId, { forUpdate: true });
    await assertNoConflictOfInterest(trx, context, application);
    assertApplicationTransition(application.status, 'clarification');
    const at = eventInstant(deps.clock);
    const id = await insertClarification(trx, { applicationId, question: text, userId: actingUserId(context), at });
    await updateStatus(trx, applicationId, { status: 'clarification', at });
    await insertApplicationHistory(trx, {
      applicationId,
      fromStatus: application.status,
      toStatus: 'clarification',
      reason: `Clarification asked: ${text}`,
      at,
      actor: actorOf(context),
    });
    await insertOutboxMessage(trx, {
      organisationId: application.providerOrganisationId,
      subject: `Clarification requested: ${offer.title} (${offer.reference})`,
      body: `The assessor asks: ${text}\n\nAnswer on your application page. Assessment is paused until you answer.`,
      entityType: 'application',
      entityId: applicationId,
      at,
    });
    await recordAudit(trx, context, {
      action: 'application.clarification',
      entityType: 'application',
      entityId: applicationId,
      details: { clarificationId: id },
    });
    return { id };
  });
}

/** Records the provider's answer; once every question is answered the application returns to the assessor's queue. */
export async function answerClarification(
  deps: Deps,
  context: ActionContext,
  clarificationId: string,
  answer: string,
): Promise<{ applicationId: string }> {
  const text = checkedText(answer, 'answer', 'your answer');
  return deps.db.transaction().execute(async (trx) => {
    const clarification = await findClarification(trx, clarificationId, { forUpdate: true });
    if (!clarification) throw new DomainError('not-found', 'There is no such clarification');
    const { application } = await applicationOfProvider(trx, context, clarification.applicationId, { forUpdate: true });
    if (clarification.answeredAt) throw new DomainError('invalid-transition', 'This question has already been answered');
    assertApplicationTransition(application.status, 'submitted');
    const at = eventInstant(deps.clock);
    await recordClarificationAnswer(trx, clarificationId, { text, userId: actingUserId(context), at });
    const unanswered = (await clarificationsOf(trx, application.id)).filter((item) => !item.answeredAt && item.id !== clarificationId);
    if (unanswered.length === 0) {
      await updateStatus(trx, application.id, { status: 'submitted', at });
      await insertApplicationHistory(trx, {
        applicationId: application.id,
        fromStatus: 'clarification',
        toStatus: 'submitted',
        reason: 'Clarification answered',
        at,
        actor: actorOf(context),
      });
    }
    await recordAudit(trx, context, {
      action: 'application.clarification-answer',
      entityType: 'application',
      entityId: application.id,
      details: { clarificationId },
    });
    return { applicationId: application.id };
  });
}
