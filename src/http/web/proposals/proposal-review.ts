/** A regional reviewer's pages to assess a proposal against each criterion and to decide it with reasons. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { getProposal, type ProposalWithAssessments } from '../../../domains/proposals/proposal-queries.service.ts';
import {
  ASSESSMENT_CRITERIA,
  type AssessmentInput,
  assertActionAllowed,
  unassessedCriteria,
} from '../../../domains/proposals/proposals.rules.ts';
import { decideProposal, recordAssessments } from '../../../domains/proposals/regional-assessment.service.ts';
import { DomainError } from '../../../lib/errors.ts';
import { attempt, field, type FormErrors, renderForm } from '../form.ts';
import { get, post, registerPages } from '../page-routes.ts';
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

async function reviewable(
  deps: Deps,
  request: { principal: Parameters<typeof getProposal>[1]; params: unknown },
  action: 'assess' | 'decide',
) {
  const proposal = await getProposal(deps, request.principal, (request.params as { id: string }).id);
  assertActionAllowed(proposal.status, action);
  return proposal;
}

/** The assess form: each criterion with met or not met and a note. */
function viewAssess(reply: FastifyReply, proposal: ProposalWithAssessments, body?: unknown, errors?: FormErrors) {
  return renderForm(
    reply,
    'pages/proposals/assess.njk',
    `Assess ${proposal.name}`,
    { proposal, criteria: assessItems(proposal, body) },
    errors,
  );
}

/** The decide form, with the criteria still to assess listed. */
function viewDecide(
  reply: FastifyReply,
  proposal: ProposalWithAssessments,
  values: { outcome: string; reasons: string },
  errors?: FormErrors,
) {
  return renderForm(
    reply,
    'pages/proposals/decide.njk',
    `Decide ${proposal.name}`,
    {
      proposal,
      values,
      criteria: criteriaView(proposal),
      unassessed: unassessedCriteria(proposal.assessments.map((item) => item.criterion)),
    },
    errors,
  );
}

/** Saves the assessments typed, or shows the form again with its errors. */
async function submitAssess(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const proposal = await reviewable(deps, request, 'assess');
  const outcome = await attempt(() => recordAssessments(deps, request.actionContext(), proposal.id, assessmentsFromForm(request.body)));
  if (!outcome.ok) return viewAssess(reply, proposal, request.body, outcome.errors);
  request.session.flash = 'Your assessment has been saved.';
  return reply.redirect(`/proposals/${proposal.id}`, 303);
}

/** Records the decision with its reasons, or shows the form again: with its errors, or listing the criteria still to assess. */
async function submitDecide(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const proposal = await reviewable(deps, request, 'decide');
  const values = { outcome: field(request.body, 'outcome'), reasons: field(request.body, 'reasons') };
  try {
    const outcome = await attempt(() => decideProposal(deps, request.actionContext(), proposal.id, values));
    if (!outcome.ok) return viewDecide(reply, proposal, values, outcome.errors);
  } catch (error) {
    if (!(error instanceof DomainError && error.code === 'invalid-transition' && error.details.unassessed)) throw error;
    return viewDecide(reply, proposal, values);
  }
  request.session.flash = `${proposal.name} has been ${values.outcome}. The commissioner can now see your reasons.`;
  return reply.redirect(`/proposals/${proposal.id}`, 303);
}

export function registerProposalReviewPages(app: FastifyInstance, deps: Deps): void {
  registerPages(app, [
    get('/proposals/:id/assess', async (request, reply) => viewAssess(reply, await reviewable(deps, request, 'assess')), REVIEWER),
    post('/proposals/:id/assess', (request, reply) => submitAssess(deps, request, reply), REVIEWER),
    get(
      '/proposals/:id/decide',
      async (request, reply) => viewDecide(reply, await reviewable(deps, request, 'decide'), { outcome: '', reasons: '' }),
      REVIEWER,
    ),
    post('/proposals/:id/decide', (request, reply) => submitDecide(deps, request, reply), REVIEWER),
  ]);
}
