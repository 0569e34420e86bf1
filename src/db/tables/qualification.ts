/** Table types for provider qualification (migration 0007). */
import type { ColumnType, Generated } from 'kysely';
import type { StatusHistoryTable } from '../status-history.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** ISO dates (YYYY-MM-DD) in and out. */
type DateColumn = ColumnType<string | null, string | null | undefined, string | null>;
type Json = ColumnType<unknown, string | undefined, string>;

export interface ProviderProfilesTable {
  organisation_id: string;
  provider_type: string;
  companies_house_number: string | null;
  charity_number: string | null;
  website: string | null;
  phone: string | null;
  email: string | null;
  description: Generated<string>;
  nhs_turnover_under_10m: boolean | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface InvitationsTable {
  id: Generated<string>;
  organisation_id: string;
  email: string;
  display_name: string;
  role: string;
  token_hash: string;
  invited_by_user_id: string | null;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  accepted_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
}

export interface DocumentsTable {
  id: Generated<string>;
  organisation_id: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  content: Uint8Array;
  uploaded_by_user_id: string | null;
  uploaded_at: Generated<Date>;
  /** What the document is for (migration 0017): assurance evidence, or an attachment to a referrer's reply, which only the referral's two sides may read. */
  purpose: Generated<'assurance' | 'referral-reply'>;
}

export interface AssuranceEvidenceTable {
  id: Generated<string>;
  organisation_id: string;
  kind: string;
  reference: string | null;
  cqc_status: string | null;
  expires_on: DateColumn;
  document_id: string | null;
  /** On cqc-not-applicable evidence only: why no regulated activity applies, and the body the provider is registered with instead. */
  not_applicable_reason: string | null;
  registration_body: string | null;
  verification_status: Generated<string>;
  verification_note: string | null;
  verified_by_user_id: string | null;
  verified_at: NullableTimestamp;
  superseded_at: NullableTimestamp;
  created_by_user_id: string | null;
  created_at: Generated<Date>;
}

export interface ApplicationsTable {
  id: Generated<string>;
  offer_id: string;
  provider_organisation_id: string;
  attempt: Generated<number>;
  status: Generated<string>;
  answers: Json;
  accepts_price: Generated<boolean>;
  accepts_contract: Generated<boolean>;
  submitted_at: NullableTimestamp;
  decided_at: NullableTimestamp;
  decided_by_user_id: string | null;
  refusal_ground: string | null;
  decision_reasons: string | null;
  created_by_user_id: string | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface ApplicationSitesTable {
  application_id: string;
  site_id: string;
}

export interface AssessmentMarksTable {
  application_id: string;
  criterion: string;
  passed: boolean;
  note: Generated<string>;
  marked_by_user_id: string | null;
  marked_at: Timestamp;
}

export interface ClarificationsTable {
  id: Generated<string>;
  application_id: string;
  question: string;
  asked_by_user_id: string | null;
  asked_at: Timestamp;
  answer: string | null;
  answered_by_user_id: string | null;
  answered_at: NullableTimestamp;
}

/** Append-only status history of applications and listings: the shape every status history has, with an insertion order. */
export interface HistoryTable extends StatusHistoryTable {
  /** Insertion order, so changes made in one transaction keep their order. */
  seq: ColumnType<number, never, never>;
}

export interface ListingsTable {
  id: Generated<string>;
  offer_id: string;
  provider_organisation_id: string;
  application_id: string;
  status: Generated<string>;
  contract_start: DateColumn;
  contract_end: DateColumn;
  contract_accepted_at: NullableTimestamp;
  contract_accepted_by_user_id: string | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface ListingSitesTable {
  listing_id: string;
  site_id: string;
}

export interface OfferComplianceRulesTable {
  offer_id: string;
  suspend_on_expired_evidence: Generated<boolean>;
  grace_days: Generated<number>;
  suspend_on_cqc_loss: Generated<boolean>;
  updated_at: Timestamp;
  updated_by_user_id: string | null;
}

export interface ComplianceAlertsTable {
  id: Generated<string>;
  organisation_id: string;
  kind: string;
  evidence_id: string | null;
  listing_id: string | null;
  detail: string;
  due_on: DateColumn;
  raised_on: ColumnType<string, string, string>;
  resolved_at: NullableTimestamp;
  created_at: Generated<Date>;
}

export interface ComplianceRunsTable {
  id: Generated<string>;
  run_on: ColumnType<string, string, string>;
  started_at: Timestamp;
  finished_at: NullableTimestamp;
  alerts_raised: Generated<number>;
  listings_suspended: Generated<number>;
  listings_live: Generated<number>;
  triggered_by: string;
}

export interface OutboxMessagesTable {
  id: Generated<string>;
  organisation_id: string;
  subject: string;
  body: string;
  entity_type: string | null;
  entity_id: string | null;
  created_at: Generated<Date>;
  read_at: NullableTimestamp;
  /** Email delivery (migration 0030, decision 0066): NULL for messages stored before email existed. */
  email_status: Generated<string | null>;
  email_attempts: Generated<number>;
  email_last_error: string | null;
  email_next_attempt_at: NullableTimestamp;
  email_sent_at: NullableTimestamp;
  email_to: string | null;
}

export interface QualificationTables {
  provider_profiles: ProviderProfilesTable;
  invitations: InvitationsTable;
  documents: DocumentsTable;
  assurance_evidence: AssuranceEvidenceTable;
  applications: ApplicationsTable;
  application_sites: ApplicationSitesTable;
  assessment_marks: AssessmentMarksTable;
  clarifications: ClarificationsTable;
  application_history: HistoryTable & { application_id: string };
  listings: ListingsTable;
  listing_sites: ListingSitesTable;
  listing_history: HistoryTable & { listing_id: string };
  offer_compliance_rules: OfferComplianceRulesTable;
  compliance_alerts: ComplianceAlertsTable;
  compliance_runs: ComplianceRunsTable;
  outbox_messages: OutboxMessagesTable;
}
