/** Kysely table types: the one description of the database that queries are checked against. */
import type { ColumnType, Generated } from 'kysely';

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
}

export interface UsersTable {
  id: Generated<string>;
  email: string;
  display_name: string;
  password_hash: string;
  is_active: Generated<boolean>;
  created_at: Generated<Date>;
  last_signed_in_at: NullableTimestamp;
}

export interface MembershipsTable {
  user_id: string;
  organisation_id: string;
  role: string;
  created_at: Generated<Date>;
}

export interface WebSessionsTable {
  id: string;
  data: ColumnType<unknown, string, string>;
  expires_at: Timestamp;
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

export interface Database {
  organisations: OrganisationsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  web_sessions: WebSessionsTable;
  api_keys: ApiKeysTable;
  audit_events: AuditEventsTable;
}
