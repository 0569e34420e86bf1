/** Referral and patient choice (PRODUCT.md §3.5): patients, referrals with their eligibility, the choice list offered, contacts and an append-only event history. */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE patients (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      nhs_number text UNIQUE CHECK (nhs_number ~ '^[0-9]{10}$'),
      given_name text NOT NULL,
      family_name text NOT NULL,
      date_of_birth date NOT NULL,
      sex text NOT NULL CHECK (sex IN ('female', 'male', 'unknown')),
      postcode text NOT NULL,
      practice_organisation_id uuid REFERENCES organisations(id),
      phone text,
      email text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  await sql`
    CREATE TABLE referrals (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      ubrn text NOT NULL UNIQUE CHECK (ubrn ~ '^[0-9]{12}$'),
      access_code_hash text NOT NULL,
      patient_id uuid NOT NULL REFERENCES patients(id),
      offer_id uuid NOT NULL REFERENCES offers(id),
      protocol_version integer NOT NULL,
      commissioner_organisation_id uuid NOT NULL REFERENCES organisations(id),
      referrer_organisation_id uuid REFERENCES organisations(id),
      referrer_user_id uuid REFERENCES users(id),
      route text NOT NULL CHECK (route IN ('gp', 'other-clinician', 'self')),
      priority text NOT NULL CHECK (priority IN ('routine', 'urgent')),
      body_area text,
      answers jsonb NOT NULL DEFAULT '{}',
      eligibility jsonb NOT NULL,
      clinical_information text NOT NULL DEFAULT '',
      status text NOT NULL CHECK (status IN ('awaiting-choice', 'sent', 'accepted', 'returned', 'discharged', 'episode-closed', 'cancelled')),
      referred_on date NOT NULL,
      listing_id uuid REFERENCES listings(id),
      site_id uuid REFERENCES sites(id),
      provider_organisation_id uuid REFERENCES organisations(id),
      chosen_at timestamptz,
      chosen_by text CHECK (chosen_by IN ('referrer', 'patient')),
      sent_at timestamptz,
      accept_by date,
      accepted_at timestamptz,
      return_reason_code text,
      return_comment text,
      cancel_reason_code text,
      cancel_comment text,
      sessions_attended integer NOT NULL DEFAULT 0,
      discharged_at timestamptz,
      discharge_outcome text,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX referrals_patient_idx ON referrals (patient_id, offer_id, referred_on)`.execute(db);
  await sql`CREATE INDEX referrals_provider_worklist_idx ON referrals (provider_organisation_id, status, sent_at)`.execute(db);
  await sql`CREATE INDEX referrals_referrer_worklist_idx ON referrals (referrer_organisation_id, status, updated_at)`.execute(db);
  await sql`CREATE INDEX referrals_listing_idx ON referrals (listing_id, status)`.execute(db);

  await sql`
    CREATE TABLE choice_lists (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      seq bigint GENERATED ALWAYS AS IDENTITY,
      referral_id uuid NOT NULL REFERENCES referrals(id) ON DELETE CASCADE,
      offered_at timestamptz NOT NULL DEFAULT now(),
      ordered_by text NOT NULL CHECK (ordered_by IN ('distance', 'wait')),
      origin_postcode text NOT NULL,
      entries jsonb NOT NULL,
      offered_by_user_id uuid REFERENCES users(id)
    )`.execute(db);
  await sql`CREATE INDEX choice_lists_referral_idx ON choice_lists (referral_id, seq)`.execute(db);

  await sql`
    CREATE TABLE referral_contacts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      referral_id uuid NOT NULL REFERENCES referrals(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('appointment', 'session')),
      scheduled_for timestamptz,
      attendance text CHECK (attendance IN ('attended', 'did-not-attend')),
      note text NOT NULL DEFAULT '',
      recorded_at timestamptz NOT NULL DEFAULT now(),
      recorded_by_user_id uuid REFERENCES users(id)
    )`.execute(db);
  await sql`CREATE INDEX referral_contacts_referral_idx ON referral_contacts (referral_id, recorded_at)`.execute(db);

  await sql`
    CREATE TABLE referral_events (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      seq bigint GENERATED ALWAYS AS IDENTITY,
      referral_id uuid NOT NULL REFERENCES referrals(id) ON DELETE CASCADE,
      from_status text,
      to_status text NOT NULL,
      reason_code text,
      comment text NOT NULL DEFAULT '',
      actor text NOT NULL CHECK (actor IN ('referrer', 'patient', 'provider', 'commissioner', 'system')),
      changed_at timestamptz NOT NULL DEFAULT now(),
      changed_by_user_id uuid REFERENCES users(id),
      changed_by_api_key_id uuid REFERENCES api_keys(id)
    )`.execute(db);
  await sql`CREATE INDEX referral_events_referral_idx ON referral_events (referral_id, seq)`.execute(db);

  await sql`
    CREATE TABLE patient_access_failures (
      ubrn text NOT NULL,
      failed_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX patient_access_failures_idx ON patient_access_failures (ubrn, failed_at)`.execute(db);
}
