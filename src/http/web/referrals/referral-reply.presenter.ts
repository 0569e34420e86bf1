/** What a returned referral's page says about the return and the referrer's replies: the reason in words, each reply with its attachments to download. */
import { describeSize } from '../../../domains/providers/document-type.rules.ts';
import type { ReferralEvent } from '../../../domains/referrals/referral-history.repo.ts';
import type { ReferralReply } from '../../../domains/referrals/referral-reply.repo.ts';
import { reasonLabel } from '../../../domains/referrals/referral-reasons.rules.ts';
import { formatDateTime } from '../format.ts';

const TYPE_WORDS: Record<string, string> = { 'application/pdf': 'PDF', 'image/png': 'PNG image', 'image/jpeg': 'JPEG image' };

/** The latest return (reason label, the provider's comment, when), for the top of a returned referral's page. */
export function latestReturn(events: ReferralEvent[]) {
  const returned = events.findLast((event) => event.toStatus === 'returned');
  return (
    returned && {
      reason: returned.reasonCode ? reasonLabel(returned.reasonCode) : 'Returned',
      comment: returned.comment,
      when: formatDateTime(returned.at),
      by: returned.byName,
    }
  );
}

/** One reply as the page lists it, each attachment with a download link under the referral. */
export function presentReply(ubrn: string, reply: ReferralReply) {
  return {
    when: formatDateTime(reply.repliedAt),
    by: reply.byName ?? 'The referrer',
    information: reply.information,
    attachments: reply.attachments.map((attachment) => ({
      href: `/referrals/${ubrn}/attachments/${attachment.id}`,
      name: attachment.fileName,
      what: `${TYPE_WORDS[attachment.contentType] ?? attachment.contentType}, ${describeSize(attachment.sizeBytes)}`,
    })),
  };
}
