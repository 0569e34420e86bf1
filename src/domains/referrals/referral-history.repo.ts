/** A referral's story for the people who may see it: its status changes and the appointments and sessions recorded with their outcomes, oldest first. */
import type { Executor } from '../../db/executor.ts';
import type { ReferralStatus } from './referral-status.rules.ts';

export interface ReferralEvent {
  fromStatus: ReferralStatus | null;
  toStatus: ReferralStatus;
  actor: string;
  reasonCode: string | null;
  comment: string;
  at: Date;
  byName: string | null;
}

export interface ReferralContact {
  id: string;
  kind: 'appointment' | 'session';
  scheduledFor: Date | null;
  attendance: 'attended' | 'did-not-attend' | null;
  note: string;
  recordedAt: Date;
  byName: string | null;
  phq9Score: number | null;
  gad7Score: number | null;
  reportedOn: string | null;
}

/** Every status change, in the order it happened, with the name of the person who made it where a person did. */
export async function referralEvents(db: Executor, referralId: string): Promise<ReferralEvent[]> {
  const rows = await db
    .selectFrom('referral_events as e')
    .leftJoin('users as u', 'u.id', 'e.changed_by_user_id')
    .select(['e.from_status', 'e.to_status', 'e.actor', 'e.reason_code', 'e.comment', 'e.changed_at', 'u.display_name'])
    .where('e.referral_id', '=', referralId)
    .orderBy('e.seq')
    .execute();
  return rows.map((row) => ({
    fromStatus: row.from_status as ReferralStatus | null,
    toStatus: row.to_status as ReferralStatus,
    actor: row.actor,
    reasonCode: row.reason_code,
    comment: row.comment,
    at: row.changed_at,
    byName: row.display_name,
  }));
}

/** Every appointment and session recorded, by when it was (or, without a time, when it was recorded). */
export async function referralContacts(db: Executor, referralId: string): Promise<ReferralContact[]> {
  const rows = await db
    .selectFrom('referral_contacts as c')
    .leftJoin('users as u', 'u.id', 'c.recorded_by_user_id')
    .select([
      'c.id',
      'c.kind',
      'c.scheduled_for',
      'c.attendance',
      'c.note',
      'c.recorded_at',
      'u.display_name',
      'c.phq9_score',
      'c.gad7_score',
      'c.reported_on',
    ])
    .where('c.referral_id', '=', referralId)
    .orderBy((eb) => eb.fn.coalesce('c.scheduled_for', 'c.recorded_at'))
    .orderBy('c.recorded_at')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind as ReferralContact['kind'],
    scheduledFor: row.scheduled_for,
    attendance: row.attendance as ReferralContact['attendance'],
    note: row.note,
    recordedAt: row.recorded_at,
    byName: row.display_name,
    phq9Score: row.phq9_score,
    gad7Score: row.gad7_score,
    reportedOn: row.reported_on,
  }));
}

/** The hearing aids fitted recorded at discharge, or null when none was recorded. */
export async function referralAidsFitted(db: Executor, referralId: string): Promise<number | null> {
  const row = await db.selectFrom('referrals').select('aids_fitted').where('id', '=', referralId).executeTakeFirstOrThrow();
  return row.aids_fitted;
}
