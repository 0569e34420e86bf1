/** The hot path of choice lists and the directory: nearest sites to a point from an in-memory k-d tree, never a table scan. */
import KDBush from 'kdbush';
import { around } from 'geokdbush';
import { distanceKm } from '../../lib/geo.ts';

export interface IndexedSite {
  siteId: string;
  organisationId: string;
  latitude: number;
  longitude: number;
}

export interface NearbySite extends IndexedSite {
  distanceKm: number;
}

/** An immutable spatial index over one snapshot of sites; rebuilt (not mutated) when sites change. */
export class SiteIndex {
  private readonly tree: KDBush;
  private readonly siteIds: ReadonlySet<string>;

  constructor(private readonly sites: readonly IndexedSite[]) {
    this.siteIds = new Set(sites.map((site) => site.siteId));
    this.tree = new KDBush(Math.max(1, sites.length));
    for (const site of sites) this.tree.add(site.longitude, site.latitude);
    if (sites.length === 0) this.tree.add(0, 0);
    this.tree.finish();
  }

  get size(): number {
    return this.sites.length;
  }

  /** True when the snapshot holds the site (one opened since it was built is not in it until the rebuild). */
  has(siteId: string): boolean {
    return this.siteIds.has(siteId);
  }

  /** Up to `limit` sites nearest to the point (optionally within `maxKm` and passing `accept`), nearest first. */
  nearest(
    point: { latitude: number; longitude: number },
    limit: number,
    options: { maxKm?: number; accept?: (site: IndexedSite) => boolean } = {},
  ): NearbySite[] {
    if (this.sites.length === 0) return [];
    const accept = options.accept;
    const ids = around(
      this.tree,
      point.longitude,
      point.latitude,
      limit,
      options.maxKm,
      accept ? (id: number) => accept(this.sites[id]!) : undefined,
    );
    return ids.map((id) => {
      const site = this.sites[id]!;
      return { ...site, distanceKm: distanceKm(point, site) };
    });
  }
}

/** The brute-force answer the index must agree with: every site measured and sorted (the benchmark's baseline). */
export function nearestByScan(sites: readonly IndexedSite[], point: { latitude: number; longitude: number }, limit: number): NearbySite[] {
  return sites
    .map((site) => ({ ...site, distanceKm: distanceKm(point, site) }))
    .sort((a, b) => a.distanceKm - b.distanceKm)
    .slice(0, limit);
}
