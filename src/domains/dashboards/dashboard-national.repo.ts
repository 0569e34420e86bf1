/** National counts for the national dashboard (decision 0058): qualified providers per service and the sector each provider recorded on its profile. */
import type { Executor } from '../../db/executor.ts';

/** A listing that still stands: qualified, under contract or live (suspended, ended and expired listings do not count). */
export const QUALIFIED_LISTING_STATUSES = ['qualified', 'contracted', 'live'] as const;

export interface QualifiedProvider {
  providerId: string;
  serviceCode: string;
  serviceName: string;
  /** The provider type on its profile (nhs-trust, independent, voluntary), or null when it has no profile. */
  providerType: string | null;
}

/** Each provider qualified for each service today (once, however many offers it holds), with its sector. */
export async function qualifiedProviders(db: Executor, serviceCode: string | null): Promise<QualifiedProvider[]> {
  return db
    .selectFrom('listings as l')
    .innerJoin('offers as f', 'f.id', 'l.offer_id')
    .innerJoin('services as s', 's.id', 'f.service_id')
    .leftJoin('provider_profiles as pp', 'pp.organisation_id', 'l.provider_organisation_id')
    .select([
      'l.provider_organisation_id as providerId',
      's.code as serviceCode',
      's.name as serviceName',
      'pp.provider_type as providerType',
    ])
    .distinct()
    .where('l.status', 'in', [...QUALIFIED_LISTING_STATUSES])
    .$if(serviceCode !== null, (query) => query.where('s.code', '=', serviceCode!))
    .orderBy('s.name')
    .execute();
}

/** The provider type of each of the providers, null for a provider with no profile. */
export async function providerTypes(db: Executor, providerIds: readonly string[]): Promise<Map<string, string | null>> {
  const types = new Map<string, string | null>(providerIds.map((id) => [id, null]));
  if (!providerIds.length) return types;
  const rows = await db
    .selectFrom('provider_profiles')
    .select(['organisation_id', 'provider_type'])
    .where('organisation_id', 'in', [...providerIds])
    .execute();
  for (const row of rows) types.set(row.organisation_id, row.provider_type);
  return types;
}
