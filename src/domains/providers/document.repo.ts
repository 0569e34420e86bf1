/** Uploaded documents: stored in the database with their checksum, read back only through the access-checked service. */
import { createHash } from 'node:crypto';
import type { Executor } from '../../db/executor.ts';

export interface NewDocument {
  organisationId: string;
  fileName: string;
  contentType: string;
  content: Uint8Array;
  userId: string | null;
  /** Assurance evidence unless said otherwise; a referral reply's attachment is read only through its referral. */
  purpose?: 'assurance' | 'referral-reply';
}

export interface StoredDocument {
  id: string;
  organisationId: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  content: Uint8Array;
  purpose: 'assurance' | 'referral-reply';
}

/** Stores a document with its SHA-256, inside the caller's transaction so its evidence row and it commit together. */
export async function insertDocument(trx: Executor, document: NewDocument, at: Date): Promise<string> {
  const sha256 = createHash('sha256').update(document.content).digest('hex');
  const row = await trx
    .insertInto('documents')
    .values({
      organisation_id: document.organisationId,
      file_name: document.fileName,
      content_type: document.contentType,
      size_bytes: document.content.length,
      sha256,
      content: document.content,
      uploaded_by_user_id: document.userId,
      uploaded_at: at,
      purpose: document.purpose ?? 'assurance',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** One document with its content. */
export async function findDocument(db: Executor, id: string): Promise<StoredDocument | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const row = await db
    .selectFrom('documents')
    .select(['id', 'organisation_id', 'file_name', 'content_type', 'size_bytes', 'sha256', 'content', 'purpose'])
    .where('id', '=', id)
    .executeTakeFirst();
  return (
    row && {
      id: row.id,
      organisationId: row.organisation_id,
      fileName: row.file_name,
      contentType: row.content_type,
      sizeBytes: row.size_bytes,
      sha256: row.sha256,
      content: row.content,
      purpose: row.purpose,
    }
  );
}
