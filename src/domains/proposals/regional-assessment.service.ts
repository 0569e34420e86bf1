/** A regional reviewer assesses a submitted proposal against each stated criterion, then approves or rejects it with reasons (PRODUCT.md §3.2). */
import { DomainError, validationFailed } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import { recordAudit } from '../identity/audit.repo.ts';
import type { ActionContext } from '../identity/principal.ts';
import { mayReviewProposal, proposalNotFound, requirePrincipal } from './proposal-access.rules.ts';
import { assessmentsOf, findProposal, markDecided, upsertAssessments } from './proposals.repo.ts';
import {
  type AssessmentInput,
  assertActionAllowed,
  assessmentFieldErrors,
  decisionFieldErrors,
  unassessedCriteria,
} from './proposals.rules.ts';

function userIdOf(context: ActionContext): string | null {
  return context.principal?.kind === 'user' ? context.principal.userId : null;
}

/** Records (or revises) the assessment of the criteria given, each met or not met with a note. */
export async function recordAssessments(deps: Deps, context: ActionContext, id: string, assessments: AssessmentInput[]): Promise<void> {
  const principal = requirePrincipal(context.principal);
  await deps.db.transaction().execute(async (trx) => {
    const proposal = await findProposal(trx, id, { forUpdate: true });
    if (!proposal || !mayReviewProposal(principal, proposal)) throw proposalNotFound();
    assertActionAllowed(proposal.status, 'assess');
    const errors = assessmentFieldErrors(assessments);
    if (errors.length) throw validationFailed(errors);
    const items = assessments.map((item) => ({ criterion: item.criterion, met: item.met === true, note: item.note.trim() }));
    await upsertAssessments(trx, id, items, { userId: userIdOf(context), at: deps.clock.now() });
    await recordAudit(trx, context, {
      action: 'proposal.assess',
      entityType: 'local-service-proposal',
      entityId: id,
      details: { criteria: Object.fromEntries(items.map((item) => [item.criterion, item.met ? 'met' : 'not met'])) },
    });
  });
}

/** Approves or rejects a submitted proposal once every criterion is assessed; the reasons are shown to the commissioner. */
export async function decideProposal(
  deps: Deps,
  context: ActionContext,
  id: string,
  decision: { outcome: string; reasons: string },
): Promise<void> {
  const principal = requirePrincipal(context.principal);
  await deps.db.transaction().execute(async (trx) => {
    const proposal = await findProposal(trx, id, { forUpdate: true });
    if (!proposal || !mayReviewProposal(principal, proposal)) throw proposalNotFound();
    assertActionAllowed(proposal.status, 'decide');
    const missing = unassessedCriteria((await assessmentsOf(trx, id)).map((item) => item.criterion));
    if (missing.length) {
      throw new DomainError(
        'invalid-transition',
        `Assess every criterion before deciding: ${missing.map((criterion) => criterion.title).join('; ')}`,
        { unassessed: missing.map((criterion) => criterion.code) },
      );
    }
    const errors = decisionFieldErrors(decision.outcome, decision.reasons);
    if (errors.length) throw validationFailed(errors);
    await markDecided(trx, id, {
      outcome: decision.outcome,
      reasons: decision.reasons.trim(),
      userId: userIdOf(context),
      at: deps.clock.now(),
    });
    await recordAudit(trx, context, {
      action: 'proposal.decide',
      entityType: 'local-service-proposal',
      entityId: id,
      details: { outcome: decision.outcome },
    });
  });
}
