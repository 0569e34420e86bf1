/**
 * Staff who sign in through NHS CIS2 (decision 0065): their account is linked to the identity provider's subject, carries no
 * password (and may carry no email address), and the memberships the provider's role claims give are marked as such, so
 * each sign-in can replace them without touching roles granted here.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE federated_identities (
      issuer text NOT NULL CHECK (length(issuer) BETWEEN 1 AND 500),
      subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
      user_id uuid NOT NULL UNIQUE REFERENCES users(id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (issuer, subject)
    )`.execute(db);
  await sql`ALTER TABLE users ALTER COLUMN password_hash DROP NOT NULL`.execute(db);
  await sql`ALTER TABLE users ALTER COLUMN email DROP NOT NULL`.execute(db);
  await sql`
    ALTER TABLE memberships
      ADD COLUMN granted_by text NOT NULL DEFAULT 'local' CHECK (granted_by IN ('local', 'cis2'))`.execute(db);
}
