/** The public directory (PRODUCT.md §3.4): for a service and a postcode or district, every live site of every provider under contract with the commissioner responsible there (on any of its offers), nearest first. */
import type { Deps } from '../deps.ts';
import { publicOffersCovering } from '../offers/covering-offers.ts';
import type { OfferStatus } from '../offers/offer-status.rules.ts';
import { sitesByIds } from '../providers/provider-site.repo.ts';
import { DIRECTORY_PAGE_SIZE, pageOf, type Page } from './directory.rules.ts';
import { type DirectoryEntry, entryOf, placedSites } from './directory-entry.ts';
import { resolveSearch } from './directory-search.ts';
import { runningListingsWithStanding } from './provider-standing.ts';

export interface DirectoryQuery {
  service: string;
  postcode: string;
  page?: number;
  pageSize?: number;
}

/** Why a search that was understood lists nobody, in plain words naming the commissioner. */
export interface DirectoryNotice {
  code: 'not-commissioned' | 'no-live-providers';
  message: string;
}

export interface DirectoryResult extends Page<DirectoryEntry> {
  service: { code: string; name: string };
  place: { kind: 'postcode' | 'district'; label: string; latitude: number; longitude: number };
  commissioner: { odsCode: string; name: string; method: string; explanation: string };
  offer: { id: string; reference: string; title: string; status: OfferStatus } | null;
  /** How many providers the whole list (every page) holds. */
  providers: number;
  notice: DirectoryNotice | null;
}

/** Searches the directory; bad input comes back as field errors (service, postcode) with every problem at once. */
export async function searchDirectory(deps: Deps, query: DirectoryQuery): Promise<DirectoryResult> {
  const { service, place, commissioner } = await resolveSearch(deps, query);
  const base = { service, place, commissioner: { odsCode: commissioner.odsCode, name: commissioner.name, method: commissioner.method, explanation: commissioner.explanation } };
  const empty = (notice: DirectoryNotice, offer: DirectoryResult['offer']) => ({ ...base, ...pageOf([], query.page ?? 1, query.pageSize ?? DIRECTORY_PAGE_SIZE), offer, providers: 0, notice });
  const commissionerId = commissioner.id;
  const offer = commissionerId ? (await publicOffersCovering(deps.db, { id: commissionerId, odsCode: commissioner.odsCode })).find((candidate) => candidate.service.code === service.code) : undefined;
  if (!offer || !commissionerId) {
    return empty({ code: 'not-commissioned', message: `${commissioner.name}, the NHS commissioner for ${place.label}, does not commission ${service.name} through Any Qualified Provider.` }, null);
  }
  const offerSummary = { id: offer.id, reference: offer.reference, title: offer.title, status: offer.status };
  const running = await runningListingsWithStanding(deps.db, { commissionerId, serviceCode: service.code, preferredOfferId: offer.id }, deps.clock.today());
  const standings = running.filter((standing) => standing.listing.sites.length > 0);
  if (standings.length === 0) {
    return empty({ code: 'no-live-providers', message: `${commissioner.name} commissions ${service.name} through Any Qualified Provider (${offer.reference}), but no provider is live for it yet.` }, offerSummary);
  }
  const page = pageOf(placedSites(place, standings), query.page ?? 1, query.pageSize ?? DIRECTORY_PAGE_SIZE);
  const details = await sitesByIds(deps.db, page.items.map((placed) => placed.site.id));
  return { ...base, ...page, items: page.items.map((placed) => entryOf(placed, details)), offer: offerSummary, providers: standings.length, notice: null };
}
