/** Queries over referrals and their append-only event history (patients' own records are in patient.repo.ts). */
import type { Executor } from '../../db/executor.ts';
import { offerReference } from '../offers/offer.repo.ts';
import type { EligibilityResult } from './eligibility.rules.ts';
import type { CheckedReferral } from './referral-input.rules.ts';
import type { ReferralStatus } from './referral-status.rules.ts';

export interface ReferralRecord {
  id: string;
  ubrn: string;
  accessCodeHash: string;
  status: ReferralStatus;
  version: number;
  offer: { id: string; reference: string; title: string; serviceCode: string; serviceName: string; servicePublicName: string };
  protocolVersion: number;
  commissioner: { id: string; name: string; odsCode: string | null };
  referrer: { organisationId: string | null; organisationName: string | null; userId: string | null };
  route: string;
  priority: string;
  bodyArea: string | null;
  answers: Record<string, boolean>;
  eligibility: EligibilityResult;
  clinicalInformation: string;
  referredOn: string;
  patient: {
    id: string;
    nhsNumber: string | null;
    givenName: string;
    familyName: string;
    dateOfBirth: string;
    sex: string;
    postcode: string;
  };
  chosen: {
    listingId: string;
    siteId: string;
    providerOrganisationId: string;
    providerName: string;
    siteName: string;
    siteAddress: string | null;
    sitePostcode: string;
  } | null;
  chosenAt: Date | null;
  chosenBy: string | null;
  sentAt: Date | null;
  acceptBy: string | null;
  acceptedAt: Date | null;
  sessionsAttended: number;
}

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

/** Creates a referral awaiting the patient's choice, keeping the protocol version and eligibility it was judged against. */
export async function insertReferral(db: Executor, row: NewReferralRow): Promise<string> {
  const inserted = await db
    .insertInto('referrals')
    .values({
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
    })
    .returning('id')
    .executeTakeFirstOrThrow();
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

/** Appends one status change to the referral's history, with the actor, reason and person or API key; rows are never changed. */
export async function insertReferralEvent(db: Executor, event: ReferralEventRow): Promise<void> {
  await db
    .insertInto('referral_events')
    .values({
      referral_id: event.referralId,
      from_status: event.fromStatus,
      to_status: event.toStatus,
      reason_code: event.reasonCode ?? null,
      actor: event.actor,
      comment: event.comment ?? '',
      changed_at: event.at,
      changed_by_user_id: event.userId,
      changed_by_api_key_id: event.apiKeyId,
    })
    .execute();
}

/** One referral by its reference, with its patient, offer and chosen provider. */
export async function findReferralByUbrn(db: Executor, ubrn: string): Promise<ReferralRecord | undefined> {
  if (!/^\d{12}$/.test(ubrn)) return undefined;
  const row = await db
    .selectFrom('referrals as r')
    .innerJoin('patients as p', 'p.id', 'r.patient_id')
    .innerJoin('offers as o', 'o.id', 'r.offer_id')
    .innerJoin('services as s', 's.id', 'o.service_id')
    .innerJoin('organisations as c', 'c.id', 'r.commissioner_organisation_id')
    .leftJoin('organisations as ro', 'ro.id', 'r.referrer_organisation_id')
    .leftJoin('organisations as po', 'po.id', 'r.provider_organisation_id')
    .leftJoin('sites as site', 'site.id', 'r.site_id')
    .select([
      'r.id',
      'r.ubrn',
      'r.access_code_hash',
      'r.status',
      'r.version',
      'r.offer_id',
      'o.number',
      'o.title',
      's.code as service_code',
      's.name as service_name',
      's.public_name as service_public_name',
      'r.protocol_version',
      'c.id as commissioner_id',
      'c.name as commissioner_name',
      'c.ods_code as commissioner_ods',
      'r.referrer_organisation_id',
      'ro.name as referrer_name',
      'r.referrer_user_id',
      'r.route',
      'r.priority',
      'r.body_area',
      'r.answers',
      'r.eligibility',
      'r.clinical_information',
      'r.referred_on',
      'p.id as patient_id',
      'p.nhs_number',
      'p.given_name',
      'p.family_name',
      'p.date_of_birth',
      'p.sex',
      'p.postcode',
      'r.listing_id',
      'r.site_id',
      'r.provider_organisation_id',
      'po.name as provider_name',
      'site.name as site_name',
      'site.address as site_address',
      'site.postcode as site_postcode',
      'r.chosen_at',
      'r.chosen_by',
      'r.sent_at',
      'r.accept_by',
      'r.accepted_at',
      'r.sessions_attended',
    ])
    .where('r.ubrn', '=', ubrn)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    ubrn: row.ubrn,
    accessCodeHash: row.access_code_hash,
    status: row.status as ReferralStatus,
    version: row.version,
    offer: {
      id: row.offer_id,
      reference: offerReference(row.number),
      title: row.title,
      serviceCode: row.service_code,
      serviceName: row.service_name,
      servicePublicName: row.service_public_name ?? row.service_name,
    },
    protocolVersion: row.protocol_version,
    commissioner: { id: row.commissioner_id, name: row.commissioner_name, odsCode: row.commissioner_ods },
    referrer: { organisationId: row.referrer_organisation_id, organisationName: row.referrer_name, userId: row.referrer_user_id },
    route: row.route,
    priority: row.priority,
    bodyArea: row.body_area,
    answers: row.answers as Record<string, boolean>,
    eligibility: row.eligibility as EligibilityResult,
    clinicalInformation: row.clinical_information,
    referredOn: row.referred_on,
    patient: {
      id: row.patient_id,
      nhsNumber: row.nhs_number,
      givenName: row.given_name,
      familyName: row.family_name,
      dateOfBirth: row.date_of_birth,
      sex: row.sex,
      postcode: row.postcode,
    },
    chosen:
      row.listing_id && row.site_id && row.provider_organisation_id
        ? {
            listingId: row.listing_id,
            siteId: row.site_id,
            providerOrganisationId: row.provider_organisation_id,
            providerName: row.provider_name!,
            siteName: row.site_name!,
            siteAddress: row.site_address,
            sitePostcode: row.site_postcode!,
          }
        : null,
    chosenAt: row.chosen_at,
    chosenBy: row.chosen_by,
    sentAt: row.sent_at,
    acceptBy: row.accept_by,
    acceptedAt: row.accepted_at,
    sessionsAttended: row.sessions_attended,
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

/** Replaces a referral's access code hash: only the demo seed does this, to publish one demo patient's code. */
export async function setAccessCodeHash(db: Executor, referralId: string, hash: string): Promise<void> {
  await db.updateTable('referrals').set({ access_code_hash: hash }).where('id', '=', referralId).execute();
}

/** True once a practice has made any referral. */
export async function practiceHasReferrals(db: Executor, practiceId: string): Promise<boolean> {
  return Boolean(
    await db.selectFrom('referrals').select('id').where('referrer_organisation_id', '=', practiceId).limit(1).executeTakeFirst(),
  );
}
