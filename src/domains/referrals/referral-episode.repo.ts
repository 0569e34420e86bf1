/** Writes for a referral after it is sent: status changes guarded by version, contacts with attendance, and the pack's session cap. */
import type { Executor } from '../../db/executor.ts';
import type { ReferralStatus } from './referral-status.rules.ts';

export interface StatusChange {
  status: ReferralStatus;
  at: Date;
  acceptedAt?: Date;
  returnReasonCode?: string;
  returnComment?: string;
  cancelReasonCode?: string;
  cancelComment?: string;
  dischargedAt?: Date;
  dischargeOutcome?: string;
  /** Hearing aids fitted, recorded with an adult-hearing discharge. */
  aidsFitted?: number;
  sessionsAttended?: number;
  /** A resend (returned → sent): when it went and the new date it must be accepted by. */
  resent?: { at: Date; acceptBy: string };
  /** The patient took the choice back (sent → awaiting-choice): the provider, site and dates are cleared. */
  clearChoice?: boolean;
}

const NO_CHOICE = {
  listing_id: null,
  site_id: null,
  provider_organisation_id: null,
  chosen_at: null,
  chosen_by: null,
  sent_at: null,
  accept_by: null,
};

/** Moves a referral to a new status only if its version is still the one read; returns false when someone else changed it first. */
export async function changeReferralStatus(db: Executor, id: string, expectedVersion: number, change: StatusChange): Promise<boolean> {
  const result = await db
    .updateTable('referrals')
    .set((eb) => ({
      status: change.status,
      updated_at: change.at,
      version: eb('version', '+', 1),
      ...(change.acceptedAt ? { accepted_at: change.acceptedAt } : {}),
      ...(change.returnReasonCode ? { return_reason_code: change.returnReasonCode, return_comment: change.returnComment ?? '' } : {}),
      ...(change.cancelReasonCode ? { cancel_reason_code: change.cancelReasonCode, cancel_comment: change.cancelComment ?? '' } : {}),
      ...(change.dischargedAt ? { discharged_at: change.dischargedAt, discharge_outcome: change.dischargeOutcome ?? null } : {}),
      ...(change.aidsFitted !== undefined ? { aids_fitted: change.aidsFitted } : {}),
      ...(change.sessionsAttended !== undefined ? { sessions_attended: change.sessionsAttended } : {}),
      ...(change.resent ? { sent_at: change.resent.at, accept_by: change.resent.acceptBy } : {}),
      ...(change.clearChoice ? NO_CHOICE : {}),
    }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Counts one more attended session, returning the new count. */
export async function countAttendedSession(db: Executor, id: string, at: Date): Promise<number> {
  const row = await db
    .updateTable('referrals')
    .set((eb) => ({ sessions_attended: eb('sessions_attended', '+', 1), updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .returning(['sessions_attended', 'version'])
    .executeTakeFirstOrThrow();
  return row.sessions_attended;
}

export interface NewContact {
  referralId: string;
  kind: 'appointment' | 'session';
  scheduledFor: Date | null;
  attendance: 'attended' | 'did-not-attend' | null;
  note: string;
  at: Date;
  userId: string | null;
  phq9Score?: number;
  gad7Score?: number;
  reportedOn?: string;
}

/** Records an appointment or session, its attendance and outcomes; an attended session is counted separately by countAttendedSession. */
export async function insertContact(db: Executor, contact: NewContact): Promise<string> {
  const row = await db
    .insertInto('referral_contacts')
    .values({
      referral_id: contact.referralId,
      kind: contact.kind,
      scheduled_for: contact.scheduledFor,
      attendance: contact.attendance,
      note: contact.note,
      recorded_at: contact.at,
      recorded_by_user_id: contact.userId,
      phq9_score: contact.phq9Score ?? null,
      gad7_score: contact.gad7Score ?? null,
      reported_on: contact.reportedOn ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The episode rules of the pack the offer adopted: a session cap (back pain: 8) or a minimum pathway (hearing: 3 years). */
export interface EpisodeRules {
  sessionCap?: number;
  minimumPathwayYears?: number;
}

/** The episode rules in the pack the offer adopted (`currency.sessionCap`, `currency.minimumPathwayYears`). */
export async function episodeRulesOf(db: Executor, offerId: string): Promise<EpisodeRules> {
  const row = await db
    .selectFrom('offers as o')
    .innerJoin('implementation_packs as p', 'p.id', 'o.pack_id')
    .select('p.content')
    .where('o.id', '=', offerId)
    .executeTakeFirst();
  const currency = (row?.content as { currency?: { sessionCap?: unknown; minimumPathwayYears?: unknown } } | undefined)?.currency;
  return {
    ...(typeof currency?.sessionCap === 'number' ? { sessionCap: currency.sessionCap } : {}),
    ...(typeof currency?.minimumPathwayYears === 'number' ? { minimumPathwayYears: currency.minimumPathwayYears } : {}),
  };
}

/** The session cap in the pack the offer adopted, if it has one. */
export async function sessionCapOf(db: Executor, offerId: string): Promise<number | undefined> {
  return (await episodeRulesOf(db, offerId)).sessionCap;
}

/** How far the episode has got: attended sessions so far and when the provider accepted. */
export async function episodeProgressOf(db: Executor, referralId: string): Promise<{ sessionsAttended: number; acceptedAt: Date | null }> {
  const row = await db
    .selectFrom('referrals')
    .select(['sessions_attended', 'accepted_at'])
    .where('id', '=', referralId)
    .executeTakeFirstOrThrow();
  return { sessionsAttended: row.sessions_attended, acceptedAt: row.accepted_at };
}

/** One contact of a referral as a report needs it: when it was, whether the patient came, and any report date; undefined when the referral has no such contact. */
export async function findContactOfReferral(
  db: Executor,
  referralId: string,
  contactId: string,
): Promise<{ scheduledFor: Date | null; recordedAt: Date; attendance: string | null; reportedOn: string | null } | undefined> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(contactId)) return undefined;
  const row = await db
    .selectFrom('referral_contacts')
    .select(['scheduled_for', 'recorded_at', 'attendance', 'reported_on'])
    .where('referral_id', '=', referralId)
    .where('id', '=', contactId)
    .forUpdate()
    .executeTakeFirst();
  return row && { scheduledFor: row.scheduled_for, recordedAt: row.recorded_at, attendance: row.attendance, reportedOn: row.reported_on };
}

/** Records (or corrects) the day a test's report was sent. */
export async function setContactReportedOn(db: Executor, contactId: string, reportedOn: string): Promise<void> {
  await db.updateTable('referral_contacts').set({ reported_on: reportedOn }).where('id', '=', contactId).execute();
}
