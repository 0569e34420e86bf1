/** A commissioner's pages to draft, edit and submit a local service proposal: each a view and a submit. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { createProposal, submitProposal, updateProposal } from '../../../domains/proposals/proposal-drafting.service.ts';
import { getProposal } from '../../../domains/proposals/proposal-queries.service.ts';
import { assertActionAllowed } from '../../../domains/proposals/proposals.rules.ts';
import { DomainError } from '../../../lib/errors.ts';
import { attempt, field, type FormErrors, type Outcome, renderForm } from '../form.ts';
import { get, post, registerPages } from '../page-routes.ts';

const COMMISSIONER = { config: { roles: ['commissioner'] as const } };
const FIELDS = ['name', 'description', 'rationale'] as const;
type Values = Record<(typeof FIELDS)[number], string>;
type NationalService = { code: string; name: string };

function formValues(body: unknown): Values {
  return Object.fromEntries(FIELDS.map((name) => [name, field(body, name)])) as Values;
}

/** The national service a refused name duplicates, so the form can link to it. */
function nationalServiceOf(error: unknown): NationalService | undefined {
  return error instanceof DomainError ? (error.details.nationalService as NationalService | undefined) : undefined;
}

interface ProposalForm {
  id?: string;
  values: Values;
  errors?: FormErrors;
  nationalService?: NationalService;
}

/** The proposal form, new (no id) or a draft being edited; a refused name links to the national service it duplicates. */
function viewProposalForm(reply: FastifyReply, form: ProposalForm) {
  const title = form.id ? `Edit ${form.values.name || 'proposal'}` : 'Propose a local service';
  return renderForm(
    reply,
    'pages/proposals/form.njk',
    title,
    {
      title,
      id: form.id,
      values: form.values,
      nationalService: form.nationalService,
      action: form.id ? `/proposals/${form.id}/edit` : '/proposals/new',
      backHref: form.id ? `/proposals/${form.id}` : '/proposals',
    },
    form.errors,
  );
}

/** Runs a save through attempt(), remembering the national service a refused name duplicates, which the errors alone do not carry. */
async function attemptProposalSave<T>(action: () => Promise<T>): Promise<{ outcome: Outcome<T>; nationalService?: NationalService }> {
  let nationalService: NationalService | undefined;
  const outcome = await attempt(() =>
    action().catch((error: unknown) => {
      nationalService = nationalServiceOf(error);
      throw error;
    }),
  );
  return { outcome, nationalService };
}

/** Saves a new draft proposal, or shows the form again with its errors. */
async function submitNewProposal(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const values = formValues(request.body);
  const { outcome, nationalService } = await attemptProposalSave(() => createProposal(deps, request.actionContext(), values));
  if (!outcome.ok) return viewProposalForm(reply, { values, errors: outcome.errors, nationalService });
  request.session.flash = `Your proposal for ${values.name.trim()} has been saved as a draft.`;
  return reply.redirect(`/proposals/${outcome.value.id}`, 303);
}

/** The draft's form, while it may still be edited. */
async function showProposalEdit(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const proposal = await getProposal(deps, request.principal, (request.params as { id: string }).id);
  assertActionAllowed(proposal.status, 'edit');
  return viewProposalForm(reply, {
    id: proposal.id,
    values: { name: proposal.name, description: proposal.description, rationale: proposal.rationale },
  });
}

/** Saves the draft's changes, or shows the form again with its errors. */
async function submitProposalEdit(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const { id } = request.params as { id: string };
  const values = formValues(request.body);
  const { outcome, nationalService } = await attemptProposalSave(() => updateProposal(deps, request.actionContext(), id, values));
  if (!outcome.ok) return viewProposalForm(reply, { id, values, errors: outcome.errors, nationalService });
  request.session.flash = 'Your proposal has been updated.';
  return reply.redirect(`/proposals/${id}`, 303);
}

/** "Submit to your region": what will be sent, to confirm. */
async function showProposalSubmit(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const proposal = await getProposal(deps, request.principal, (request.params as { id: string }).id);
  assertActionAllowed(proposal.status, 'submit');
  return reply.render('pages/proposals/submit.njk', { pageTitle: `Submit ${proposal.name} to your region`, proposal });
}

/** Submits the proposal to the region for assessment. */
async function confirmProposalSubmit(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const { id } = request.params as { id: string };
  await submitProposal(deps, request.actionContext(), id);
  request.session.flash = 'Your proposal has been submitted to the region for assessment.';
  return reply.redirect(`/proposals/${id}`, 303);
}

export function registerProposalDraftingPages(app: FastifyInstance, deps: Deps): void {
  registerPages(app, [
    get(
      '/proposals/new',
      async (_request, reply) => viewProposalForm(reply, { values: { name: '', description: '', rationale: '' } }),
      COMMISSIONER,
    ),
    post('/proposals/new', (request, reply) => submitNewProposal(deps, request, reply), COMMISSIONER),
    get('/proposals/:id/edit', (request, reply) => showProposalEdit(deps, request, reply), COMMISSIONER),
    post('/proposals/:id/edit', (request, reply) => submitProposalEdit(deps, request, reply), COMMISSIONER),
    get('/proposals/:id/submit', (request, reply) => showProposalSubmit(deps, request, reply), COMMISSIONER),
    post('/proposals/:id/submit', (request, reply) => confirmProposalSubmit(deps, request, reply), COMMISSIONER),
  ]);
}
