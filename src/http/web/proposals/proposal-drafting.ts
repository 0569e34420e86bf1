/** A commissioner's pages to draft, edit and submit a local service proposal: each a view and a submit. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { createProposal, submitProposal, updateProposal } from '../../../domains/proposals/proposal-drafting.service.ts';
import { getProposal } from '../../../domains/proposals/proposal-queries.service.ts';
import { assertActionAllowed } from '../../../domains/proposals/proposals.rules.ts';
import { DomainError } from '../../../lib/errors.ts';
import { field, type FormErrors, validationErrorsOf } from '../form.ts';

const COMMISSIONER = { config: { roles: ['commissioner'] as const } };
const FIELDS = ['name', 'description', 'rationale'] as const;
type Values = Record<(typeof FIELDS)[number], string>;

function formValues(body: unknown): Values {
  return Object.fromEntries(FIELDS.map((name) => [name, field(body, name)])) as Values;
}

/** The national service a refused name duplicates, so the form can link to it. */
function nationalServiceOf(error: unknown): { code: string; name: string } | undefined {
  return error instanceof DomainError ? (error.details.nationalService as { code: string; name: string } | undefined) : undefined;
}

function renderForm(reply: FastifyReply, form: { id?: string; values: Values; status?: number; errors?: FormErrors; nationalService?: { code: string; name: string } }) {
  const title = form.id ? `Edit ${form.values.name || 'proposal'}` : 'Propose a local service';
  return reply.status(form.status ?? 200).render('pages/proposals/form.njk', {
    pageTitle: `${form.errors ? 'Error: ' : ''}${title}`, title, id: form.id, values: form.values, nationalService: form.nationalService, ...form.errors,
    action: form.id ? `/proposals/${form.id}/edit` : '/proposals/new', backHref: form.id ? `/proposals/${form.id}` : '/proposals',
  });
}

export function registerProposalDraftingPages(app: FastifyInstance, deps: Deps): void {
  app.get('/proposals/new', COMMISSIONER, async (_request, reply) => renderForm(reply, { values: { name: '', description: '', rationale: '' } }));
  app.post('/proposals/new', COMMISSIONER, async (request, reply) => {
    const values = formValues(request.body);
    try {
      const { id } = await createProposal(deps, request.actionContext(), values);
      request.session.flash = `Your proposal for ${values.name.trim()} has been saved as a draft.`;
      return reply.redirect(`/proposals/${id}`, 303);
    } catch (error) {
      const errors = validationErrorsOf(error);
      if (!errors) throw error;
      return renderForm(reply, { values, status: 400, errors, nationalService: nationalServiceOf(error) });
    }
  });

  app.get('/proposals/:id/edit', COMMISSIONER, async (request, reply) => {
    const proposal = await getProposal(deps, request.principal, (request.params as { id: string }).id);
    assertActionAllowed(proposal.status, 'edit');
    return renderForm(reply, { id: proposal.id, values: { name: proposal.name, description: proposal.description, rationale: proposal.rationale } });
  });
  app.post('/proposals/:id/edit', COMMISSIONER, async (request, reply) => {
    const { id } = request.params as { id: string };
    const values = formValues(request.body);
    try {
      await updateProposal(deps, request.actionContext(), id, values);
      request.session.flash = 'Your proposal has been updated.';
      return reply.redirect(`/proposals/${id}`, 303);
    } catch (error) {
      const errors = validationErrorsOf(error);
      if (!errors) throw error;
      return renderForm(reply, { id, values, status: 400, errors, nationalService: nationalServiceOf(error) });
    }
  });

  app.get('/proposals/:id/submit', COMMISSIONER, async (request, reply) => {
    const proposal = await getProposal(deps, request.principal, (request.params as { id: string }).id);
    assertActionAllowed(proposal.status, 'submit');
    return reply.render('pages/proposals/submit.njk', { pageTitle: `Submit ${proposal.name} to your region`, proposal });
  });
  app.post('/proposals/:id/submit', COMMISSIONER, async (request, reply) => {
    const { id } = request.params as { id: string };
    await submitProposal(deps, request.actionContext(), id);
    request.session.flash = 'Your proposal has been submitted to the region for assessment.';
    return reply.redirect(`/proposals/${id}`, 303);
  });
}
