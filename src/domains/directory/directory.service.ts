/** The public directory (PRODUCT.md §3.4): for a service and a postcode or district, every live site of every provider under contract with the commissioner responsible there (on any of its offers), nearest first. */
import type { Deps } from '../deps.ts';
import { sitesOf, type SiteView } from './site.repo.ts';
import { publicOffersCovering } from '../offers/covering-offers.ts';
import type { OfferStatus } from '../offers/offer-status.rules.ts';
import { sitesByIds } from '../providers/provider-site.repo.ts';
import { standingCacheFor } from '../provider-quality/standing-cache.ts';
import { directoryCacheFor } from './directory-cache.ts';
import { compactPostcode } from '../../lib/postcode.ts';
import { eligibilityInWords } from '../catalogue/referral-protocol-words.rules.ts';
import { currentProtocolsOf } from '../offers/offer-terms.repo.ts';
import { DIRECTORY_PAGE_SIZE, pageOf, type Page } from './directory.rules.ts';
import { type DirectoryEntry, entryOf, placedSites } from './directory-entry.ts';
import type { CommissionedService, ListingStanding } from '../provider-quality/provider-standing.ts';
import { resolveSearch } from './directory-search.ts';
import { listServices, type ServiceRecord } from '../catalogue/catalogue.repo.ts';
import { localServicesOffered } from '../offers/offered-local-services.repo.ts';

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
  service: { code: string; name: string; publicName: string };
  place: { kind: 'postcode' | 'district'; label: string; latitude: number; longitude: number };
  commissioner: { odsCode: string; name: string; areaName: string; method: string; explanation: string };
  /** Who the offer is for, in plain words (age, sex, who refers); null when nothing is commissioned. */
  eligibility: string | null;
  /** Other areas whose GP surgeries are near the place (a GP referral goes by the GP's area). */
  gpAreasNearby: string[];
  offer: { id: string; reference: string; title: string; status: OfferStatus } | null;
  /** How many providers the whole list (every page) holds. */
  providers: number;
  notice: DirectoryNotice | null;
}

/** A service name inside a sentence: "back and neck pain", but "MRI scans" keeps its capitals. */
function inSentence(name: string): string {
  return /^[A-Z][a-z]/.test(name) ? `${name[0]!.toLowerCase()}${name.slice(1)}` : name;
}

/** Searches the directory; bad input comes back as field errors (service, postcode) with every problem at once. Answers are held per node (decision 0068). */
export async function searchDirectory(deps: Deps, query: DirectoryQuery): Promise<DirectoryResult> {
  const key = JSON.stringify([
    deps.clock.today(),
    query.service.trim(),
    compactPostcode(query.postcode),
    query.page ?? 1,
    query.pageSize ?? DIRECTORY_PAGE_SIZE,
  ]);
  return directoryCacheFor<DirectoryResult>(deps.db).answer(key, () => searchAfresh(deps, query));
}

/** The search worked out from the database, with the versions of the standings it read (for the cache). */
async function searchAfresh(deps: Deps, query: DirectoryQuery): Promise<{ answer: DirectoryResult; versions: Map<string, string> }> {
  let versions = new Map<string, string>();
  const answer = await searchWith(deps, query, async (service) => {
    const running = await standingCacheFor(deps.db).runningWithVersions(service, deps.clock.today());
    versions = running.versions;
    return running.standings;
  });
  return { answer, versions };
}

async function searchWith(
  deps: Deps,
  query: DirectoryQuery,
  runningListings: (service: CommissionedService) => Promise<ListingStanding[]>,
): Promise<DirectoryResult> {
  const { service, place, commissioner, gpAreasNearby } = await resolveSearch(deps, query);
  const base = {
    service,
    place,
    gpAreasNearby,
    commissioner: {
      odsCode: commissioner.odsCode,
      name: commissioner.name,
      areaName: commissioner.areaName,
      method: commissioner.method,
      explanation: commissioner.explanation,
    },
  };
  const empty = (notice: DirectoryNotice, offer: DirectoryResult['offer'], eligibility: string | null = null) => ({
    ...base,
    ...pageOf([], query.page ?? 1, query.pageSize ?? DIRECTORY_PAGE_SIZE),
    offer,
    providers: 0,
    notice,
    eligibility,
  });
  const commissionerId = commissioner.id;
  const offer = commissionerId
    ? (await publicOffersCovering(deps.db, { id: commissionerId, odsCode: commissioner.odsCode })).find(
        (candidate) => candidate.service.code === service.code,
      )
    : undefined;
  if (!offer || !commissionerId) {
    return empty(
      {
        code: 'not-commissioned',
        message: `The NHS in ${commissioner.areaName}, the area ${place.label} is in, does not offer ${inSentence(service.publicName)} through Any Qualified Provider.`,
      },
      null,
    );
  }
  const offerSummary = { id: offer.id, reference: offer.reference, title: offer.title, status: offer.status };
  const protocol = (await currentProtocolsOf(deps.db, [offer.id])).get(offer.id);
  const eligibility = protocol ? eligibilityInWords(protocol.content) : null;
  const running = await runningListings({ commissionerId, serviceCode: service.code, preferredOfferId: offer.id });
  const standings = running.filter((standing) => standing.listing.sites.length > 0);
  if (standings.length === 0) {
    return empty(
      {
        code: 'no-live-providers',
        message: `The NHS in ${commissioner.areaName} offers ${inSentence(service.publicName)} through Any Qualified Provider, but no provider is taking referrals for it yet.`,
      },
      offerSummary,
      eligibility,
    );
  }
  const page = pageOf(placedSites(place, standings), query.page ?? 1, query.pageSize ?? DIRECTORY_PAGE_SIZE);
  const details = await sitesByIds(
    deps.db,
    page.items.map((placed) => placed.site.id),
  );
  return {
    ...base,
    ...page,
    items: page.items.map((placed) => entryOf(placed, details)),
    offer: offerSummary,
    providers: standings.length,
    notice: null,
    eligibility,
  };
}

/** An organisation's sites with their details, for the platform administrator's organisation page. */
export async function sitesOfOrganisation(deps: Deps, organisationId: string): Promise<SiteView[]> {
  return sitesOf(deps.db, organisationId);
}

/** The services a member of the public may search the directory for: the national list, then the local services some commissioner offers (held per node until services or offers change). */
export async function servicesInDirectory(deps: Deps): Promise<ServiceRecord[]> {
  return directoryCacheFor<ServiceRecord[]>(deps.db).answer('services-in-directory', async () => ({
    answer: [...(await listServices(deps.db)), ...(await localServicesOffered(deps.db))],
    versions: new Map(),
  }));
}
