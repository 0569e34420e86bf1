/** Provider qualification (PRODUCT.md §3.3): profiles, sites, national assurance with documents, applications, assessment, listings, compliance and the message outbox. */
import { type Kysely, sql } from 'kysely';

async function providers(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE provider_profiles (
      organisation_id uuid PRIMARY KEY REFERENCES organisations(id),
      provider_type text NOT NULL CHECK (provider_type IN ('nhs-trust', 'independent', 'voluntary')),
      companies_house_number text,
      charity_number text,
      website text,
      phone text,
      email text,
      description text NOT NULL DEFAULT '',
      nhs_turnover_under_10m boolean,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  await sql`ALTER TABLE sites ADD COLUMN delivery_mode text NOT NULL DEFAULT 'clinic' CHECK (delivery_mode IN ('clinic', 'domiciliary', 'both'))`.execute(
    db,
  );
  await sql`ALTER TABLE sites ADD COLUMN accessibility text NOT NULL DEFAULT ''`.execute(db);
  await sql`ALTER TABLE sites ADD COLUMN opening_times jsonb NOT NULL DEFAULT '[]'`.execute(db);
  await sql`ALTER TABLE sites ADD COLUMN phone text`.execute(db);

  await sql`
    CREATE TABLE invitations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      email text NOT NULL,
      display_name text NOT NULL,
      role text NOT NULL,
      token_hash text NOT NULL UNIQUE,
      invited_by_user_id uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      accepted_at timestamptz,
      revoked_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX invitations_organisation_idx ON invitations (organisation_id, created_at)`.execute(db);
}

async function assurance(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE documents (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      file_name text NOT NULL,
      content_type text NOT NULL,
      size_bytes integer NOT NULL CHECK (size_bytes > 0),
      sha256 text NOT NULL,
      content bytea NOT NULL,
      uploaded_by_user_id uuid REFERENCES users(id),
      uploaded_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX documents_organisation_idx ON documents (organisation_id)`.execute(db);

  await sql`
    CREATE TABLE assurance_evidence (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      kind text NOT NULL CHECK (kind IN ('cqc-registration', 'monitor-licence', 'monitor-exemption', 'indemnity-insurance', 'information-governance', 'safeguarding', 'clinical-governance')),
      reference text,
      cqc_status text CHECK (cqc_status IN ('registered', 'registration-cancelled', 'suspended')),
      expires_on date,
      document_id uuid REFERENCES documents(id),
      verification_status text NOT NULL DEFAULT 'pending' CHECK (verification_status IN ('pending', 'verified', 'rejected')),
      verification_note text,
      verified_by_user_id uuid REFERENCES users(id),
      verified_at timestamptz,
      superseded_at timestamptz,
      created_by_user_id uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX assurance_evidence_current_idx ON assurance_evidence (organisation_id, kind) WHERE superseded_at IS NULL`.execute(
    db,
  );
  await sql`CREATE INDEX assurance_evidence_expiry_idx ON assurance_evidence (expires_on) WHERE superseded_at IS NULL`.execute(db);
}

async function applications(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE offers ADD COLUMN questions jsonb NOT NULL DEFAULT '[]'`.execute(db);

  await sql`
    CREATE TABLE applications (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      offer_id uuid NOT NULL REFERENCES offers(id),
      provider_organisation_id uuid NOT NULL REFERENCES organisations(id),
      attempt integer NOT NULL DEFAULT 1 CHECK (attempt > 0),
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'clarification', 'qualified', 'not-qualified', 'withdrawn')),
      answers jsonb NOT NULL DEFAULT '{}',
      accepts_price boolean NOT NULL DEFAULT false,
      accepts_contract boolean NOT NULL DEFAULT false,
      submitted_at timestamptz,
      decided_at timestamptz,
      decided_by_user_id uuid REFERENCES users(id),
      refusal_ground text CHECK (refusal_ground IN ('rejects-price', 'rejects-local-standards', 'fails-quality-standards', 'incomplete')),
      decision_reasons text,
      created_by_user_id uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (offer_id, provider_organisation_id, attempt),
      CHECK ((status = 'not-qualified') = (refusal_ground IS NOT NULL))
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX applications_one_active_idx ON applications (offer_id, provider_organisation_id) WHERE status IN ('draft', 'submitted', 'clarification')`.execute(
    db,
  );
  await sql`CREATE INDEX applications_queue_idx ON applications (offer_id, status, submitted_at)`.execute(db);
  await sql`CREATE INDEX applications_provider_idx ON applications (provider_organisation_id, created_at)`.execute(db);

  await sql`
    CREATE TABLE application_sites (
      application_id uuid NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
      site_id uuid NOT NULL REFERENCES sites(id),
      PRIMARY KEY (application_id, site_id)
    )`.execute(db);

  await sql`
    CREATE TABLE assessment_marks (
      application_id uuid NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
      criterion text NOT NULL,
      passed boolean NOT NULL,
      note text NOT NULL DEFAULT '',
      marked_by_user_id uuid REFERENCES users(id),
      marked_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (application_id, criterion)
    )`.execute(db);

  await sql`
    CREATE TABLE clarifications (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      application_id uuid NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
      question text NOT NULL,
      asked_by_user_id uuid REFERENCES users(id),
      asked_at timestamptz NOT NULL DEFAULT now(),
      answer text,
      answered_by_user_id uuid REFERENCES users(id),
      answered_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX clarifications_application_idx ON clarifications (application_id, asked_at)`.execute(db);

  await sql`
    CREATE TABLE application_history (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      seq bigint GENERATED ALWAYS AS IDENTITY,
      application_id uuid NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
      from_status text,
      to_status text NOT NULL,
      reason text NOT NULL DEFAULT '',
      changed_at timestamptz NOT NULL DEFAULT now(),
      changed_by_user_id uuid REFERENCES users(id),
      changed_by_api_key_id uuid REFERENCES api_keys(id)
    )`.execute(db);
  await sql`CREATE INDEX application_history_application_idx ON application_history (application_id, seq)`.execute(db);
}

async function listings(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE listings (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      offer_id uuid NOT NULL REFERENCES offers(id),
      provider_organisation_id uuid NOT NULL REFERENCES organisations(id),
      application_id uuid NOT NULL REFERENCES applications(id),
      status text NOT NULL DEFAULT 'qualified' CHECK (status IN ('qualified', 'contracted', 'live', 'suspended', 'terminated', 'expired')),
      contract_start date,
      contract_end date,
      contract_accepted_at timestamptz,
      contract_accepted_by_user_id uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (application_id)
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX listings_one_current_idx ON listings (offer_id, provider_organisation_id) WHERE status IN ('qualified', 'contracted', 'live', 'suspended')`.execute(
    db,
  );
  await sql`CREATE INDEX listings_offer_status_idx ON listings (offer_id, status)`.execute(db);

  await sql`
    CREATE TABLE listing_sites (
      listing_id uuid NOT NULL REFERENCES listings(id) ON DELETE CASCADE,
      site_id uuid NOT NULL REFERENCES sites(id),
      PRIMARY KEY (listing_id, site_id)
    )`.execute(db);
  await sql`CREATE INDEX listing_sites_site_idx ON listing_sites (site_id)`.execute(db);

  await sql`
    CREATE TABLE listing_history (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      seq bigint GENERATED ALWAYS AS IDENTITY,
      listing_id uuid NOT NULL REFERENCES listings(id) ON DELETE CASCADE,
      from_status text,
      to_status text NOT NULL,
      reason text NOT NULL DEFAULT '',
      changed_at timestamptz NOT NULL DEFAULT now(),
      changed_by_user_id uuid REFERENCES users(id),
      changed_by_api_key_id uuid REFERENCES api_keys(id)
    )`.execute(db);
  await sql`CREATE INDEX listing_history_listing_idx ON listing_history (listing_id, seq)`.execute(db);
}

async function compliance(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE offer_compliance_rules (
      offer_id uuid PRIMARY KEY REFERENCES offers(id) ON DELETE CASCADE,
      suspend_on_expired_evidence boolean NOT NULL DEFAULT true,
      grace_days integer NOT NULL DEFAULT 0 CHECK (grace_days BETWEEN 0 AND 90),
      suspend_on_cqc_loss boolean NOT NULL DEFAULT true,
      updated_at timestamptz NOT NULL DEFAULT now(),
      updated_by_user_id uuid REFERENCES users(id)
    )`.execute(db);

  await sql`
    CREATE TABLE compliance_alerts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      kind text NOT NULL CHECK (kind IN ('evidence-due', 'evidence-expired', 'evidence-missing', 'cqc-status', 'breach')),
      evidence_id uuid REFERENCES assurance_evidence(id),
      listing_id uuid REFERENCES listings(id),
      detail text NOT NULL,
      due_on date,
      raised_on date NOT NULL,
      resolved_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX compliance_alerts_open_idx ON compliance_alerts (organisation_id, kind, coalesce(evidence_id, '00000000-0000-0000-0000-000000000000'::uuid), coalesce(listing_id, '00000000-0000-0000-0000-000000000000'::uuid)) WHERE resolved_at IS NULL`.execute(
    db,
  );

  await sql`
    CREATE TABLE compliance_runs (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      run_on date NOT NULL,
      started_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz,
      alerts_raised integer NOT NULL DEFAULT 0,
      listings_suspended integer NOT NULL DEFAULT 0,
      listings_live integer NOT NULL DEFAULT 0,
      triggered_by text NOT NULL
    )`.execute(db);

  await sql`
    CREATE TABLE outbox_messages (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      subject text NOT NULL,
      body text NOT NULL,
      entity_type text,
      entity_id uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      read_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX outbox_messages_organisation_idx ON outbox_messages (organisation_id, created_at DESC)`.execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await providers(db);
  await assurance(db);
  await applications(db);
  await listings(db);
  await compliance(db);
}
