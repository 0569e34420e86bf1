/** What a browser session remembers of an assessor's decision between "Record a decision" and "Confirm decision", so nothing typed is lost. */
import type { FastifyRequest } from 'fastify';
import type { Decision } from '../../../domains/applications/assessment.service.ts';

export interface DecisionDraft {
  outcome: string;
  ground: string;
  reasons: string;
}

declare module '@fastify/session' {
  interface FastifySessionObject {
    /** The decision being checked, one application at a time; forgotten once confirmed. */
    assessmentDecision?: DecisionDraft & { applicationId: string };
  }
}

/** The draft decision for this application, or undefined when the assessor has not started one here. */
export function decisionDraftOf(request: FastifyRequest, applicationId: string): DecisionDraft | undefined {
  const draft = request.session.assessmentDecision;
  return draft?.applicationId === applicationId ? { outcome: draft.outcome, ground: draft.ground, reasons: draft.reasons } : undefined;
}

export function keepDecisionDraft(request: FastifyRequest, applicationId: string, draft: DecisionDraft): void {
  request.session.assessmentDecision = { applicationId, ...draft };
}

export function forgetDecisionDraft(request: FastifyRequest): void {
  request.session.assessmentDecision = undefined;
}

/** The draft as the domain's decision; a ground is kept only for a refusal. */
export function decisionOf(draft: DecisionDraft): Decision {
  return draft.outcome === 'qualified'
    ? { outcome: 'qualified', reasons: draft.reasons }
    : { outcome: 'not-qualified', ground: draft.ground, reasons: draft.reasons };
}
