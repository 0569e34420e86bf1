/** Providers record their national assurance once: each new item supersedes the last of its kind, with its document, in one transaction. */
import { DomainError, validationFailed } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import { recordAudit } from '../identity/audit.repo.ts';
import type { ActionContext } from '../identity/principal.ts';
import { type EvidenceRecord, currentEvidenceOf, insertEvidence, supersedeCurrent } from './assurance.repo.ts';
import { assuranceSummary, type AssuranceSummary } from './assurance-summary.service.ts';
import { cqcClaimErrors } from './cqc-claim.rules.ts';
import { insertDocument } from './document.repo.ts';
import { safeFileName, sniffDocumentType, type UploadedFile, uploadRefusal } from './document-type.rules.ts';
import { evidenceFieldErrors } from './evidence-input.rules.ts';
import { EVIDENCE_LABELS, type EvidenceKind, isEvidenceKind } from './evidence-kinds.rules.ts';
import { actingUser, administeredProviderOf, ownProviderOf } from './provider-access.ts';
import { saveTurnoverDeclaration } from './provider-profile.repo.ts';

export interface EvidenceInput {
  kind: string;
  reference: string;
  cqcStatus: string;
  expiresOn: string | null;
  declaresTurnoverUnder10m: boolean;
  /** Where CQC registration does not apply (decision 0027): why, and the regulator the provider is registered with instead. */
  notApplicableReason?: string;
  registrationBody?: string;
  document?: UploadedFile;
}

/** The acting person's provider's assurance: the summary and each current row in full. */
export async function ownAssurance(deps: Deps, context: ActionContext): Promise<{ summary: AssuranceSummary; evidence: EvidenceRecord[] }> {
  const organisationId = ownProviderOf(context);
  const [summary, evidence] = await Promise.all([
    assuranceSummary(deps.db, organisationId, deps.clock.today()),
    currentEvidenceOf(deps.db, organisationId),
  ]);
  return { summary, evidence };
}

/** Every field error at once, the document's size and type among them. */
function checkEvidence(input: EvidenceInput, kind: EvidenceKind, today: string) {
  const errors = evidenceFieldErrors({ ...input, kind, hasDocument: Boolean(input.document) }, today);
  const refusal = input.document && uploadRefusal(input.document);
  if (refusal) errors.push({ field: 'document', message: refusal });
  return errors;
}

/**
 * Records new evidence of one kind, pending verification: the document, the superseding of the previous row and the new
 * row commit together or not at all, so a failure half-way leaves no orphan document or evidence. CQC registration and
 * "does not apply" replace each other only when the centre verifies the new one (decision 0027).
 */
export async function recordEvidence(
  deps: Deps,
  context: ActionContext,
  input: EvidenceInput,
): Promise<{ id: string; documentId: string | null }> {
  const organisationId = administeredProviderOf(context);
  if (!isEvidenceKind(input.kind)) throw new DomainError('not-found', 'There is no such kind of assurance evidence');
  const kind = input.kind;
  const errors = checkEvidence(input, kind, deps.clock.today());
  if (errors.length) throw validationFailed(errors, `The ${EVIDENCE_LABELS[kind]} evidence cannot be recorded`);
  const userId = actingUser(context);
  return deps.db.transaction().execute(async (trx) => {
    const registration = (await currentEvidenceOf(trx, organisationId)).find((row) => row.kind === 'cqc-registration');
    const claimErrors = cqcClaimErrors(kind, input.cqcStatus, registration);
    if (claimErrors.length) throw validationFailed(claimErrors, `The ${EVIDENCE_LABELS[kind]} evidence cannot be recorded`);
    const at = deps.clock.now();
    const document = input.document;
    const documentId = document
      ? await insertDocument(
          trx,
          {
            organisationId,
            fileName: safeFileName(document.fileName),
            contentType: sniffDocumentType(document.content)!,
            content: document.content,
            userId,
          },
          at,
        )
      : null;
    const superseded = await supersedeCurrent(trx, organisationId, kind, at);
    const id = await insertEvidence(
      trx,
      {
        organisationId,
        kind,
        reference: input.reference.trim() || null,
        cqcStatus: kind === 'cqc-registration' ? input.cqcStatus : null,
        expiresOn: input.expiresOn,
        documentId,
        userId,
        notApplicable:
          kind === 'cqc-not-applicable'
            ? { reason: input.notApplicableReason!.trim(), registrationBody: input.registrationBody! }
            : undefined,
      },
      at,
    );
    if (kind === 'monitor-exemption') await saveTurnoverDeclaration(trx, organisationId, true, at);
    await recordAudit(trx, context, {
      action: 'assurance.record',
      entityType: 'assurance-evidence',
      entityId: id,
      details: { kind, documentId, superseded },
    });
    return { id, documentId };
  });
}
