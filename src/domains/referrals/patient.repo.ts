/** Queries over patients: their record by NHS number, the lock that serialises one patient's referrals, and their earlier referrals for repeat limits. */
import { sql } from 'kysely';
import { DomainError } from '../../lib/errors.ts';
import type { Executor } from '../../db/executor.ts';
import type { EarlierReferral } from './eligibility.rules.ts';
import type { CheckedReferral } from './referral-input.rules.ts';

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

/** How long a referral waits for another referral of the same patient before giving up, so queued requests cannot hold every pooled connection. */
export const PATIENT_LOCK_WAIT_SECONDS = 5;

/**
 * Holds every other referral for this NHS number back until the transaction ends, so its repeat limits are judged against every
 * referral committed before it (decision 0024); gives up after a few seconds with a coded "busy" answer rather than a 500.
 */
export async function lockPatientReferrals(db: Executor, nhsNumber: string): Promise<void> {
  try {
    // One round trip: set_config(..., true) is SET LOCAL, and a select list is evaluated left to right, so the wait is bounded before the lock is asked for.
    await sql`SELECT set_config('lock_timeout', ${`${PATIENT_LOCK_WAIT_SECONDS}s`}, true), pg_advisory_xact_lock(hashtext(${`aqp.patient-referrals:${nhsNumber}`}))`.execute(
      db,
    );
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
