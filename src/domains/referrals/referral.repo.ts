/** Queries over referrals and their append-only event history (patients' own records are in patient.repo.ts). */
import type { Executor } from '../../db/executor.ts';
import type { EligibilityResult } from './eligibility.rules.ts';
import type { CheckedReferral } from './referral-input.rules.ts';
import type { ReferralStatus } from './referral-status.rules.ts';
import { type ReferralRecord, referralRecordOf, selectReferrals } from './referral-select.repo.ts';

/** A referral read whole; its query lives in referral-select.repo.ts. */
export type { ReferralRecord } from './referral-select.repo.ts';

export interface NewReferralRow {
  ubrn: string;
  accessCodeHash: string;
  patientId: string;
  offerId: string;
  protocolVersion: number;
  commissionerOrganisationId: string;
  referrerOrganisationId: string | null;
  referrerUserId: string | null;
  referral: CheckedReferral;
  eligibility: EligibilityResult;
  referredOn: string;
  at: Date;
}

/** The row of a referral awaiting the patient's choice, keeping the protocol version and eligibility it was judged against. */
export function referralRowOf(row: NewReferralRow) {
  return {
    ubrn: row.ubrn,
    access_code_hash: row.accessCodeHash,
    patient_id: row.patientId,
    offer_id: row.offerId,
    protocol_version: row.protocolVersion,
    commissioner_organisation_id: row.commissionerOrganisationId,
    referrer_organisation_id: row.referrerOrganisationId,
    referrer_user_id: row.referrerUserId,
    route: row.referral.route,
    priority: row.referral.priority,
    body_area: row.referral.bodyArea,
    answers: JSON.stringify(row.referral.answers),
    eligibility: JSON.stringify(row.eligibility),
    clinical_information: row.referral.clinicalInformation,
    status: 'awaiting-choice',
    referred_on: row.referredOn,
    created_at: row.at,
    updated_at: row.at,
  };
}

/** Creates a referral awaiting the patient's choice (see `referralRowOf`). */
export async function insertReferral(db: Executor, row: NewReferralRow): Promise<string> {
  const inserted = await db.insertInto('referrals').values(referralRowOf(row)).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

export interface ReferralEventRow {
  referralId: string;
  fromStatus: ReferralStatus | null;
  toStatus: ReferralStatus;
  actor: 'referrer' | 'patient' | 'provider' | 'commissioner' | 'system';
  reasonCode?: string;
  comment?: string;
  at: Date;
  userId: string | null;
  apiKeyId: string | null;
}

/** The row of one status change in a referral's history, with the actor, reason and person or API key. */
export function referralEventRowOf(event: ReferralEventRow) {
  return {
    referral_id: event.referralId,
    from_status: event.fromStatus,
    to_status: event.toStatus,
    reason_code: event.reasonCode ?? null,
    actor: event.actor,
    comment: event.comment ?? '',
    changed_at: event.at,
    changed_by_user_id: event.userId,
    changed_by_api_key_id: event.apiKeyId,
  };
}

/** Appends one status change to the referral's history (see `referralEventRowOf`); rows are never changed. */
export async function insertReferralEvent(db: Executor, event: ReferralEventRow): Promise<void> {
  await db.insertInto('referral_events').values(referralEventRowOf(event)).execute();
}

/** One referral by its reference, with its patient, offer and chosen provider. */
export async function findReferralByUbrn(db: Executor, ubrn: string): Promise<ReferralRecord | undefined> {
  if (!/^\d{12}$/.test(ubrn)) return undefined;
  const row = await selectReferrals(db).where('r.ubrn', '=', ubrn).executeTakeFirst();
  return row && referralRecordOf(row);
}

/** Where a referral's patient lives, read with the referral: the choice list measures distances from it. */
export interface PatientPlace {
  postcode: string;
  latitude: number;
  longitude: number;
}

/** The referral and its patient's postcode's place in one round trip; no place when the postcode is not in the postcode directory (or is a pseudo-postcode). */
export async function findReferralWithPatientPlace(
  db: Executor,
  ubrn: string,
): Promise<{ referral: ReferralRecord; patientPlace: PatientPlace | undefined } | undefined> {
  if (!/^\d{12}$/.test(ubrn)) return undefined;
  const row = await selectReferrals(db)
    .leftJoin('postcodes as place', 'place.postcode', 'p.postcode')
    .select(['place.latitude as place_latitude', 'place.longitude as place_longitude'])
    .where('r.ubrn', '=', ubrn)
    .executeTakeFirst();
  if (!row) return undefined;
  const { place_latitude: latitude, place_longitude: longitude } = row;
  return {
    referral: referralRecordOf(row),
    patientPlace: latitude === null || longitude === null ? undefined : { postcode: row.postcode, latitude, longitude },
  };
}

/** Locks a referral's row for a change and returns its status and version now. */
export async function lockReferral(db: Executor, id: string): Promise<{ status: ReferralStatus; version: number }> {
  const row = await db.selectFrom('referrals').select(['status', 'version']).where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
  return { status: row.status as ReferralStatus, version: row.version };
}

/** Records the patient's choice and sends the referral, bumping the version for optimistic concurrency. */
export async function recordChoice(
  db: Executor,
  id: string,
  choice: {
    listingId: string;
    siteId: string;
    providerOrganisationId: string;
    chosenBy: 'referrer' | 'patient';
    at: Date;
    acceptBy: string;
  },
): Promise<void> {
  await db
    .updateTable('referrals')
    .set((eb) => ({
      status: 'sent',
      listing_id: choice.listingId,
      site_id: choice.siteId,
      provider_organisation_id: choice.providerOrganisationId,
      chosen_at: choice.at,
      chosen_by: choice.chosenBy,
      sent_at: choice.at,
      accept_by: choice.acceptBy,
      updated_at: choice.at,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .execute();
}

/** Replaces a referral's access code hash: the demo seed publishes one demo patient's code, and a code proved under an older scheme or key is kept again under the current key (decision 0074). */
export async function setAccessCodeHash(db: Executor, referralId: string, hash: string): Promise<void> {
  await db.updateTable('referrals').set({ access_code_hash: hash }).where('id', '=', referralId).execute();
}

/** True once a practice has made any referral. */
export async function practiceHasReferrals(db: Executor, practiceId: string): Promise<boolean> {
  return Boolean(
    await db.selectFrom('referrals').select('id').where('referrer_organisation_id', '=', practiceId).limit(1).executeTakeFirst(),
  );
}
