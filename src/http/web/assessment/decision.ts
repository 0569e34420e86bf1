/** The assessor's decision in two steps: choose the outcome (with the ground and reasons for a refusal), then "Check your decision" and confirm. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { assessorApplication } from '../../../domains/applications/application-view.service.ts';
import { checkDecisionAllowed, decideApplication } from '../../../domains/applications/assessment.service.ts';
import type { Deps } from '../../../domains/deps.ts';
import { field, type FormErrors, formErrors } from '../form.ts';
import { isRefusalGround, REFUSAL_GROUND_LABELS } from '../../../domains/applications/application-status.rules.ts';
import { pageErrorsOf } from './assessment-errors.ts';
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

export function registerDecisionPages(app: FastifyInstance, deps: Deps): void {
  const renderForm = async (request: FastifyRequest, reply: FastifyReply, draft: DecisionDraft, options: { status?: number; errors?: FormErrors } = {}) => {
    const view = await assessorApplication(deps, request.actionContext(), idOf(request));
    const open = view.application.status === 'submitted' || view.application.status === 'clarification';
    if (!options.errors && (!open || view.conflictOfInterest)) return reply.redirect(`/assessment/${view.application.id}`, 303);
    return reply.status(options.status ?? 200).render('pages/assessment/decision.njk', {
      pageTitle: `${options.errors ? 'Error: ' : ''}Record a decision on ${view.application.providerName}’s application`, ...view, ...options.errors, draft,
      groundItems: groundItems(draft.ground), outcome: draft.outcome,
    });
  };

  app.get('/assessment/:id/decision', ASSESSOR, async (request, reply) => renderForm(request, reply, decisionDraftOf(request, idOf(request)) ?? EMPTY));

  app.post('/assessment/:id/decision', ASSESSOR, async (request, reply) => {
    const draft = postedDecision(request.body);
    try {
      if (draft.outcome !== 'qualified' && draft.outcome !== 'not-qualified') return renderForm(request, reply, draft, { status: 400, errors: formErrors([{ field: 'outcome', message: 'Select qualified or not qualified' }]) });
      await checkDecisionAllowed(deps, request.actionContext(), idOf(request), decisionOf(draft));
    } catch (error) {
      const found = pageErrorsOf(error, 'outcome');
      if (!found) throw error;
      return renderForm(request, reply, draft, found);
    }
    keepDecisionDraft(request, idOf(request), draft);
    return reply.redirect(`/assessment/${idOf(request)}/decision/check`, 303);
  });

  app.get('/assessment/:id/decision/check', ASSESSOR, async (request, reply) => {
    const view = await assessorApplication(deps, request.actionContext(), idOf(request));
    const draft = decisionDraftOf(request, view.application.id);
    if (!draft) return reply.redirect(`/assessment/${view.application.id}/decision`, 303);
    return reply.render('pages/assessment/check-decision.njk', {
      pageTitle: `Check your decision on ${view.application.providerName}’s application`, ...view, draft, markRows: markSummaryRows(view), groundLabel: isRefusalGround(draft.ground) ? REFUSAL_GROUND_LABELS[draft.ground] : undefined,
    });
  });

  app.post('/assessment/:id/decision/check', ASSESSOR, async (request, reply) => {
    await assessorApplication(deps, request.actionContext(), idOf(request));
    const draft = decisionDraftOf(request, idOf(request));
    if (!draft) return reply.redirect(`/assessment/${idOf(request)}/decision`, 303);
    try {
      await decideApplication(deps, request.actionContext(), idOf(request), decisionOf(draft));
    } catch (error) {
      const found = pageErrorsOf(error, 'outcome');
      if (!found) throw error;
      return renderForm(request, reply, draft, found);
    }
    forgetDecisionDraft(request);
    request.session.flash = draft.outcome === 'qualified' ? 'The provider has qualified and is now listed for this offer.' : 'The provider has been told it has not qualified, with the ground and your reasons.';
    return reply.redirect(`/assessment/${idOf(request)}`, 303);
  });
}
