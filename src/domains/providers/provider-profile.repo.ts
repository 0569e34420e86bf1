/** Queries over provider organisations and their profiles. */
import type { Executor } from '../../db/executor.ts';
import type { Profile, ProviderType } from './provider-profile.rules.ts';

export interface ProviderRecord extends Profile {
  organisationId: string;
  odsCode: string | null;
  nhsTurnoverUnder10m: boolean | null;
  updatedAt: Date;
}

/** Inserts a provider organisation; its ODS code must not be taken (checked by the caller, enforced by the unique index). */
export async function insertProviderOrganisation(trx: Executor, organisation: { name: string; odsCode: string | null }): Promise<string> {
  const row = await trx
    .insertInto('organisations')
    .values({ name: organisation.name, ods_code: organisation.odsCode, kind: 'provider' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Creates or replaces a provider's profile and keeps the organisation's name in step. */
export async function saveProfile(trx: Executor, organisationId: string, profile: Profile, at: Date): Promise<void> {
  const values = {
    provider_type: profile.providerType,
    companies_house_number: profile.companiesHouseNumber,
    charity_number: profile.charityNumber,
    website: profile.website,
    phone: profile.phone,
    email: profile.email,
    description: profile.description,
    updated_at: at,
  };
  await trx
    .insertInto('provider_profiles')
    .values({ organisation_id: organisationId, ...values })
    .onConflict((oc) => oc.column('organisation_id').doUpdateSet(values))
    .execute();
  await trx.updateTable('organisations').set({ name: profile.name }).where('id', '=', organisationId).execute();
}

/** Records the provider's declaration about its NHS turnover (the Monitor licence exemption rests on it). */
export async function saveTurnoverDeclaration(trx: Executor, organisationId: string, under10m: boolean, at: Date): Promise<void> {
  await trx
    .updateTable('provider_profiles')
    .set({ nhs_turnover_under_10m: under10m, updated_at: at })
    .where('organisation_id', '=', organisationId)
    .execute();
}

/** A provider organisation with its profile; a provider without a profile row still reads (as an NHS trust with no details). */
export async function findProvider(db: Executor, organisationId: string): Promise<ProviderRecord | undefined> {
  const row = await db
    .selectFrom('organisations as o')
    .leftJoin('provider_profiles as p', 'p.organisation_id', 'o.id')
    .select([
      'o.id',
      'o.ods_code',
      'o.name',
      'o.created_at',
      'p.provider_type',
      'p.companies_house_number',
      'p.charity_number',
      'p.website',
      'p.phone',
      'p.email',
      'p.description',
      'p.nhs_turnover_under_10m',
      'p.updated_at',
    ])
    .where('o.id', '=', organisationId)
    .where('o.kind', '=', 'provider')
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    organisationId: row.id,
    odsCode: row.ods_code,
    name: row.name,
    providerType: (row.provider_type ?? 'nhs-trust') as ProviderType,
    companiesHouseNumber: row.companies_house_number,
    charityNumber: row.charity_number,
    website: row.website,
    phone: row.phone,
    email: row.email,
    description: row.description ?? '',
    nhsTurnoverUnder10m: row.nhs_turnover_under_10m,
    updatedAt: row.updated_at ?? row.created_at,
  };
}

/** Providers that hold current CQC evidence, by name, for the national admin's CQC status form. */
export async function providersWithCqcEvidence(
  db: Executor,
): Promise<{ organisationId: string; name: string; odsCode: string | null; cqcStatus: string | null }[]> {
  const rows = await db
    .selectFrom('assurance_evidence as e')
    .innerJoin('organisations as o', 'o.id', 'e.organisation_id')
    .select(['o.id', 'o.name', 'o.ods_code', 'e.cqc_status'])
    .where('e.kind', '=', 'cqc-registration')
    .where('e.superseded_at', 'is', null)
    .orderBy('o.name')
    .limit(500)
    .execute();
  return rows.map((row) => ({ organisationId: row.id, name: row.name, odsCode: row.ods_code, cqcStatus: row.cqc_status }));
}
