/** How a patient reaches the provider they chose: the site's address and telephone (or the provider's main number), for the status page. */
import type { Executor } from '../../db/executor.ts';

export interface ChosenProviderContact {
  providerOrganisationId: string;
  providerName: string;
  siteName: string;
  address: string;
  phone: string | null;
}

/** The chosen provider's contact details, or undefined while no provider is chosen; the site's own number comes before the provider's main one. */
export async function chosenProviderContact(db: Executor, referralId: string): Promise<ChosenProviderContact | undefined> {
  const row = await db
    .selectFrom('referrals as r')
    .innerJoin('organisations as o', 'o.id', 'r.provider_organisation_id')
    .innerJoin('sites as s', 's.id', 'r.site_id')
    .leftJoin('provider_profiles as pp', 'pp.organisation_id', 'o.id')
    .select(['o.id', 'o.name', 's.name as site_name', 's.address', 's.postcode', 's.phone as site_phone', 'pp.phone as provider_phone'])
    .where('r.id', '=', referralId)
    .executeTakeFirst();
  return (
    row && {
      providerOrganisationId: row.id,
      providerName: row.name,
      siteName: row.site_name,
      address: [row.site_name, row.address, row.postcode].filter(Boolean).join(', '),
      phone: row.site_phone || row.provider_phone || null,
    }
  );
}
