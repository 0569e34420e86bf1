/** A referrer's replies to a returned referral and the documents attached to them; the documents themselves live in `documents`, as assurance documents do. */
import type { Executor } from '../../db/executor.ts';
import { findDocument, type StoredDocument } from '../providers/document.repo.ts';

export interface ReplyAttachment {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
}

export interface ReferralReply {
  id: string;
  information: string;
  repliedAt: Date;
  byName: string | null;
  attachments: ReplyAttachment[];
}

/** Records one reply inside the caller's transaction and links its documents. */
export async function insertReply(
  trx: Executor,
  reply: { referralId: string; information: string; at: Date; userId: string | null; apiKeyId: string | null; documentIds: string[] },
): Promise<string> {
  const row = await trx
    .insertInto('referral_replies')
    .values({
      referral_id: reply.referralId,
      information: reply.information,
      replied_at: reply.at,
      replied_by_user_id: reply.userId,
      replied_by_api_key_id: reply.apiKeyId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (reply.documentIds.length)
    await trx
      .insertInto('referral_reply_documents')
      .values(reply.documentIds.map((documentId) => ({ reply_id: row.id, document_id: documentId })))
      .execute();
  return row.id;
}

/** Every reply to a referral, oldest first, each with its attachments (names and sizes, not content). */
export async function repliesOf(db: Executor, referralId: string): Promise<ReferralReply[]> {
  const replies = await db
    .selectFrom('referral_replies as r')
    .leftJoin('users as u', 'u.id', 'r.replied_by_user_id')
    .select(['r.id', 'r.information', 'r.replied_at', 'u.display_name'])
    .where('r.referral_id', '=', referralId)
    .orderBy('r.seq')
    .execute();
  if (!replies.length) return [];
  const documents = await db
    .selectFrom('referral_reply_documents as rd')
    .innerJoin('documents as d', 'd.id', 'rd.document_id')
    .select(['rd.reply_id', 'd.id', 'd.file_name', 'd.content_type', 'd.size_bytes'])
    .where(
      'rd.reply_id',
      'in',
      replies.map((reply) => reply.id),
    )
    .orderBy('d.uploaded_at')
    .execute();
  return replies.map((reply) => ({
    id: reply.id,
    information: reply.information,
    repliedAt: reply.replied_at,
    byName: reply.display_name,
    attachments: documents
      .filter((document) => document.reply_id === reply.id)
      .map((document) => ({
        id: document.id,
        fileName: document.file_name,
        contentType: document.content_type,
        sizeBytes: document.size_bytes,
      })),
  }));
}

/** A document attached to one of this referral's replies, or undefined when the id names no such attachment. */
export async function replyAttachmentOf(db: Executor, referralId: string, documentId: string): Promise<StoredDocument | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(documentId)) return undefined;
  const link = await db
    .selectFrom('referral_reply_documents as rd')
    .innerJoin('referral_replies as r', 'r.id', 'rd.reply_id')
    .select('rd.document_id')
    .where('rd.document_id', '=', documentId)
    .where('r.referral_id', '=', referralId)
    .executeTakeFirst();
  return link ? findDocument(db, link.document_id) : undefined;
}
