/** What the printed choice list adds to the list as offered: each provider's telephone number, read today. */
import type { Deps } from '../deps.ts';
import { findProvider } from '../providers/provider-profile.repo.ts';
import { sitesByIds } from '../providers/provider-site.repo.ts';
import type { ChoiceListEntry } from './choice-list.repo.ts';

/** A number to ring for each entry, by site id: the site's own, else the provider's, else null; read now because numbers change while the list as offered does not. */
export async function telephonesForChoiceList(
  deps: Pick<Deps, 'db'>,
  entries: readonly ChoiceListEntry[],
): Promise<Map<string, string | null>> {
  const sites = await sitesByIds(
    deps.db,
    entries.map((entry) => entry.siteId),
  );
  const providerIds = [...new Set(entries.map((entry) => entry.providerOrganisationId))];
  const providers = await Promise.all(providerIds.map((id) => findProvider(deps.db, id)));
  const providerPhones = new Map(providerIds.map((id, index) => [id, providers[index]?.phone ?? null]));
  return new Map(
    entries.map((entry) => [entry.siteId, sites.get(entry.siteId)?.phone ?? providerPhones.get(entry.providerOrganisationId) ?? null]),
  );
}
