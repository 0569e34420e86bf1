/** Issue #11 item 13: a provider whose service is not a CQC-regulated activity records why, with the professional registration that does apply. */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE assurance_evidence DROP CONSTRAINT assurance_evidence_kind_check`.execute(db);
  await sql`
    ALTER TABLE assurance_evidence
      ADD CONSTRAINT assurance_evidence_kind_check CHECK (kind IN ('cqc-registration', 'cqc-not-applicable', 'monitor-licence', 'monitor-exemption', 'indemnity-insurance', 'information-governance', 'safeguarding', 'clinical-governance')),
      ADD COLUMN not_applicable_reason text CHECK (length(not_applicable_reason) BETWEEN 1 AND 2000),
      ADD COLUMN registration_body text CHECK (registration_body IN ('GMC', 'GDC', 'GOC', 'GOsC', 'GCC', 'GPhC', 'HCPC', 'NMC')),
      ADD CONSTRAINT assurance_evidence_not_applicable_check CHECK ((kind = 'cqc-not-applicable') = (not_applicable_reason IS NOT NULL AND registration_body IS NOT NULL))`.execute(
    db,
  );
}
