/** Table types for a referrer's replies to returned referrals and their attached documents (migration 0017). */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface ReferralRepliesTable {
  id: Generated<string>;
  seq: ColumnType<number, never, never>;
  referral_id: string;
  information: string;
  replied_at: Timestamp;
  replied_by_user_id: string | null;
  replied_by_api_key_id: string | null;
}

export interface ReferralReplyDocumentsTable {
  reply_id: string;
  document_id: string;
}

export interface ReferralReplyTables {
  referral_replies: ReferralRepliesTable;
  referral_reply_documents: ReferralReplyDocumentsTable;
}
