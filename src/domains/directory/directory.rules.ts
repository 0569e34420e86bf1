/** The directory's pure rules (PRODUCT.md §3.4): every site of every listed provider, nearest first, a page at a time. */
import type { LatLon } from '../../lib/british-national-grid.ts';
import { distanceKm, kmToMiles } from '../../lib/geo.ts';

export const DIRECTORY_PAGE_SIZE = 25;
export const MAX_DIRECTORY_PAGE_SIZE = 200;

export interface SitePlaced<L, S> {
  listing: L;
  site: S;
  distanceKm: number;
  distanceMiles: number;
}

/** One row per open site of each listing, with its straight-line distance from the searched point; nearest first, ties by provider then site name. */
export function everySiteNearestFirst<L extends { provider: { name: string }; sites: readonly (LatLon & { name: string })[] }>(
  origin: LatLon,
  listings: readonly L[],
): SitePlaced<L, L['sites'][number]>[] {
  const rows = listings.flatMap((listing) =>
    listing.sites.map((site) => {
      const km = distanceKm(origin, site);
      return { listing, site, distanceKm: km, distanceMiles: kmToMiles(km) };
    }),
  );
  return rows.sort(
    (a, b) =>
      a.distanceKm - b.distanceKm ||
      a.listing.provider.name.localeCompare(b.listing.provider.name, 'en-GB') ||
      a.site.name.localeCompare(b.site.name, 'en-GB'),
  );
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

/** The requested page of a list; a page past the end is empty (its total still says how many there are). */
export function pageOf<T>(all: readonly T[], page: number, pageSize: number): Page<T> {
  const size = Math.min(MAX_DIRECTORY_PAGE_SIZE, Math.max(1, Math.floor(pageSize)));
  const number = Math.max(1, Math.floor(page));
  return { items: all.slice((number - 1) * size, number * size), page: number, pageSize: size, total: all.length };
}
