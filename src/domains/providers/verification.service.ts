/** The national qualification centre verifies or rejects providers' evidence, and national admins record CQC status changes. */
import { DomainError, validationFailed } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import type { Executor } from '../../db/executor.ts';
import { recordAudit } from '../identity/audit.repo.ts';
import type { ActionContext } from '../identity/principal.ts';
import {
  type EvidenceRecord,
  findEvidence,
  insertEvidence,
  pendingEvidence,
  setVerification,
  supersedeCurrent,
  currentEvidenceOf,
} from './assurance.repo.ts';
import { notApplicableVerdictErrors } from './cqc-claim.rules.ts';
import { CQC_STATUS_LABELS, EVIDENCE_LABELS, isCqcStatus, isEvidenceKind, REPLACED_KINDS } from './evidence-kinds.rules.ts';
import { actingUser, assertVerifier } from './provider-access.ts';
import { providersWithCqcEvidence } from './provider-profile.repo.ts';
import { insertOutboxMessage } from './provider-outbox.repo.ts';

/** Providers holding current CQC evidence with its status, by name, for the national admin's CQC status form. */
export async function providersWithCqcStatus(
  deps: Deps,
): Promise<{ organisationId: string; name: string; odsCode: string | null; cqcStatus: string | null }[]> {
  return providersWithCqcEvidence(deps.db);
}

/** Pending evidence across all providers, oldest first, for the verifiers' queue. */
export async function verificationQueue(deps: Deps, context: ActionContext, page = { limit: 50, offset: 0 }): Promise<EvidenceRecord[]> {
  await assertVerifier(deps.db, context);
  return pendingEvidence(deps.db, page);
}

/** One evidence row for a verifier to judge. */
export async function evidenceForVerifier(deps: Deps, context: ActionContext, id: string): Promise<EvidenceRecord> {
  await assertVerifier(deps.db, context);
  const evidence = /^[0-9a-f-]{36}$/i.test(id) ? await findEvidence(deps.db, id) : undefined;
  if (!evidence) throw new DomainError('not-found', 'There is no such evidence');
  return evidence;
}

export interface Verdict {
  decision: string;
  note: string;
}

/**
 * Verifying CQC registration or its not-applicable alternative retires the other kind's current row (decision 0027), but
 * never a cancelled or suspended CQC registration: that loss stays in force for compliance.
 */
async function retireOtherCqcKind(trx: Executor, evidence: EvidenceRecord, at: Date): Promise<string | null> {
  const other = isEvidenceKind(evidence.kind) ? REPLACED_KINDS[evidence.kind] : undefined;
  if (!other) return null;
  if (evidence.kind === 'cqc-not-applicable') {
    const registration = (await currentEvidenceOf(trx, evidence.organisationId)).find((row) => row.kind === 'cqc-registration');
    const errors = notApplicableVerdictErrors(registration);
    if (errors.length) throw validationFailed(errors, 'This evidence cannot be verified');
  }
  return supersedeCurrent(trx, evidence.organisationId, other, at);
}

/** Marks current pending evidence verified or rejected; a rejection needs a note, and the provider is told of it in its outbox. */
export async function judgeEvidence(deps: Deps, context: ActionContext, id: string, verdict: Verdict): Promise<void> {
  await assertVerifier(deps.db, context);
  const note = verdict.note.trim();
  if (verdict.decision !== 'verified' && verdict.decision !== 'rejected')
    throw validationFailed([{ field: 'decision', message: 'Select verified or rejected' }]);
  if (verdict.decision === 'rejected' && !note)
    throw validationFailed([{ field: 'note', message: 'Enter why the evidence is rejected, so the provider can put it right' }]);
  if (note.length > 2000) throw validationFailed([{ field: 'note', message: 'The note must be 2,000 characters or fewer' }]);
  await deps.db.transaction().execute(async (trx) => {
    const evidence = /^[0-9a-f-]{36}$/i.test(id) ? await findEvidence(trx, id, { forUpdate: true }) : undefined;
    if (!evidence) throw new DomainError('not-found', 'There is no such evidence');
    if (evidence.supersededAt)
      throw new DomainError('invalid-transition', 'This evidence has been replaced by newer evidence; judge the current one');
    if (evidence.verificationStatus !== 'pending')
      throw new DomainError('invalid-transition', `This evidence is already ${evidence.verificationStatus}`);
    const at = deps.clock.now();
    const replaced = verdict.decision === 'verified' ? await retireOtherCqcKind(trx, evidence, at) : null;
    await setVerification(
      trx,
      id,
      { status: verdict.decision as 'verified' | 'rejected', note: note || null, userId: actingUser(context) },
      at,
    );
    const label = isEvidenceKind(evidence.kind) ? EVIDENCE_LABELS[evidence.kind] : evidence.kind;
    if (verdict.decision === 'rejected') {
      await insertOutboxMessage(
        trx,
        {
          organisationId: evidence.organisationId,
          subject: `${label} evidence rejected`,
          body: `The national qualification centre rejected your ${label} evidence: ${note}`,
          entityType: 'assurance-evidence',
          entityId: id,
        },
        at,
      );
    }
    await recordAudit(trx, context, {
      action: `assurance.${verdict.decision === 'verified' ? 'verify' : 'reject'}`,
      entityType: 'assurance-evidence',
      entityId: id,
      details: { organisationId: evidence.organisationId, kind: evidence.kind, note, ...(replaced ? { replaced } : {}) },
    });
  });
}

/**
 * Records a change of a provider's CQC registration status (registered, cancelled, suspended) as a new current CQC row,
 * keeping the history; the compliance job reads the status from the assurance summary.
 */
export async function recordCqcStatus(
  deps: Deps,
  context: ActionContext,
  organisationId: string,
  input: { status: string; note: string },
): Promise<{ id: string }> {
  if (context.principal?.role !== 'national-admin')
    throw new DomainError('forbidden', 'Only national administrators can record a change of CQC status');
  if (!isCqcStatus(input.status)) throw validationFailed([{ field: 'status', message: 'Select the new CQC registration status' }]);
  const note = input.note.trim();
  if (!note) throw validationFailed([{ field: 'note', message: 'Enter where the change comes from, for example the CQC notice' }]);
  return deps.db.transaction().execute(async (trx) => {
    const current = /^[0-9a-f-]{36}$/i.test(organisationId)
      ? (await currentEvidenceOf(trx, organisationId)).find((row) => row.kind === 'cqc-registration')
      : undefined;
    if (!current) throw new DomainError('not-found', 'This provider has recorded no CQC registration');
    if (current.cqcStatus === input.status)
      throw validationFailed([
        {
          field: 'status',
          message: `The CQC status is already ${CQC_STATUS_LABELS[input.status as keyof typeof CQC_STATUS_LABELS].toLowerCase()}`,
        },
      ]);
    const at = deps.clock.now();
    await supersedeCurrent(trx, organisationId, 'cqc-registration', at);
    const id = await insertEvidence(
      trx,
      {
        organisationId,
        kind: 'cqc-registration',
        reference: current.reference,
        cqcStatus: input.status,
        expiresOn: current.expiresOn,
        documentId: current.documentId,
        userId: actingUser(context),
        verification: current.verificationStatus === 'verified' ? { status: 'verified', note, userId: actingUser(context) } : undefined,
      },
      at,
    );
    const label = CQC_STATUS_LABELS[input.status as keyof typeof CQC_STATUS_LABELS];
    await insertOutboxMessage(
      trx,
      {
        organisationId,
        subject: `CQC status recorded: ${label}`,
        body: `The national qualification centre recorded your CQC registration status as ${label.toLowerCase()}: ${note}`,
        entityType: 'assurance-evidence',
        entityId: id,
      },
      at,
    );
    await recordAudit(trx, context, {
      action: 'assurance.cqc-status',
      entityType: 'assurance-evidence',
      entityId: id,
      details: { organisationId, from: current.cqcStatus, to: input.status, note },
    });
    return { id };
  });
}
