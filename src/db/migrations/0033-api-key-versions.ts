/**
 * Live API keys held on each web node (issue #17, decision 0075): a change to what authenticates a key or what it acts as (its
 * secret, prefix, role, name, organisation or revocation) bumps the `api-keys` version in the same transaction, so every node
 * sees it on its next request. Recording a key's use (`last_used_at`) bumps nothing.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE FUNCTION bump_api_keys_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM bump_read_model_versions(ARRAY['api-keys']); RETURN NULL; END
    $$`.execute(db);
  await sql`
    CREATE TRIGGER api_keys_update_read_model AFTER UPDATE ON api_keys FOR EACH ROW
      WHEN ((OLD.prefix, OLD.secret_hash, OLD.role, OLD.name, OLD.organisation_id, OLD.revoked_at)
        IS DISTINCT FROM (NEW.prefix, NEW.secret_hash, NEW.role, NEW.name, NEW.organisation_id, NEW.revoked_at))
      EXECUTE FUNCTION bump_api_keys_version()`.execute(db);
  await sql`
    CREATE TRIGGER api_keys_delete_read_model AFTER DELETE OR TRUNCATE ON api_keys
      FOR EACH STATEMENT EXECUTE FUNCTION bump_api_keys_version()`.execute(db);
}
