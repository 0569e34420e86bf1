/** Kysely table types: the one description of the database that queries are checked against. */
import type { ColumnType, Generated } from 'kysely';
import type { ActivityLineTables } from './tables/activity-lines.ts';
import type { StatementTables } from './tables/statements.ts';
import type { BudgetTables } from './tables/budgets.ts';
import type { QualityTables } from './tables/quality.ts';
import type { QualityReturnTables } from './tables/quality-returns.ts';
import type { BreachTables } from './tables/breaches.ts';
import type { LocalProposalTables } from './tables/local-proposals.ts';
import type { OfferTables } from './tables/offers.ts';
import type { PrioritisationTables } from './tables/prioritisation.ts';
import type { QualificationTables } from './tables/qualification.ts';
import type { ReferralTables } from './tables/referrals.ts';
import type { ReferralReplyTables } from './tables/referral-replies.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface OrganisationsTable {
  id: Generated<string>;
  ods_code: string | null;
  name: string;
  kind: string;
  parent_id: string | null;
  postcode: string | null;
  created_at: Generated<Date>;
  ods_type: string | null;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  geo_precision: string | null;
  open_date: DateColumn;
  close_date: DateColumn;
  region_code: string | null;
  prescribing_setting: number | null;
  status: string | null;
  /** Where AQP emails an organisation without a provider profile about new messages (migration 0030, decision 0066). */
  contact_email: string | null;
}

/** ISO dates (YYYY-MM-DD) in and out; see db/connect.ts for the parser that keeps them as text. */
type DateColumn = ColumnType<string | null, string | null | undefined, string | null>;

export interface PostcodesTable {
  postcode: string;
  latitude: number;
  longitude: number;
  country_code: string | null;
  local_authority_code: string | null;
  sub_icb_code: string | null;
  terminated_on: DateColumn;
}

export interface PostcodeDistrictsTable {
  district: string;
  latitude: number;
  longitude: number;
  postcode_count: number;
  country: string | null;
  local_authority_code: string | null;
  local_authority_name: string | null;
}

export interface PostcodeSectorsTable {
  sector: string;
  district: string;
  latitude: number;
  longitude: number;
  postcode_count: number;
}

export interface SitesTable {
  id: Generated<string>;
  organisation_id: string;
  site_code: string | null;
  name: string;
  address: string | null;
  postcode: string;
  latitude: number;
  longitude: number;
  created_at: Generated<Date>;
  closed_on: DateColumn;
  delivery_mode: Generated<string>;
  accessibility: Generated<string>;
  opening_times: ColumnType<unknown, string | undefined, string>;
  phone: string | null;
}

export interface ImportRunsTable {
  id: Generated<string>;
  dataset: string;
  source_file: string;
  format: string;
  started_at: Timestamp;
  finished_at: NullableTimestamp;
  rows_read: Generated<number>;
  inserted: Generated<number>;
  updated: Generated<number>;
  closed: Generated<number>;
  unchanged: Generated<number>;
  skipped: Generated<number>;
  rejected: Generated<number>;
  rejections: ColumnType<unknown, string | undefined, string>;
  outcome: Generated<string>;
}

export interface ServicesTable {
  id: Generated<string>;
  code: string;
  name: string;
  category: string;
  phase: string;
  definition: string;
  national_eligibility: string | null;
  source_url: string | null;
  /** What patients call the service, where that differs from the catalogue name (migration 0018). */
  public_name: string | null;
  is_retired: Generated<boolean>;
  /** Set only for a local service: the approved proposal it came from and the commissioner that owns it (migration 0014). */
  local_proposal_id: string | null;
  owner_organisation_id: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ImplementationPacksTable {
  id: Generated<string>;
  service_id: string;
  version: number;
  content: ColumnType<unknown, string, string>;
  published_at: Generated<Date>;
  published_by_user_id: string | null;
  change_note: string;
}

export interface UsersTable {
  id: Generated<string>;
  /** Null for an account that signs in through NHS CIS2 without an email claim (migration 0029). */
  email: string | null;
  display_name: string;
  /** Null for an account that signs in only through NHS CIS2 (migration 0029): no password opens it. */
  password_hash: string | null;
  is_active: Generated<boolean>;
  created_at: Generated<Date>;
  last_signed_in_at: NullableTimestamp;
}

export interface MembershipsTable {
  user_id: string;
  organisation_id: string;
  role: string;
  created_at: Generated<Date>;
  /** 'cis2' when the identity provider's role claims gave it (replaced at each CIS2 sign-in), else 'local' (migration 0029). */
  granted_by: Generated<string>;
}

/** An account's link to an external identity provider's subject (migration 0029). */
export interface FederatedIdentitiesTable {
  issuer: string;
  subject: string;
  user_id: string;
  created_at: Generated<Date>;
}

export interface WebSessionsTable {
  id: string;
  data: ColumnType<unknown, string, string>;
  expires_at: Timestamp;
}

export interface SignInThrottlesTable {
  email_hash: string;
  client_address: Generated<string>;
  failures: number;
  last_failure_at: Timestamp;
  locked_until: NullableTimestamp;
}

export interface SignInFailuresTable {
  id: Generated<string>;
  email_hash: string;
  failed_at: Timestamp;
}

export interface ApiKeysTable {
  id: Generated<string>;
  organisation_id: string;
  name: string;
  role: string;
  prefix: string;
  secret_hash: string;
  created_by_user_id: string | null;
  created_at: Generated<Date>;
  revoked_at: NullableTimestamp;
  last_used_at: NullableTimestamp;
}

export interface AuditEventsTable {
  id: Generated<string>;
  occurred_at: Timestamp;
  actor_user_id: string | null;
  actor_api_key_id: string | null;
  organisation_id: string | null;
  role: string | null;
  action: string;
  outcome: string;
  entity_type: string;
  entity_id: string | null;
  client_address: string | null;
  details: ColumnType<unknown, string | undefined, string>;
}

/** A version bumped by triggers whenever what a scope of the choice read model depends on changes (migration 0031, decision 0068). */
export interface ReadModelVersionsTable {
  scope: string;
  version: ColumnType<string, string | undefined, string>;
}

/** Every table; later capabilities keep their table types in tables/ and join them here. */
export interface Database
  extends
    OfferTables,
    PrioritisationTables,
    LocalProposalTables,
    QualificationTables,
    ReferralTables,
    ReferralReplyTables,
    ActivityLineTables,
    StatementTables,
    BudgetTables,
    QualityTables,
    QualityReturnTables,
    BreachTables {
  organisations: OrganisationsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  federated_identities: FederatedIdentitiesTable;
  web_sessions: WebSessionsTable;
  sign_in_throttles: SignInThrottlesTable;
  sign_in_failures: SignInFailuresTable;
  api_keys: ApiKeysTable;
  audit_events: AuditEventsTable;
  postcodes: PostcodesTable;
  postcode_districts: PostcodeDistrictsTable;
  postcode_sectors: PostcodeSectorsTable;
  sites: SitesTable;
  import_runs: ImportRunsTable;
  services: ServicesTable;
  implementation_packs: ImplementationPacksTable;
  read_model_versions: ReadModelVersionsTable;
}
