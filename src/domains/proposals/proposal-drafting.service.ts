/** A commissioner drafts a service that is not on the national list, edits it while draft and submits it to its region (PRODUCT.md §3.2). */
import { DomainError } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import type { Executor } from '../../db/executor.ts';
import { recordAudit } from '../identity/audit.repo.ts';
import type { ActionContext } from '../identity/principal.ts';
import { mayDraftProposal, proposalNotFound, requirePrincipal } from './proposal-access.rules.ts';
import { findProposal, findRegionOf, insertProposal, markSubmitted, nationalServiceNames, updateProposalFields } from './proposals.repo.ts';
import { assertActionAllowed, cleanProposal, comparableServiceName, type ProposalFields, proposalFieldErrors } from './proposals.rules.ts';

function userIdOf(context: ActionContext): string | null {
  return context.principal?.kind === 'user' ? context.principal.userId : null;
}

/** Refuses fields with errors, and a name that is already a national service (pointing to that service), all in one answer. */
async function assertProposable(db: Executor, fields: ProposalFields): Promise<void> {
  const errors = proposalFieldErrors(fields);
  const wanted = comparableServiceName(fields.name);
  const national = wanted ? (await nationalServiceNames(db)).find((service) => comparableServiceName(service.name) === wanted) : undefined;
  if (national)
    errors.unshift({
      field: 'name',
      message: `${national.name} is already a national service (code ${national.code}): open an offer from its implementation pack instead of proposing it`,
    });
  if (errors.length)
    throw new DomainError('validation-failed', 'There is a problem', {
      fieldErrors: errors,
      ...(national ? { nationalService: { code: national.code, name: national.name } } : {}),
    });
}

/** The region a commissioner submits to; refused when its organisation sits under no region. */
async function regionFor(db: Executor, organisationId: string) {
  const region = await findRegionOf(db, organisationId);
  if (!region)
    throw new DomainError(
      'conflict',
      'Your organisation is not under a region on AQP, so nobody can assess a proposal. Ask a platform administrator to set its parent organisation.',
    );
  return region;
}

/** Drafts a proposal for the commissioner's own organisation, addressed to its region. */
export async function createProposal(deps: Deps, context: ActionContext, input: Partial<ProposalFields>): Promise<{ id: string }> {
  const principal = requirePrincipal(context.principal);
  if (principal.role !== 'commissioner') throw new DomainError('forbidden', 'Only a commissioner can propose a local service');
  const fields = cleanProposal(input);
  return deps.db.transaction().execute(async (trx) => {
    await assertProposable(trx, fields);
    const region = await regionFor(trx, principal.organisationId);
    const id = await insertProposal(trx, {
      ...fields,
      proposerId: principal.organisationId,
      regionId: region.id,
      userId: userIdOf(context),
    });
    await recordAudit(trx, context, {
      action: 'proposal.create',
      entityType: 'local-service-proposal',
      entityId: id,
      details: { name: fields.name },
    });
    return { id };
  });
}

/** Changes a draft; a submitted or decided proposal stays exactly as the region saw it. */
export async function updateProposal(deps: Deps, context: ActionContext, id: string, input: Partial<ProposalFields>): Promise<void> {
  const principal = requirePrincipal(context.principal);
  const fields = cleanProposal(input);
  await deps.db.transaction().execute(async (trx) => {
    const proposal = await findProposal(trx, id, { forUpdate: true });
    if (!proposal || !mayDraftProposal(principal, proposal)) throw proposalNotFound();
    assertActionAllowed(proposal.status, 'edit');
    await assertProposable(trx, fields);
    await updateProposalFields(trx, id, fields, deps.clock.now());
    await recordAudit(trx, context, {
      action: 'proposal.update',
      entityType: 'local-service-proposal',
      entityId: id,
      details: { name: fields.name },
    });
  });
}

/** Sends a draft to the region now above the commissioner, for assessment. */
export async function submitProposal(deps: Deps, context: ActionContext, id: string): Promise<void> {
  const principal = requirePrincipal(context.principal);
  await deps.db.transaction().execute(async (trx) => {
    const proposal = await findProposal(trx, id, { forUpdate: true });
    if (!proposal || !mayDraftProposal(principal, proposal)) throw proposalNotFound();
    assertActionAllowed(proposal.status, 'submit');
    await assertProposable(trx, proposal);
    const region = await regionFor(trx, proposal.proposer.id);
    await markSubmitted(trx, id, { regionId: region.id, userId: userIdOf(context), at: deps.clock.now() });
    await recordAudit(trx, context, {
      action: 'proposal.submit',
      entityType: 'local-service-proposal',
      entityId: id,
      details: { region: region.odsCode },
    });
  });
}
