/** Table types for referral and patient choice (migration 0008). */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** ISO dates (YYYY-MM-DD) in and out. */
type DateColumn = ColumnType<string | null, string | null | undefined, string | null>;
type RequiredDate = ColumnType<string, string, string>;
type Json = ColumnType<unknown, string | undefined, string>;

export interface PatientsTable {
  id: Generated<string>;
  nhs_number: string | null;
  given_name: string;
  family_name: string;
  date_of_birth: RequiredDate;
  sex: string;
  postcode: string;
  practice_organisation_id: string | null;
  phone: string | null;
  email: string | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface ReferralsTable {
  id: Generated<string>;
  ubrn: string;
  access_code_hash: string;
  patient_id: string;
  offer_id: string;
  protocol_version: number;
  commissioner_organisation_id: string;
  referrer_organisation_id: string | null;
  referrer_user_id: string | null;
  route: string;
  priority: string;
  body_area: string | null;
  answers: Json;
  eligibility: ColumnType<unknown, string, string>;
  clinical_information: Generated<string>;
  status: string;
  referred_on: RequiredDate;
  listing_id: string | null;
  site_id: string | null;
  provider_organisation_id: string | null;
  chosen_at: NullableTimestamp;
  chosen_by: string | null;
  sent_at: NullableTimestamp;
  accept_by: DateColumn;
  accepted_at: NullableTimestamp;
  return_reason_code: string | null;
  return_comment: string | null;
  cancel_reason_code: string | null;
  cancel_comment: string | null;
  sessions_attended: Generated<number>;
  discharged_at: NullableTimestamp;
  discharge_outcome: string | null;
  /** Hearing aids fitted by discharge (0, 1 or 2; migration 0024), null when not recorded. */
  aids_fitted: number | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface ChoiceListsTable {
  id: Generated<string>;
  seq: ColumnType<number, never, never>;
  referral_id: string;
  offered_at: Timestamp;
  ordered_by: string;
  origin_postcode: string;
  origin_kind: Generated<string>;
  entries: ColumnType<unknown, string, string>;
  offered_by_user_id: string | null;
  /** A hash of what the list shows, so showing the same list again stores no copy (migration 0031); null on older lists. */
  content_hash: string | null;
}

export interface ReferralContactsTable {
  id: Generated<string>;
  referral_id: string;
  kind: string;
  scheduled_for: NullableTimestamp;
  attendance: string | null;
  note: Generated<string>;
  recorded_at: Timestamp;
  recorded_by_user_id: string | null;
  /** Outcome scores at an attended talking-therapies session (migration 0024). */
  phq9_score: number | null;
  gad7_score: number | null;
  /** The day a test (a scan) was reported, for the report-time KPI (migration 0024). */
  reported_on: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ReferralEventsTable {
  id: Generated<string>;
  seq: ColumnType<number, never, never>;
  referral_id: string;
  from_status: string | null;
  to_status: string;
  reason_code: string | null;
  comment: Generated<string>;
  actor: string;
  changed_at: Timestamp;
  changed_by_user_id: string | null;
  changed_by_api_key_id: string | null;
}

/** A guess at a referral's access code: recorded before it is checked, deleted if it proves right (migration 0010 added the id and address). */
export interface PatientAccessFailuresTable {
  id: Generated<number>;
  ubrn: string;
  client_address: Generated<string>;
  failed_at: Timestamp;
}

/** How to reach the patient and what they need, as given with one referral (migration 0016). */
export interface ReferralContactDetailsTable {
  referral_id: string;
  phone: string | null;
  email: string | null;
  address_lines: ColumnType<string[], string | undefined, string>;
  communication_needs: ColumnType<unknown, string | null | undefined, string | null>;
  send_reference_by: string | null;
  created_at: Generated<Date>;
}

export interface ReferralTables {
  patients: PatientsTable;
  referrals: ReferralsTable;
  choice_lists: ChoiceListsTable;
  referral_contacts: ReferralContactsTable;
  referral_events: ReferralEventsTable;
  patient_access_failures: PatientAccessFailuresTable;
  referral_contact_details: ReferralContactDetailsTable;
}
