/** Replying to a returned referral (issue #12 item 8): the information the provider asked for, with an optional document, resends it to the same provider in one transaction. */
import { DomainError, type FieldError, validationFailed } from '../../lib/errors.ts';
import { acceptBy } from './choice-list.rules.ts';
import { protocolOf } from './choice.service.ts';
import type { Deps } from '../deps.ts';
import type { Executor } from '../../db/executor.ts';
import { recordAudit } from '../identity/audit.repo.ts';
import type { ActionContext } from '../identity/principal.ts';
import { actingApiKeyId, actingUserId } from '../offers/offer-access.ts';
import { insertDocument, type StoredDocument } from '../providers/document.repo.ts';
import { safeFileName, sniffDocumentType, type UploadedFile, uploadRefusal } from '../providers/document-type.rules.ts';
import { insertOutboxMessage } from '../providers/provider-outbox.repo.ts';
import { formatUbrn } from './referral-reference.rules.ts';
import { REFERRAL_STATUS_LABELS } from './referral-status.rules.ts';
import { insertReply, type ReferralReply, repliesOf, replyAttachmentOf } from './referral-reply.repo.ts';
import type { ReferralRecord } from './referral.repo.ts';
import { moveReferralIn } from './referral-transition.service.ts';

/** A reply is a letter, not a record: long enough for a full clinical update. */
export const MAX_REPLY_LENGTH = 5000;

export interface ReplyInput {
  information: string;
  attachment?: UploadedFile;
}

/** Field errors for a reply: the information is required and bounded; an attachment must be a PDF, PNG or JPEG under the size limit, judged by its content. */
export function replyErrors(input: ReplyInput): FieldError[] {
  const errors: FieldError[] = [];
  const information = input.information.trim();
  if (!information) errors.push({ field: 'information', message: 'Enter the information the provider asked for' });
  else if (information.length > MAX_REPLY_LENGTH)
    errors.push({ field: 'information', message: `The information must be ${MAX_REPLY_LENGTH} characters or fewer` });
  const refusal = input.attachment && uploadRefusal(input.attachment);
  if (refusal) errors.push({ field: 'attachment', message: refusal });
  return errors;
}

async function storeAttachment(
  trx: Executor,
  referral: ReferralRecord,
  file: UploadedFile | undefined,
  userId: string | null,
  at: Date,
): Promise<string[]> {
  if (!file) return [];
  const document = {
    organisationId: referral.referrer.organisationId!,
    fileName: safeFileName(file.fileName),
    contentType: sniffDocumentType(file.content)!,
    content: file.content,
    userId,
    purpose: 'referral-reply' as const,
  };
  return [await insertDocument(trx, document, at)];
}

async function tellProvider(trx: Executor, referral: ReferralRecord, due: string, at: Date): Promise<void> {
  await insertOutboxMessage(
    trx,
    {
      organisationId: referral.chosen!.providerOrganisationId,
      entityType: 'referral',
      entityId: referral.id,
      subject: `Referral ${formatUbrn(referral.ubrn)} resent with the information you asked for`,
      body: `${referral.referrer.organisationName ?? 'The referrer'} has replied to the referral you returned (${referral.offer.serviceName}) and sent it back to you. Read the reply on the referral page and accept or return it by ${due}.`,
    },
    at,
  );
}

/** Records the reply and its document, moves the referral from returned back to sent to the same provider with a new accept-by date, and tells the provider; nothing is kept if any step fails. */
export async function replyAndResend(
  deps: Deps,
  context: ActionContext,
  referral: ReferralRecord,
  input: ReplyInput,
): Promise<{ replyId: string; acceptBy: string; providerName: string }> {
  const errors = replyErrors(input);
  if (errors.length) throw validationFailed(errors);
  if (referral.status !== 'returned' || !referral.chosen || !referral.referrer.organisationId) {
    throw new DomainError(
      'invalid-transition',
      `Only a referral returned by a provider can be replied to: this one is ${REFERRAL_STATUS_LABELS[referral.status].toLowerCase()}`,
    );
  }
  return deps.db.transaction().execute(async (trx) => {
    const at = deps.clock.now();
    const due = acceptBy(deps.clock.today(), (await protocolOf(trx, referral)).acceptanceDeadlineWorkingDays);
    const userId = actingUserId(context);
    const documentIds = await storeAttachment(trx, referral, input.attachment, userId, at);
    const information = input.information.trim();
    const replyId = await insertReply(trx, {
      referralId: referral.id,
      information,
      at,
      userId,
      apiKeyId: actingApiKeyId(context),
      documentIds,
    });
    await moveReferralIn(trx, deps, context, referral, {
      to: 'sent',
      actor: 'referrer',
      action: 'referral.reply',
      comment: `Replied and resent: ${information}`.slice(0, 2000),
      change: { resent: { at, acceptBy: due } },
      details: { replyId, documentIds, acceptBy: due },
    });
    await tellProvider(trx, referral, due, at);
    return { replyId, acceptBy: due, providerName: referral.chosen!.providerName };
  });
}

/** An attachment of one of the referral's replies, for someone who may already see the referral; the download is audited. */
export async function downloadReplyAttachment(
  deps: Deps,
  context: ActionContext,
  referral: ReferralRecord,
  documentId: string,
): Promise<StoredDocument> {
  const document = await replyAttachmentOf(deps.db, referral.id, documentId);
  if (!document) throw new DomainError('not-found', 'There is no such attachment on this referral');
  await recordAudit(deps.db, context, {
    action: 'document.download',
    entityType: 'document',
    entityId: document.id,
    details: { referralId: referral.id, ubrn: referral.ubrn, sha256: document.sha256 },
  });
  return document;
}

/** The referrer's replies to a returned referral, oldest first, for the referral page and API of either side. */
export async function repliesToReferral(deps: Deps, referralId: string): Promise<ReferralReply[]> {
  return repliesOf(deps.db, referralId);
}
