/** The proposing commissioner turns a proposal its region approved into a local service with its own implementation pack, so offers open from it as from a national pack (docs/decisions/0028-local-service-offers.md). */
import { DomainError, type FieldError, validationFailed } from '../../lib/errors.ts';
import { insertPackVersion, type PackVersion, packVersionsOf, type ServiceRecord } from '../catalogue/catalogue.repo.ts';
import { type PackContent, packFieldErrors } from '../catalogue/implementation-pack.schema.ts';
import {
  findLocalServiceOfProposal,
  insertLocalService,
  lockLocalServiceCodes,
  serviceCodeTaken,
} from '../catalogue/local-services.repo.ts';
import type { Deps } from '../deps.ts';
import type { Executor } from '../../db/executor.ts';
import { recordAudit } from '../identity/audit.repo.ts';
import type { ActionContext, Principal } from '../identity/principal.ts';
import { mayDraftProposal, mayViewProposal, proposalNotFound, requirePrincipal } from './proposal-access.rules.ts';
import { findProposal, type ProposalRecord } from './proposals.repo.ts';
import { type LocalPackInput, localPackContent, localServiceCode } from './local-service.rules.ts';
import { type ProposalStatus, STATUS_LABELS } from './proposals.rules.ts';

export interface LocalServiceState {
  proposal: ProposalRecord;
  service: ServiceRecord | undefined;
  current: PackVersion | undefined;
}

/** The proposal and its local service so far, refused unless the principal proposed it and the region approved it. */
async function openableProposal(
  db: Executor,
  principal: Principal,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<LocalServiceState> {
  const proposal = await findProposal(db, id, options);
  if (!proposal || !mayViewProposal(principal, proposal)) throw proposalNotFound();
  if (!mayDraftProposal(principal, proposal))
    throw new DomainError('forbidden', 'Only the commissioner that proposed this service can open it as an offer');
  if (proposal.status !== 'approved') {
    const status = STATUS_LABELS[proposal.status as ProposalStatus]?.toLowerCase() ?? proposal.status;
    throw new DomainError('invalid-transition', `Only a proposal the region approved can be opened as an offer; this one is ${status}`, {
      status: proposal.status,
    });
  }
  const service = await findLocalServiceOfProposal(db, id);
  const current = service ? (await packVersionsOf(db, service.id))[0] : undefined;
  return { proposal, service, current };
}

/** What the local service form starts from: the approved proposal and the current local pack, if any. */
export async function localServiceFor(deps: Deps, principal: Principal | null, proposalId: string): Promise<LocalServiceState> {
  return openableProposal(deps.db, requirePrincipal(principal), proposalId);
}

/** Adds the proposal's local service under the first free code, holding the owner's code lock so a parallel save of a same-named service picks the next one. */
async function newLocalService(trx: Executor, proposal: ProposalRecord): Promise<string> {
  await lockLocalServiceCodes(trx, proposal.proposer.id);
  let attempt = 1;
  while (await serviceCodeTaken(trx, localServiceCode(proposal.proposer.odsCode, proposal.name, attempt))) attempt += 1;
  const code = localServiceCode(proposal.proposer.odsCode, proposal.name, attempt);
  return insertLocalService(trx, {
    code,
    name: proposal.name,
    definition: proposal.description,
    proposalId: proposal.id,
    ownerId: proposal.proposer.id,
  });
}

function changeNoteOf(input: { changeNote?: string }, state: LocalServiceState): { note: string; errors: FieldError[] } {
  const note =
    (input.changeNote ?? '').trim() ||
    (state.current ? '' : `First local implementation pack for the service ${state.proposal.region.name} approved.`);
  if (!note) return { note, errors: [{ field: 'changeNote', message: 'Say what changed in this version' }] };
  if (note.length > 1000) return { note, errors: [{ field: 'changeNote', message: 'The change note must be 1,000 characters or fewer' }] };
  return { note, errors: [] };
}

/** Creates the local service on first use and publishes its next pack version; offers already opened keep the version they adopted. */
export async function setUpLocalService(
  deps: Deps,
  context: ActionContext,
  proposalId: string,
  input: LocalPackInput & { changeNote?: string },
): Promise<{ serviceCode: string; packVersion: number }> {
  const principal = requirePrincipal(context.principal);
  return deps.db.transaction().execute(async (trx) => {
    const state = await openableProposal(trx, principal, proposalId, { forUpdate: true });
    const content = localPackContent(input, state.current?.content);
    const changeNote = changeNoteOf(input, state);
    const errors = [...packFieldErrors(content), ...changeNote.errors];
    if (errors.length) throw validationFailed(errors, 'The local service is not valid');
    const serviceId = state.service?.id ?? (await newLocalService(trx, state.proposal));
    const version = (state.current?.version ?? 0) + 1;
    const userId = context.principal?.kind === 'user' ? context.principal.userId : null;
    const packId = await insertPackVersion(trx, {
      serviceId,
      version,
      content: content as PackContent,
      changeNote: changeNote.note,
      userId,
    });
    const service = state.service ?? (await findLocalServiceOfProposal(trx, proposalId))!;
    await recordAudit(trx, context, {
      action: 'local-service.pack',
      entityType: 'implementation-pack',
      entityId: packId,
      details: { proposal: proposalId, service: service.code, version },
    });
    return { serviceCode: service.code, packVersion: version };
  });
}
