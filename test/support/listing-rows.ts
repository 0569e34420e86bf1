/** Test builders for qualification data made without the application pages: complete assurance and a qualified listing. */
import type { Deps } from '../../src/domains/deps.ts';
import { insertQualifiedListing } from '../../src/domains/listings/listing.repo.ts';

const KINDS = [
  'cqc-registration',
  'monitor-exemption',
  'indemnity-insurance',
  'information-governance',
  'safeguarding',
  'clinical-governance',
] as const;

/** Gives a provider verified evidence of every kind, each expiring on the given date unless overridden. */
export async function giveCompleteAssurance(
  deps: Deps,
  organisationId: string,
  expiresOn: string,
  overrides: Partial<Record<(typeof KINDS)[number], string>> = {},
): Promise<void> {
  await deps.db
    .updateTable('assurance_evidence')
    .set({ superseded_at: new Date() })
    .where('organisation_id', '=', organisationId)
    .where('superseded_at', 'is', null)
    .execute();
  await deps.db
    .insertInto('assurance_evidence')
    .values(
      KINDS.map((kind) => ({
        organisation_id: organisationId,
        kind,
        reference: kind === 'cqc-registration' ? '1-000000001' : `${kind}-ref`,
        cqc_status: kind === 'cqc-registration' ? 'registered' : null,
        expires_on: kind === 'monitor-exemption' ? null : (overrides[kind] ?? expiresOn),
        verification_status: 'verified',
      })),
    )
    .execute();
}

/** Replaces one kind of a provider's evidence, as recording new evidence does. */
export async function renewEvidence(
  deps: Deps,
  organisationId: string,
  kind: (typeof KINDS)[number],
  expiresOn: string,
  cqcStatus?: string,
): Promise<void> {
  await deps.db
    .updateTable('assurance_evidence')
    .set({ superseded_at: new Date() })
    .where('organisation_id', '=', organisationId)
    .where('kind', '=', kind)
    .where('superseded_at', 'is', null)
    .execute();
  await deps.db
    .insertInto('assurance_evidence')
    .values({
      organisation_id: organisationId,
      kind,
      reference: `${kind}-renewed`,
      cqc_status: cqcStatus ?? (kind === 'cqc-registration' ? 'registered' : null),
      expires_on: expiresOn,
      verification_status: 'verified',
    })
    .execute();
}

/** A provider qualified on an offer with all its open sites, as a qualifying decision leaves it. */
export async function aQualifiedListing(
  deps: Deps,
  offerId: string,
  providerOdsCode: string,
): Promise<{ listingId: string; providerId: string }> {
  const provider = await deps.db.selectFrom('organisations').select('id').where('ods_code', '=', providerOdsCode).executeTakeFirstOrThrow();
  const at = new Date();
  const application = await deps.db
    .insertInto('applications')
    .values({
      offer_id: offerId,
      provider_organisation_id: provider.id,
      status: 'qualified',
      answers: '{}',
      accepts_price: true,
      accepts_contract: true,
      submitted_at: at,
      decided_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const sites = await deps.db
    .selectFrom('sites')
    .select('id')
    .where('organisation_id', '=', provider.id)
    .where('closed_on', 'is', null)
    .execute();
  const listingId = await insertQualifiedListing(deps.db, {
    offerId,
    providerOrganisationId: provider.id,
    applicationId: application.id,
    siteIds: sites.map((site) => site.id),
    at,
    actor: { userId: null, apiKeyId: null },
  });
  return { listingId, providerId: provider.id };
}

/** Replaces a provider's CQC registration with verified "CQC registration does not apply" evidence, as the centre's verification leaves it. */
export async function registeredInsteadOfCqc(
  deps: Deps,
  organisationId: string,
  registrationBody: string,
  expiresOn: string | null = null,
): Promise<void> {
  await deps.db
    .updateTable('assurance_evidence')
    .set({ superseded_at: new Date() })
    .where('organisation_id', '=', organisationId)
    .where('kind', 'in', ['cqc-registration', 'cqc-not-applicable'])
    .where('superseded_at', 'is', null)
    .execute();
  await deps.db
    .insertInto('assurance_evidence')
    .values({
      organisation_id: organisationId,
      kind: 'cqc-not-applicable',
      reference: 'HAD01234',
      not_applicable_reason: 'Hearing aid dispensing is not a CQC-regulated activity.',
      registration_body: registrationBody,
      expires_on: expiresOn,
      verification_status: 'verified',
    })
    .execute();
}
