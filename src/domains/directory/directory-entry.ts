/** One row of the directory: a live provider's site with its distance, access information, opening times, wait and quality. */
import type { LatLon } from '../../lib/british-national-grid.ts';
import type { OpeningHours } from '../providers/opening-times.rules.ts';
import type { ProviderSite } from '../providers/provider-site.repo.ts';
import type { ListingStanding } from '../provider-quality/provider-standing.ts';
import type { IndicativeWait } from '../provider-quality/waits.rules.ts';
import { everySiteNearestFirst } from './directory.rules.ts';

export interface DirectorySite {
  id: string;
  name: string;
  address: string | null;
  postcode: string;
  latitude: number;
  longitude: number;
  deliveryMode: string;
  accessibility: string;
  openingTimes: OpeningHours[];
  phone: string | null;
}

export interface DirectoryEntry {
  listingId: string;
  provider: { id: string; odsCode: string | null; name: string };
  site: DirectorySite;
  distanceKm: number;
  distanceMiles: number;
  wait: IndicativeWait;
  firstAppointmentWait: IndicativeWait;
  quality: ListingStanding['quality'];
}

/** A listed site with the details only the site record holds (opening times, accessibility, telephone). */
export function directorySite(site: ListingStanding['listing']['sites'][number], details: ProviderSite | undefined): DirectorySite {
  return {
    id: site.id,
    name: site.name,
    address: site.address,
    postcode: site.postcode,
    latitude: site.latitude,
    longitude: site.longitude,
    deliveryMode: site.deliveryMode,
    accessibility: details?.accessibility ?? '',
    openingTimes: details?.openingTimes ?? [],
    phone: details?.phone ?? null,
  };
}

/** Every open site of every listing with its distance, nearest the searched point first. */
export function placedSites(origin: LatLon, standings: readonly ListingStanding[]) {
  return everySiteNearestFirst(
    origin,
    standings.map((standing) => ({ ...standing, provider: standing.listing.provider, sites: standing.listing.sites })),
  );
}

/** One placed site as an entry, with the details of its site record (fetched only for the page shown). */
export function entryOf(
  { listing: standing, site, distanceKm, distanceMiles }: ReturnType<typeof placedSites>[number],
  details: Map<string, ProviderSite>,
): DirectoryEntry {
  return {
    listingId: standing.listing.id,
    provider: standing.provider,
    site: directorySite(site, details.get(site.id)),
    distanceKm,
    distanceMiles,
    wait: standing.wait,
    firstAppointmentWait: standing.firstAppointmentWait,
    quality: standing.quality,
  };
}
