/** The assessor's decision in two steps: choose the outcome (with the ground and reasons for a refusal), then "Check your decision" and confirm. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { assessorApplication } from '../../../domains/applications/application-view.service.ts';
import { checkDecisionAllowed, decideApplication } from '../../../domains/applications/assessment.service.ts';
import type { Deps } from '../../../domains/deps.ts';
import { field, type FormErrors, formErrors, titleOf } from '../form.ts';
import { attemptRefusable } from '../form-outcome.ts';
import { get, post, registerPages } from '../page-routes.ts';
import { isRefusalGround, REFUSAL_GROUND_LABELS } from '../../../domains/applications/application-status.rules.ts';
import { refusedToAssessor } from './assessment-errors.ts';
import { groundItems, markSummaryRows } from './assessment.presenter.ts';
import { type DecisionDraft, decisionDraftOf, decisionOf, forgetDecisionDraft, keepDecisionDraft } from './decision-draft.ts';

const ASSESSOR = { config: { roles: ['assessor'] as const } };
const EMPTY: DecisionDraft = { outcome: '', ground: '', reasons: '' };

function idOf(request: FastifyRequest): string {
  return (request.params as { id: string }).id;
}

/** The posted decision; a ground left selected under "Qualified" (a hidden conditional answer) is dropped, not refused. */
function postedDecision(body: unknown): DecisionDraft {
  const outcome = field(body, 'outcome');
  return { outcome, ground: outcome === 'not-qualified' ? field(body, 'ground') : '', reasons: field(body, 'reasons') };
}

/** The decision form; once the application is closed (or the assessor is conflicted) it returns to the application. */
async function viewDecision(
  deps: Deps,
  request: FastifyRequest,
  reply: FastifyReply,
  draft: DecisionDraft,
  options: { status?: number; errors?: FormErrors } = {},
) {
  const view = await assessorApplication(deps, request.actionContext(), idOf(request));
  const open = view.application.status === 'submitted' || view.application.status === 'clarification';
  if (!options.errors && (!open || view.conflictOfInterest)) return reply.redirect(`/assessment/${view.application.id}`, 303);
  return reply.status(options.status ?? (options.errors ? 400 : 200)).render('pages/assessment/decision.njk', {
    pageTitle: titleOf(`Record a decision on ${view.application.providerName}’s application`, options.errors),
    ...view,
    ...options.errors,
    draft,
    groundItems: groundItems(draft.ground),
    outcome: draft.outcome,
  });
}

/** Checks the decision may be made and keeps it for the check page, or shows the form again with its errors. */
async function submitDecision(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const draft = postedDecision(request.body);
  if (draft.outcome !== 'qualified' && draft.outcome !== 'not-qualified')
    return viewDecision(deps, request, reply, draft, {
      errors: formErrors([{ field: 'outcome', message: 'Select qualified or not qualified' }]),
    });
  const outcome = await attemptRefusable(refusedToAssessor, 'outcome', () =>
    checkDecisionAllowed(deps, request.actionContext(), idOf(request), decisionOf(draft)),
  );
  if (!outcome.ok) return viewDecision(deps, request, reply, draft, outcome);
  keepDecisionDraft(request, idOf(request), draft);
  return reply.redirect(`/assessment/${idOf(request)}/decision/check`, 303);
}

/** "Check your decision": the marks, the outcome and, for a refusal, its ground and reasons. */
async function viewDecisionCheck(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const view = await assessorApplication(deps, request.actionContext(), idOf(request));
  const draft = decisionDraftOf(request, view.application.id);
  if (!draft) return reply.redirect(`/assessment/${view.application.id}/decision`, 303);
  return reply.render('pages/assessment/check-decision.njk', {
    pageTitle: `Check your decision on ${view.application.providerName}’s application`,
    ...view,
    draft,
    markRows: markSummaryRows(view),
    groundLabel: isRefusalGround(draft.ground) ? REFUSAL_GROUND_LABELS[draft.ground] : undefined,
  });
}

/** Records the checked decision and tells the provider; or shows the form again when it is refused. */
async function confirmDecision(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  await assessorApplication(deps, request.actionContext(), idOf(request));
  const draft = decisionDraftOf(request, idOf(request));
  if (!draft) return reply.redirect(`/assessment/${idOf(request)}/decision`, 303);
  const outcome = await attemptRefusable(refusedToAssessor, 'outcome', () =>
    decideApplication(deps, request.actionContext(), idOf(request), decisionOf(draft)),
  );
  if (!outcome.ok) return viewDecision(deps, request, reply, draft, outcome);
  forgetDecisionDraft(request);
  request.session.flash =
    draft.outcome === 'qualified'
      ? 'The provider has qualified and is now listed for this offer.'
      : 'The provider has been told it has not qualified, with the ground and your reasons.';
  return reply.redirect(`/assessment/${idOf(request)}`, 303);
}

export function registerDecisionPages(app: FastifyInstance, deps: Deps): void {
  registerPages(app, [
    get(
      '/assessment/:id/decision',
      (request, reply) => viewDecision(deps, request, reply, decisionDraftOf(request, idOf(request)) ?? EMPTY),
      ASSESSOR,
    ),
    post('/assessment/:id/decision', (request, reply) => submitDecision(deps, request, reply), ASSESSOR),
    get('/assessment/:id/decision/check', (request, reply) => viewDecisionCheck(deps, request, reply), ASSESSOR),
    post('/assessment/:id/decision/check', (request, reply) => confirmDecision(deps, request, reply), ASSESSOR),
  ]);
}
