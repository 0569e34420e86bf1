/** A test builder that inserts a provider's national assurance evidence straight into the table, so application tests need not upload documents. */
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.ts';

const COMPLETE_KINDS = [
  'cqc-registration',
  'monitor-exemption',
  'indemnity-insurance',
  'information-governance',
  'safeguarding',
  'clinical-governance',
] as const;

export class AssuranceRowsBuilder {
  private verification: 'pending' | 'verified' = 'pending';
  private expiresOn = '2030-03-31';
  private kinds: readonly string[] = COMPLETE_KINDS;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly organisationId: string,
  ) {}

  verified(): this {
    this.verification = 'verified';
    return this;
  }

  expiring(isoDate: string): this {
    this.expiresOn = isoDate;
    return this;
  }

  /** Leaves one kind out, so the assurance is incomplete. */
  without(kind: string): this {
    this.kinds = this.kinds.filter((candidate) => candidate !== kind);
    return this;
  }

  /** Inserts one current row per kind (a CQC registration that is registered; a Monitor exemption rather than a licence). */
  async insert(): Promise<void> {
    const held = await this.db
      .selectFrom('assurance_evidence')
      .select('kind')
      .where('organisation_id', '=', this.organisationId)
      .where('superseded_at', 'is', null)
      .execute();
    if (held.length) throw new Error('the provider already holds assurance evidence: build a new provider with aProvider()');
    await this.db
      .insertInto('assurance_evidence')
      .values(
        this.kinds.map((kind) => ({
          organisation_id: this.organisationId,
          kind,
          reference: kind === 'cqc-registration' ? '1-000000001' : `${kind} evidence`,
          cqc_status: kind === 'cqc-registration' ? 'registered' : null,
          expires_on: this.expiresOn,
          verification_status: this.verification,
        })),
      )
      .execute();
  }
}

/** Starts complete assurance for a provider: `completeAssurance(db, providerId).verified().insert()`. */
export function completeAssurance(db: Kysely<Database>, organisationId: string): AssuranceRowsBuilder {
  return new AssuranceRowsBuilder(db, organisationId);
}
