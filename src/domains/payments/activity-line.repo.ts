/** Reads and appends of activity lines (decision 0044): a few set-based queries per batch, and inserts only — a line is never updated. */
import type { Executor } from '../../db/executor.ts';

/** A stored line, as the ledger and the reports need it. */
export interface StoredLine {
  providerLineId: string;
  referralReference: string;
  currencyCode: string;
  complexityBand: string;
  activityDate: string;
  attendanceCode: string;
  kind: string;
  reversesLineId: string | null;
  status: string;
  rejectionReason: string | null;
  pricePence: number | null;
  source: string;
}

/** The columns of a stored line, as StoredLine names them. */
export const STORED_LINE = [
  'provider_line_id as providerLineId',
  'referral_reference as referralReference',
  'currency_code as currencyCode',
  'complexity_band as complexityBand',
  'activity_date as activityDate',
  'attendance_code as attendanceCode',
  'kind',
  'reverses_line_id as reversesLineId',
  'status',
  'rejection_reason as rejectionReason',
  'price_pence as pricePence',
  'source',
] as const;

/** The provider's lines already stored under any of these ids: resending them adds nothing. */
export async function storedLinesById(db: Executor, providerId: string, lineIds: readonly string[]): Promise<StoredLine[]> {
  if (lineIds.length === 0) return [];
  return db
    .selectFrom('activity_lines')
    .select(STORED_LINE)
    .where('provider_organisation_id', '=', providerId)
    .where('provider_line_id', 'in', lineIds)
    .execute();
}

/** The provider's accepted lines on these referrals, in the order they were accepted: the ledger each new line is checked against. */
export async function acceptedLinesOn(db: Executor, providerId: string, references: readonly string[]): Promise<StoredLine[]> {
  if (references.length === 0) return [];
  return db
    .selectFrom('activity_lines')
    .select(STORED_LINE)
    .where('provider_organisation_id', '=', providerId)
    .where('referral_reference', 'in', references)
    .where('status', '=', 'accepted')
    .orderBy('seq')
    .execute();
}

export interface NewSubmission {
  providerId: string;
  source: 'platform' | 'api' | 'csv';
  fileName: string | null;
  counts: { lines: number; accepted: number; refused: number; alreadyReceived: number };
  at: Date;
  userId: string | null;
  apiKeyId: string | null;
}

/** Records one submission (a batch, a file, or one platform event) with its counts; its lines point to it. */
export async function insertSubmission(db: Executor, submission: NewSubmission): Promise<string> {
  const row = await db
    .insertInto('activity_submissions')
    .values({
      provider_organisation_id: submission.providerId,
      source: submission.source,
      file_name: submission.fileName,
      line_count: submission.counts.lines,
      accepted_count: submission.counts.accepted,
      refused_count: submission.counts.refused,
      already_received_count: submission.counts.alreadyReceived,
      received_at: submission.at,
      received_by_user_id: submission.userId,
      received_by_api_key_id: submission.apiKeyId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface NewLine {
  providerLineId: string;
  referralId: string | null;
  referralReference: string;
  offerId: string | null;
  commissionerId: string | null;
  currencyCode: string;
  complexityBand: string;
  activityDate: string;
  attendanceCode: string;
  kind: 'original' | 'reversal';
  reversesLineId: string | null;
  status: 'accepted' | 'refused';
  rejectionReason: string | null;
  pricePence: number | null;
}

/** Appends a submission's new lines in the order they were decided (their seq keeps that order for the ledger). */
export async function insertLines(
  db: Executor,
  submission: { id: string; providerId: string; source: string; at: Date },
  lines: readonly NewLine[],
): Promise<void> {
  if (lines.length === 0) return;
  await db
    .insertInto('activity_lines')
    .values(
      lines.map((line) => ({
        provider_organisation_id: submission.providerId,
        provider_line_id: line.providerLineId,
        referral_id: line.referralId,
        referral_reference: line.referralReference,
        offer_id: line.offerId,
        commissioner_organisation_id: line.commissionerId,
        currency_code: line.currencyCode,
        complexity_band: line.complexityBand,
        activity_date: line.activityDate,
        attendance_code: line.attendanceCode,
        kind: line.kind,
        reverses_line_id: line.reversesLineId,
        source: submission.source,
        submission_id: submission.id,
        received_at: submission.at,
        status: line.status,
        rejection_reason: line.rejectionReason,
        price_pence: line.pricePence,
      })),
    )
    .execute();
}
