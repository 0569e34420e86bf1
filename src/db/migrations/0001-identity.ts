/** Organisations, users, memberships, sessions, API keys and the audit log: what every later capability hangs on. */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE organisations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      ods_code text UNIQUE,
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      kind text NOT NULL CHECK (kind IN ('national', 'region', 'commissioner', 'provider', 'gp-practice', 'platform')),
      parent_id uuid REFERENCES organisations(id),
      postcode text,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX organisations_parent_idx ON organisations (parent_id)`.execute(db);
  await sql`CREATE INDEX organisations_name_idx ON organisations (lower(name) text_pattern_ops)`.execute(db);

  await sql`
    CREATE TABLE users (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      email text NOT NULL,
      display_name text NOT NULL,
      password_hash text NOT NULL,
      is_active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_signed_in_at timestamptz
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX users_email_idx ON users (lower(email))`.execute(db);

  await sql`
    CREATE TABLE memberships (
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      role text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_id, organisation_id, role)
    )`.execute(db);
  await sql`CREATE INDEX memberships_organisation_idx ON memberships (organisation_id)`.execute(db);

  await sql`
    CREATE TABLE web_sessions (
      id text PRIMARY KEY,
      data jsonb NOT NULL,
      expires_at timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX web_sessions_expires_idx ON web_sessions (expires_at)`.execute(db);

  await sql`
    CREATE TABLE api_keys (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      name text NOT NULL,
      role text NOT NULL,
      prefix text NOT NULL UNIQUE,
      secret_hash text NOT NULL,
      created_by_user_id uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      revoked_at timestamptz,
      last_used_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX api_keys_organisation_idx ON api_keys (organisation_id)`.execute(db);

  await sql`
    CREATE TABLE audit_events (
      id bigserial PRIMARY KEY,
      occurred_at timestamptz NOT NULL DEFAULT now(),
      actor_user_id uuid REFERENCES users(id),
      actor_api_key_id uuid REFERENCES api_keys(id),
      organisation_id uuid REFERENCES organisations(id),
      role text,
      action text NOT NULL,
      outcome text NOT NULL CHECK (outcome IN ('success', 'denied', 'failure')),
      entity_type text NOT NULL,
      entity_id text,
      client_address text,
      details jsonb NOT NULL DEFAULT '{}'::jsonb
    )`.execute(db);
  await sql`CREATE INDEX audit_events_occurred_idx ON audit_events (occurred_at DESC, id DESC)`.execute(db);
  await sql`CREATE INDEX audit_events_entity_idx ON audit_events (entity_type, entity_id)`.execute(db);
  await sql`CREATE INDEX audit_events_actor_idx ON audit_events (actor_user_id)`.execute(db);
}
