/** Assessment (PRODUCT.md §3.3): pass/fail per criterion on the submission alone, then a decision with reasons; no price, score, ranking or cap. */
import { DomainError, validationFailed } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import type { Executor } from '../../db/executor.ts';
import { recordAudit } from '../identity/audit.repo.ts';
import type { ActionContext } from '../identity/principal.ts';
import { insertQualifiedListing } from '../listings/listing.repo.ts';
import { actingUserId } from '../offers/offer-access.ts';
import { offerQuestionsOf } from '../offers/offer-questions.repo.ts';
import { applicationForAssessor, assertNoConflictOfInterest } from './application-access.ts';
import { criteriaFor, criteriaNotPassed } from './application-criteria.rules.ts';
import { insertApplicationHistory, updateStatus } from './application.repo.ts';
import { actorOf } from './application.service.ts';
import { sitesOfApplication } from './application-sites.repo.ts';
import {
  assertApplicationTransition,
  IN_ASSESSMENT_STATUSES,
  isRefusalGround,
  REFUSAL_GROUND_LABELS,
  type RefusalGround,
} from './application-status.rules.ts';
import { insertOutboxMessage, marksOf, upsertMarks } from './assessment.repo.ts';
import { eventInstant } from './waiting-days.rules.ts';

export interface MarkInput {
  criterion: string;
  passed: boolean;
  note: string;
}

export type Decision = { outcome: 'qualified'; reasons: string } | { outcome: 'not-qualified'; ground: string; reasons: string };

/** Records pass or fail with a note for criteria of an application awaiting a decision. */
export async function markCriteria(deps: Deps, context: ActionContext, applicationId: string, marks: readonly MarkInput[]): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const { application, offer } = await applicationForAssessor(trx, context, applicationId, { forUpdate: true });
    await assertNoConflictOfInterest(trx, context, application);
    if (!IN_ASSESSMENT_STATUSES.includes(application.status))
      throw new DomainError('invalid-transition', 'Only a submitted application awaiting a decision can be marked', {
        status: application.status,
      });
    const known = new Set(criteriaFor(await offerQuestionsOf(trx, offer.id)).map((criterion) => criterion.id));
    const errors = marks.flatMap((mark) => [
      ...(known.has(mark.criterion)
        ? []
        : [{ field: `mark-${mark.criterion}`, message: `“${mark.criterion}” is not a criterion of this offer` }]),
      ...(mark.note.length > 2000 ? [{ field: `note-${mark.criterion}`, message: 'A note must be 2,000 characters or fewer' }] : []),
    ]);
    if (errors.length) throw validationFailed(errors);
    await upsertMarks(
      trx,
      applicationId,
      marks.map((mark) => ({ ...mark, note: mark.note.trim() })),
      actingUserId(context),
      eventInstant(deps.clock),
    );
    await recordAudit(trx, context, {
      action: 'application.marks',
      entityType: 'application',
      entityId: applicationId,
      details: { marks: marks.map(({ criterion, passed }) => ({ criterion, passed })) },
    });
  });
}

/** The decision's own rules: a refusal needs one of the four grounds and reasons; reasons are at most 4,000 characters. */
export function checkDecision(decision: Decision): { ground: RefusalGround | null; reasons: string } {
  const reasons = decision.reasons.trim();
  if (reasons.length > 4000) throw validationFailed([{ field: 'reasons', message: 'The reasons must be 4,000 characters or fewer' }]);
  if (decision.outcome === 'qualified') return { ground: null, reasons: reasons || 'Every criterion passed' };
  const errors = [
    ...(isRefusalGround(decision.ground)
      ? []
      : [
          {
            field: 'ground',
            message: 'Select the ground for refusal: the price, local standards, quality standards or an incomplete application',
          },
        ]),
    ...(reasons ? [] : [{ field: 'reasons', message: 'Give the reasons for the decision; the provider will see them' }]),
  ];
  if (errors.length) throw validationFailed(errors);
  return { ground: decision.ground as RefusalGround, reasons };
}

/** Refuses a decision the application cannot take now: a conflict of interest, a move the lifecycle forbids, or qualifying with a criterion not passed. */
async function assertDecisionAllowed(trx: Executor, context: ActionContext, applicationId: string, outcome: Decision['outcome']) {
  const found = await applicationForAssessor(trx, context, applicationId, { forUpdate: true });
  await assertNoConflictOfInterest(trx, context, found.application);
  assertApplicationTransition(found.application.status, outcome);
  if (outcome === 'qualified') {
    const notPassed = criteriaNotPassed(criteriaFor(await offerQuestionsOf(trx, found.offer.id)), await marksOf(trx, applicationId));
    if (notPassed.length)
      throw validationFailed([
        {
          field: 'outcome',
          message: `Mark every criterion as passed before qualifying; not yet passed: ${notPassed.map((criterion) => criterion.title).join('; ')}`,
        },
      ]);
  }
  return found;
}

/** Checks a decision without recording it, so the assessor's "Check your decision" page only ever offers one that can be confirmed. */
export async function checkDecisionAllowed(deps: Deps, context: ActionContext, applicationId: string, decision: Decision): Promise<void> {
  checkDecision(decision);
  await deps.db.transaction().execute(async (trx) => {
    await assertDecisionAllowed(trx, context, applicationId, decision.outcome);
  });
}

/** Decides: qualified only when every criterion is marked pass, creating the listing in the same transaction; not qualified only on one of the four grounds, with reasons. */
export async function decideApplication(
  deps: Deps,
  context: ActionContext,
  applicationId: string,
  decision: Decision,
): Promise<{ listingId: string | null }> {
  const { ground, reasons } = checkDecision(decision);
  return deps.db.transaction().execute(async (trx) => {
    const { application, offer } = await assertDecisionAllowed(trx, context, applicationId, decision.outcome);
    const at = eventInstant(deps.clock);
    let listingId: string | null = null;
    if (decision.outcome === 'qualified') {
      const siteIds = (await sitesOfApplication(trx, applicationId)).map((site) => site.id);
      listingId = await insertQualifiedListing(trx, {
        offerId: offer.id,
        providerOrganisationId: application.providerOrganisationId,
        applicationId,
        siteIds,
        at,
        actor: actorOf(context),
      });
    }
    await updateStatus(trx, applicationId, { status: decision.outcome, at, decision: { userId: actingUserId(context), ground, reasons } });
    const why = ground ? `${REFUSAL_GROUND_LABELS[ground]}: ${reasons}` : reasons;
    await insertApplicationHistory(trx, {
      applicationId,
      fromStatus: application.status,
      toStatus: decision.outcome,
      reason: why,
      at,
      actor: actorOf(context),
    });
    await insertOutboxMessage(trx, {
      organisationId: application.providerOrganisationId,
      subject: `${decision.outcome === 'qualified' ? 'Qualified' : 'Not qualified'}: ${offer.title} (${offer.reference})`,
      body:
        decision.outcome === 'qualified'
          ? `Your application has qualified. ${reasons}`
          : `Your application has not qualified. Ground: ${why}\n\nYou may apply again.`,
      entityType: 'application',
      entityId: applicationId,
      at,
    });
    await recordAudit(trx, context, {
      action: `application.${decision.outcome}`,
      entityType: 'application',
      entityId: applicationId,
      details: { ground, listingId },
    });
    return { listingId };
  });
}
