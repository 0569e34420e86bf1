/**
 * Versions for the in-memory choice read model (issue #17, decision 0068). Triggers bump a version in the same transaction as the
 * change, so any web node that compares versions before answering sees a committed change at once: `listings` for who is listed
 * where (listings, their sites, offers, coverage, protocols, organisations, services), `reference` for postcodes, and one row per provider for its waits and quality
 * (accepted referrals, attended contacts, KPI results, feedback, assurance evidence). Choice lists gain a hash of what they show,
 * so a view that shows the same list again is audited without storing a copy.
 */
import { type Kysely, sql } from 'kysely';

/** Tables whose any change may alter who is listed, where, under which offer or with which eligibility. */
const STRUCTURE_TABLES = [
  'listings',
  'listing_sites',
  'sites',
  'offers',
  'offer_commissioners',
  'offer_protocols',
  'organisations',
  'services',
  'implementation_packs',
];

/** Reference data a directory search resolves a place with (imports, not users, change it). */
const REFERENCE_TABLES = ['postcodes', 'postcode_districts', 'postcode_sectors'];

/** Tables holding one provider's standing, with the column naming the provider. */
const PROVIDER_TABLES = [
  ['kpi_results', 'provider_organisation_id'],
  ['feedback_responses', 'provider_organisation_id'],
  ['assurance_evidence', 'organisation_id'],
] as const;

const EVENTS = [
  ['insert', 'NEW TABLE AS changed'],
  ['update', 'NEW TABLE AS changed'],
  ['delete', 'OLD TABLE AS changed'],
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE read_model_versions (
      scope text PRIMARY KEY,
      version bigint NOT NULL DEFAULT 1
    )`.execute(db);
  await sql`ALTER TABLE choice_lists ADD COLUMN content_hash text`.execute(db);
  await sql`
    CREATE FUNCTION bump_read_model_versions(scopes text[]) RETURNS void LANGUAGE sql AS $$
      INSERT INTO read_model_versions (scope)
        SELECT DISTINCT scope FROM unnest(scopes) AS scope WHERE scope IS NOT NULL ORDER BY scope
      ON CONFLICT (scope) DO UPDATE SET version = read_model_versions.version + 1
    $$`.execute(db);
  await sql`
    CREATE FUNCTION bump_listings_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM bump_read_model_versions(ARRAY['listings']); RETURN NULL; END
    $$`.execute(db);
  await sql`
    CREATE FUNCTION bump_reference_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM bump_read_model_versions(ARRAY['reference']); RETURN NULL; END
    $$`.execute(db);
  for (const [tables, bump] of [
    [STRUCTURE_TABLES, 'bump_listings_version'],
    [REFERENCE_TABLES, 'bump_reference_version'],
  ] as const)
    for (const table of tables)
      await sql`
        CREATE TRIGGER ${sql.id(`${table}_read_model`)} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${sql.id(table)}
          FOR EACH STATEMENT EXECUTE FUNCTION ${sql.id(bump)}()`.execute(db);
  for (const [table, column] of PROVIDER_TABLES) {
    await sql`
      CREATE FUNCTION ${sql.id(`bump_${table}_providers`)}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN PERFORM bump_read_model_versions(ARRAY(SELECT ${sql.id(column)}::text FROM changed)); RETURN NULL; END
      $$`.execute(db);
    for (const [event, transition] of EVENTS)
      await sql`
        CREATE TRIGGER ${sql.id(`${table}_${event}_read_model`)} AFTER ${sql.raw(event)} ON ${sql.id(table)}
          REFERENCING ${sql.raw(transition)} FOR EACH STATEMENT EXECUTE FUNCTION ${sql.id(`bump_${table}_providers`)}()`.execute(db);
  }
  await referralTriggers(db);
}

/** A referral counts towards its provider's waits once accepted or seen: bump the provider when such a referral is added, moved or re-dated. */
async function referralTriggers(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE FUNCTION bump_referral_providers() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          PERFORM bump_read_model_versions(ARRAY(
            SELECT unnest(ARRAY[n.provider_organisation_id::text, o.provider_organisation_id::text])
              FROM new_rows n JOIN old_rows o ON o.id = n.id
             WHERE (n.accepted_at IS NOT NULL OR o.accepted_at IS NOT NULL)
               AND (n.provider_organisation_id, n.offer_id, n.sent_at, n.accepted_at)
                   IS DISTINCT FROM (o.provider_organisation_id, o.offer_id, o.sent_at, o.accepted_at)));
        ELSIF TG_OP = 'INSERT' THEN
          PERFORM bump_read_model_versions(ARRAY(SELECT provider_organisation_id::text FROM new_rows WHERE accepted_at IS NOT NULL));
        ELSE
          PERFORM bump_read_model_versions(ARRAY(SELECT provider_organisation_id::text FROM old_rows WHERE accepted_at IS NOT NULL));
        END IF;
        RETURN NULL;
      END
    $$`.execute(db);
  await sql`
    CREATE TRIGGER referrals_insert_read_model AFTER INSERT ON referrals
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_referral_providers()`.execute(db);
  await sql`
    CREATE TRIGGER referrals_update_read_model AFTER UPDATE ON referrals
      REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_referral_providers()`.execute(db);
  await sql`
    CREATE TRIGGER referrals_delete_read_model AFTER DELETE ON referrals
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_referral_providers()`.execute(db);
  await sql`
    CREATE FUNCTION bump_contact_providers() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM bump_read_model_versions(ARRAY(
          SELECT r.provider_organisation_id::text FROM referrals r WHERE r.id IN (SELECT referral_id FROM changed)));
        RETURN NULL;
      END
    $$`.execute(db);
  for (const [event, transition] of EVENTS)
    await sql`
      CREATE TRIGGER ${sql.id(`referral_contacts_${event}_read_model`)} AFTER ${sql.raw(event)} ON referral_contacts
        REFERENCING ${sql.raw(transition)} FOR EACH STATEMENT EXECUTE FUNCTION bump_contact_providers()`.execute(db);
}
