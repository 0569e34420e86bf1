/** Worklist queries: a provider's referrals to accept or in treatment, and a practice's referrals needing its attention (reference-systems §1.5). */
import type { Executor } from '../../db/executor.ts';
import { recordAudit } from '../identity/audit.repo.ts';
import type { ActionContext } from '../identity/principal.ts';
import type { ReferralStatus } from './referral-status.rules.ts';

export interface WorklistRow {
  id: string;
  ubrn: string;
  status: ReferralStatus;
  patientName: string;
  serviceName: string;
  providerName: string | null;
  referredOn: string;
  sentAt: Date | null;
  acceptBy: string | null;
  acceptedAt: Date | null;
  sessionsAttended: number;
  packContent: unknown;
  returnReasonCode: string | null;
  returnComment: string | null;
  updatedAt: Date;
}

export interface Page {
  limit: number;
  offset: number;
}

function worklistBase(db: Executor) {
  return db
    .selectFrom('referrals as r')
    .innerJoin('patients as p', 'p.id', 'r.patient_id')
    .innerJoin('offers as o', 'o.id', 'r.offer_id')
    .innerJoin('services as s', 's.id', 'o.service_id')
    .leftJoin('implementation_packs as pack', 'pack.id', 'o.pack_id')
    .leftJoin('organisations as po', 'po.id', 'r.provider_organisation_id');
}

const COLUMNS = [
  'r.id',
  'r.ubrn',
  'r.status',
  'p.given_name',
  'p.family_name',
  's.name as service_name',
  'po.name as provider_name',
  'r.referred_on',
  'r.sent_at',
  'r.accept_by',
  'r.accepted_at',
  'r.sessions_attended',
  'pack.content as pack_content',
  'r.return_reason_code',
  'r.return_comment',
  'r.updated_at',
] as const;

type Row = {
  id: string;
  ubrn: string;
  status: string;
  given_name: string;
  family_name: string;
  service_name: string;
  provider_name: string | null;
  referred_on: string;
  sent_at: Date | null;
  accept_by: string | null;
  accepted_at: Date | null;
  sessions_attended: number;
  pack_content: unknown;
  return_reason_code: string | null;
  return_comment: string | null;
  updated_at: Date;
};

const toWorklistRow = (row: Row): WorklistRow => ({
  id: row.id,
  ubrn: row.ubrn,
  status: row.status as ReferralStatus,
  patientName: `${row.given_name} ${row.family_name}`,
  serviceName: row.service_name,
  providerName: row.provider_name,
  referredOn: row.referred_on,
  sentAt: row.sent_at,
  acceptBy: row.accept_by,
  acceptedAt: row.accepted_at,
  sessionsAttended: row.sessions_attended,
  packContent: row.pack_content,
  returnReasonCode: row.return_reason_code,
  returnComment: row.return_comment,
  updatedAt: row.updated_at,
});

/** A provider's sent referrals (earliest deadline first) then those in treatment. */
async function providerWorklistRows(db: Executor, providerId: string, page: Page): Promise<{ rows: WorklistRow[]; total: number }> {
  const base = worklistBase(db).where('r.provider_organisation_id', '=', providerId).where('r.status', 'in', ['sent', 'accepted']);
  const rows = await base
    .select([...COLUMNS])
    .orderBy((eb) => eb.case().when('r.status', '=', 'sent').then(0).else(1).end())
    .orderBy('r.accept_by')
    .orderBy('r.sent_at')
    .orderBy('r.ubrn')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const { n } = await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return { rows: rows.map(toWorklistRow), total: Number(n) };
}

/** A practice's referrals needing attention: returned, sent but not accepted after `accept_by` (before `today`), awaiting the patient's choice, or closed at the session cap. */
async function referrerWorklistRows(
  db: Executor,
  practiceId: string,
  today: string,
  page: Page,
): Promise<{ rows: WorklistRow[]; total: number }> {
  const base = worklistBase(db)
    .where('r.referrer_organisation_id', '=', practiceId)
    .where((eb) =>
      eb.or([
        eb('r.status', 'in', ['returned', 'awaiting-choice', 'episode-closed']),
        eb.and([eb('r.status', '=', 'sent'), eb('r.accept_by', '<', today)]),
      ]),
    );
  const rows = await base
    .select([...COLUMNS])
    .orderBy('r.updated_at', 'desc')
    .orderBy('r.ubrn')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const { n } = await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return { rows: rows.map(toWorklistRow), total: Number(n) };
}

/** Writes the audit row of a worklist page with every referral it showed. */
async function auditWorklist(db: Executor, context: ActionContext, worklist: 'provider' | 'referrer', rows: WorklistRow[]): Promise<void> {
  await recordAudit(db, context, {
    action: 'referral.worklist-view',
    entityType: 'referral',
    entityId: null,
    details: { worklist, ubrns: rows.map((row) => row.ubrn) },
  });
}

/** A page of the provider's worklist for someone to see, audited with the references it holds, so no caller can forget the audit. */
export async function providerWorklistSeen(
  db: Executor,
  context: ActionContext,
  providerId: string,
  page: Page,
): Promise<{ rows: WorklistRow[]; total: number }> {
  const seen = await providerWorklistRows(db, providerId, page);
  await auditWorklist(db, context, 'provider', seen.rows);
  return seen;
}

/** A page of the practice's worklist for someone to see, audited with the references it holds, so no caller can forget the audit. */
export async function referrerWorklistSeen(
  db: Executor,
  context: ActionContext,
  practiceId: string,
  today: string,
  page: Page,
): Promise<{ rows: WorklistRow[]; total: number }> {
  const seen = await referrerWorklistRows(db, practiceId, today, page);
  await auditWorklist(db, context, 'referrer', seen.rows);
  return seen;
}
