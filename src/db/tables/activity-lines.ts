/** Table types for activity lines and the submissions that brought them (migration 0021): append-only, never updated. */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, never>;
type Immutable<T> = ColumnType<T, T, never>;

export interface ActivitySubmissionsTable {
  id: Generated<string>;
  provider_organisation_id: Immutable<string>;
  source: Immutable<string>;
  file_name: Immutable<string | null>;
  line_count: Immutable<number>;
  accepted_count: Immutable<number>;
  refused_count: Immutable<number>;
  already_received_count: Immutable<number>;
  received_at: Timestamp;
  received_by_user_id: Immutable<string | null>;
  received_by_api_key_id: Immutable<string | null>;
}

export interface ActivityLinesTable {
  id: Generated<string>;
  seq: ColumnType<number, never, never>;
  provider_organisation_id: Immutable<string>;
  provider_line_id: Immutable<string>;
  referral_id: Immutable<string | null>;
  referral_reference: Immutable<string>;
  offer_id: Immutable<string | null>;
  commissioner_organisation_id: Immutable<string | null>;
  currency_code: Immutable<string>;
  complexity_band: Immutable<string>;
  activity_date: Immutable<string>;
  attendance_code: Immutable<string>;
  kind: Immutable<string>;
  reverses_line_id: Immutable<string | null>;
  source: Immutable<string>;
  submission_id: Immutable<string>;
  received_at: Timestamp;
  status: Immutable<string>;
  rejection_reason: Immutable<string | null>;
  price_pence: Immutable<number | null>;
}

export interface ActivityLineTables {
  activity_submissions: ActivitySubmissionsTable;
  activity_lines: ActivityLinesTable;
}
