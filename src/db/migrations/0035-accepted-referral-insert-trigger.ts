/**
 * A new referral bumps its provider's version only when it arrives already accepted (decision 0076). Migration 0031's trigger ran
 * once per insert statement with a transition table, so every referral created awaiting choice (nearly all of them) paid about
 * 0.4 ms of PostgreSQL's time to bump nothing; a row trigger with a `WHEN` is not even called for those. 0031's
 * `bump_referral_providers` keeps its insert branch, now never reached: redefining it here would copy its update branch too.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TRIGGER referrals_insert_read_model ON referrals`.execute(db);
  await sql`
    CREATE FUNCTION bump_accepted_referral_provider() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM bump_read_model_versions(ARRAY[NEW.provider_organisation_id::text]); RETURN NULL; END
    $$`.execute(db);
  await sql`
    CREATE TRIGGER referrals_insert_accepted_read_model AFTER INSERT ON referrals
      FOR EACH ROW WHEN (NEW.accepted_at IS NOT NULL) EXECUTE FUNCTION bump_accepted_referral_provider()`.execute(db);
}
