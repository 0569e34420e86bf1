/** Queries over referrals, their patients and their append-only event history. */
import { sql } from 'kysely';
import { DomainError } from '../../lib/errors.ts';
import type { Executor } from '../../db/executor.ts';
import { offerReference } from '../offers/offer.repo.ts';
import type { EarlierReferral, EligibilityResult } from './eligibility.rules.ts';
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

export type PatientRow = Pick<CheckedReferral, 'nhsNumber' | 'givenName' | 'familyName' | 'dateOfBirth' | 'sex'> & {
  postcode: string;
  practiceOrganisationId: string | null;
  phone?: string | null;
  email?: string | null;
};

/** Creates or refreshes the patient by NHS number: the latest referral's details are the ones kept; contact details change only when given. */
export async function upsertPatient(db: Executor, patient: PatientRow, at: Date): Promise<string> {
  const contact = { ...(patient.phone ? { phone: patient.phone } : {}), ...(patient.email ? { email: patient.email } : {}) };
  const values = {
    given_name: patient.givenName,
    family_name: patient.familyName,
    date_of_birth: patient.dateOfBirth,
    sex: patient.sex,
    postcode: patient.postcode,
    practice_organisation_id: patient.practiceOrganisationId,
    ...contact,
    updated_at: at,
  };
  const row = await db
    .insertInto('patients')
    .values({ nhs_number: patient.nhsNumber, ...values })
    .onConflict((oc) => oc.column('nhs_number').doUpdateSet(values))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The patient for a self-referral: a new NHS number creates the record; an existing record is never changed by someone who has not signed in. */
export async function insertPatientIfNew(db: Executor, patient: PatientRow, at: Date): Promise<string> {
  const inserted = await db
    .insertInto('patients')
    .values({
      nhs_number: patient.nhsNumber,
      given_name: patient.givenName,
      family_name: patient.familyName,
      date_of_birth: patient.dateOfBirth,
      sex: patient.sex,
      postcode: patient.postcode,
      practice_organisation_id: patient.practiceOrganisationId,
      phone: patient.phone ?? null,
      email: patient.email ?? null,
      updated_at: at,
    })
    .onConflict((oc) => oc.column('nhs_number').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return inserted.id;
  return (await db.selectFrom('patients').select('id').where('nhs_number', '=', patient.nhsNumber).executeTakeFirstOrThrow()).id;
}

/** The identifying details held for an NHS number, to check a self-referring patient against. */
export async function patientIdentityOf(db: Executor, nhsNumber: string): Promise<{ familyName: string; dateOfBirth: string } | undefined> {
  const row = await db
    .selectFrom('patients')
    .select(['family_name', 'date_of_birth'])
    .where('nhs_number', '=', nhsNumber)
    .executeTakeFirst();
  return row && { familyName: row.family_name, dateOfBirth: row.date_of_birth };
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

/** How long a referral waits for another referral of the same patient before giving up, so queued requests cannot hold every pooled connection. */
export const PATIENT_LOCK_WAIT_SECONDS = 5;

/**
 * Holds every other referral for this NHS number back until the transaction ends, so its repeat limits are judged against every
 * referral committed before it (decision 0024); gives up after a few seconds with a coded "busy" answer rather than a 500.
 */
export async function lockPatientReferrals(db: Executor, nhsNumber: string): Promise<void> {
  await sql.raw(`SET LOCAL lock_timeout = '${PATIENT_LOCK_WAIT_SECONDS}s'`).execute(db);
  try {
    await sql`SELECT pg_advisory_xact_lock(hashtext(${`aqp.patient-referrals:${nhsNumber}`}))`.execute(db);
  } catch (error) {
    if ((error as { code?: string }).code !== LOCK_NOT_AVAILABLE) throw error;
    throw new DomainError('unavailable', 'Another referral for this patient is being saved. Wait a few seconds, then try again.', {
      retryAfterSeconds: PATIENT_LOCK_WAIT_SECONDS,
    });
  }
}

/** PostgreSQL's SQLSTATE when `lock_timeout` expires. */
const LOCK_NOT_AVAILABLE = '55P03';

/** The patient's earlier referrals to a service, for repeat limits; referrals cancelled as raised in error do not count. */
export async function earlierReferralsOf(db: Executor, nhsNumber: string, serviceCode: string): Promise<EarlierReferral[]> {
  const rows = await db
    .selectFrom('referrals as r')
    .innerJoin('patients as p', 'p.id', 'r.patient_id')
    .innerJoin('offers as o', 'o.id', 'r.offer_id')
    .innerJoin('services as s', 's.id', 'o.service_id')
    .select(['r.referred_on', 'r.body_area'])
    .where('p.nhs_number', '=', nhsNumber)
    .where('s.code', '=', serviceCode)
    .where((eb) => eb.or([eb('r.cancel_reason_code', 'is', null), eb('r.cancel_reason_code', '!=', 'RAISED_IN_ERROR')]))
    .execute();
  return rows.map((row) => ({ referredOn: row.referred_on, bodyArea: row.body_area }));
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
