/** A regional reviewer's pages to assess a proposal against each criterion and to decide it with reasons. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { getProposal, type ProposalWithAssessments } from '../../../domains/proposals/proposal-queries.service.ts';
import { ASSESSMENT_CRITERIA, type AssessmentInput, assertActionAllowed, unassessedCriteria } from '../../../domains/proposals/proposals.rules.ts';
import { decideProposal, recordAssessments } from '../../../domains/proposals/regional-assessment.service.ts';
import { DomainError } from '../../../lib/errors.ts';
import { field, type FormErrors, validationErrorsOf } from '../form.ts';
import { criteriaView } from './proposal.presenter.ts';

const REVIEWER = { config: { roles: ['regional-reviewer'] as const } };

/** Reads the assess form: criteria left wholly blank are skipped, so a reviewer can save part of the work. */
export function assessmentsFromForm(body: unknown): AssessmentInput[] {
  return ASSESSMENT_CRITERIA.flatMap((criterion) => {
    const met = field(body, `${criterion.code}-met`);
    const note = field(body, `${criterion.code}-note`);
    if (!met && !note.trim()) return [];
    return [{ criterion: criterion.code, met: met === 'met' ? true : met === 'not-met' ? false : null, note }];
  });
}

/** The assess form's criteria with what was typed, or what was saved before. */
function assessItems(proposal: ProposalWithAssessments, body?: unknown) {
  return criteriaView(proposal).map((criterion) => {
    if (body === undefined) return { ...criterion, metValue: criterion.assessed ? (criterion.met ? 'met' : 'not-met') : '' };
    return { ...criterion, metValue: field(body, `${criterion.code}-met`), note: field(body, `${criterion.code}-note`) };
  });
}

async function reviewable(deps: Deps, request: { principal: Parameters<typeof getProposal>[1]; params: unknown }, action: 'assess' | 'decide') {
  const proposal = await getProposal(deps, request.principal, (request.params as { id: string }).id);
  assertActionAllowed(proposal.status, action);
  return proposal;
}

function renderAssess(reply: FastifyReply, proposal: ProposalWithAssessments, body?: unknown, errors?: FormErrors) {
  return reply.status(errors ? 400 : 200).render('pages/proposals/assess.njk', {
    pageTitle: `${errors ? 'Error: ' : ''}Assess ${proposal.name}`, proposal, criteria: assessItems(proposal, body), ...errors,
  });
}

function renderDecide(reply: FastifyReply, proposal: ProposalWithAssessments, values: { outcome: string; reasons: string }, errors?: FormErrors) {
  return reply.status(errors ? 400 : 200).render('pages/proposals/decide.njk', {
    pageTitle: `${errors ? 'Error: ' : ''}Decide ${proposal.name}`, proposal, values, criteria: criteriaView(proposal),
    unassessed: unassessedCriteria(proposal.assessments.map((item) => item.criterion)), ...errors,
  });
}

export function registerProposalReviewPages(app: FastifyInstance, deps: Deps): void {
  app.get('/proposals/:id/assess', REVIEWER, async (request, reply) => renderAssess(reply, await reviewable(deps, request, 'assess')));
  app.post('/proposals/:id/assess', REVIEWER, async (request, reply) => {
    const proposal = await reviewable(deps, request, 'assess');
    try {
      await recordAssessments(deps, request.actionContext(), proposal.id, assessmentsFromForm(request.body));
      request.session.flash = 'Your assessment has been saved.';
      return reply.redirect(`/proposals/${proposal.id}`, 303);
    } catch (error) {
      const errors = validationErrorsOf(error);
      if (!errors) throw error;
      return renderAssess(reply, proposal, request.body, errors);
    }
  });

  app.get('/proposals/:id/decide', REVIEWER, async (request, reply) => renderDecide(reply, await reviewable(deps, request, 'decide'), { outcome: '', reasons: '' }));
  app.post('/proposals/:id/decide', REVIEWER, async (request, reply) => {
    const proposal = await reviewable(deps, request, 'decide');
    const values = { outcome: field(request.body, 'outcome'), reasons: field(request.body, 'reasons') };
    try {
      await decideProposal(deps, request.actionContext(), proposal.id, values);
      request.session.flash = `${proposal.name} has been ${values.outcome}. The commissioner can now see your reasons.`;
      return reply.redirect(`/proposals/${proposal.id}`, 303);
    } catch (error) {
      const errors = validationErrorsOf(error);
      if (errors) return renderDecide(reply, proposal, values, errors);
      if (error instanceof DomainError && error.code === 'invalid-transition' && error.details.unassessed) return renderDecide(reply, proposal, values);
      throw error;
    }
  });
}
