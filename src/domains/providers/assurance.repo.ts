/** Queries over assurance evidence: the current row per kind, its history, the verification queue. */
import type { Executor } from '../../db/executor.ts';
import type { CurrentEvidence } from './evidence-kinds.rules.ts';

export interface EvidenceRecord extends CurrentEvidence {
  organisationId: string;
  organisationName: string;
  reference: string | null;
  notApplicableReason: string | null;
  registrationBody: string | null;
  documentId: string | null;
  documentName: string | null;
  verificationNote: string | null;
  verifiedAt: Date | null;
  supersededAt: Date | null;
  createdAt: Date;
}

function evidenceQuery(db: Executor) {
  return db
    .selectFrom('assurance_evidence as e')
    .innerJoin('organisations as o', 'o.id', 'e.organisation_id')
    .leftJoin('documents as d', 'd.id', 'e.document_id')
    .select([
      'e.id',
      'e.organisation_id',
      'o.name as organisation_name',
      'e.kind',
      'e.reference',
      'e.not_applicable_reason',
      'e.registration_body',
      'e.cqc_status',
      'e.expires_on',
      'e.document_id',
      'd.file_name',
      'e.verification_status',
      'e.verification_note',
      'e.verified_at',
      'e.superseded_at',
      'e.created_at',
    ]);
}

type EvidenceRow = Awaited<ReturnType<ReturnType<typeof evidenceQuery>['executeTakeFirstOrThrow']>>;

function toEvidence(row: EvidenceRow): EvidenceRecord {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    kind: row.kind,
    reference: row.reference,
    notApplicableReason: row.not_applicable_reason,
    registrationBody: row.registration_body,
    cqcStatus: row.cqc_status,
    expiresOn: row.expires_on,
    documentId: row.document_id,
    documentName: row.file_name,
    verificationStatus: row.verification_status,
    verificationNote: row.verification_note,
    verifiedAt: row.verified_at,
    supersededAt: row.superseded_at,
    createdAt: row.created_at,
  };
}

/** The current (not superseded) evidence of each kind a provider holds. */
export async function currentEvidenceOf(db: Executor, organisationId: string): Promise<EvidenceRecord[]> {
  const rows = await evidenceQuery(db).where('e.organisation_id', '=', organisationId).where('e.superseded_at', 'is', null).execute();
  return rows.map(toEvidence);
}

/** One evidence row by id, optionally locked for a change. */
export async function findEvidence(db: Executor, id: string, options: { forUpdate?: boolean } = {}): Promise<EvidenceRecord | undefined> {
  let query = evidenceQuery(db).where('e.id', '=', id);
  if (options.forUpdate) query = query.forUpdate('e');
  const row = await query.executeTakeFirst();
  return row ? toEvidence(row) : undefined;
}

/** Current pending evidence across all providers, oldest first: the national verification queue. */
export async function pendingEvidence(db: Executor, page: { limit: number; offset: number }): Promise<EvidenceRecord[]> {
  const rows = await evidenceQuery(db)
    .where('e.superseded_at', 'is', null)
    .where('e.verification_status', '=', 'pending')
    .orderBy('e.created_at', 'asc')
    .orderBy('e.id', 'asc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return rows.map(toEvidence);
}

export interface NewEvidence {
  organisationId: string;
  kind: string;
  reference: string | null;
  cqcStatus: string | null;
  expiresOn: string | null;
  documentId: string | null;
  userId: string | null;
  /** On cqc-not-applicable evidence only. */
  notApplicable?: { reason: string; registrationBody: string };
  /** Set when the national centre itself records the row (a CQC status change), so it needs no further verification. */
  verification?: { status: 'verified'; note: string; userId: string | null };
}

/** Marks the current row of a kind superseded, so the new row becomes the one current row. */
export async function supersedeCurrent(trx: Executor, organisationId: string, kind: string, at: Date): Promise<string | null> {
  const row = await trx
    .updateTable('assurance_evidence')
    .set({ superseded_at: at })
    .where('organisation_id', '=', organisationId)
    .where('kind', '=', kind)
    .where('superseded_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Inserts a new current evidence row, pending verification. */
export async function insertEvidence(trx: Executor, evidence: NewEvidence, at: Date): Promise<string> {
  const row = await trx
    .insertInto('assurance_evidence')
    .values({
      organisation_id: evidence.organisationId,
      kind: evidence.kind,
      reference: evidence.reference,
      cqc_status: evidence.cqcStatus,
      expires_on: evidence.expiresOn,
      document_id: evidence.documentId,
      created_by_user_id: evidence.userId,
      created_at: at,
      not_applicable_reason: evidence.notApplicable?.reason ?? null,
      registration_body: evidence.notApplicable?.registrationBody ?? null,
      ...(evidence.verification
        ? {
            verification_status: evidence.verification.status,
            verification_note: evidence.verification.note,
            verified_by_user_id: evidence.verification.userId,
            verified_at: at,
          }
        : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Records the national qualification centre's verdict on one evidence row. */
export async function setVerification(
  trx: Executor,
  id: string,
  verdict: { status: 'verified' | 'rejected'; note: string | null; userId: string | null },
  at: Date,
): Promise<void> {
  await trx
    .updateTable('assurance_evidence')
    .set({ verification_status: verdict.status, verification_note: verdict.note, verified_by_user_id: verdict.userId, verified_at: at })
    .where('id', '=', id)
    .execute();
}
