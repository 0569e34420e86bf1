/**
 * The providers under contract for a commissioner's service with their standing, held in memory on each node and checked against
 * the database's versions before every answer (decision 0068): a change committed through any node — a listing suspended, a
 * referral accepted, KPIs recomputed — is seen by the next read everywhere, and only the providers that changed are re-read.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { RecentMap } from '../../lib/recent-map.ts';
import type { ListingView } from '../listings/listing-view.repo.ts';
import { type CommissionedService, type ListingStanding, runningListingsOf, standingOf } from './provider-standing.ts';
import { LISTINGS_SCOPE } from '../../db/read-model-versions.repo.ts';
import { currentVersions } from '../../db/version-reads.ts';

/** Enough for every commissioner's every service nationally (about 4,300); the least recently read go first beyond it. */
const MAX_HELD = 5_000;

interface Held {
  listingsVersion: string;
  providerVersions: Map<string, string>;
  offerIds: string[];
  standings: ListingStanding[];
}

/** One node's standings, per database. */
export class StandingCache {
  private readonly held = new RecentMap<string, Held>(MAX_HELD);
  private readonly building = new Map<string, Promise<Held>>();

  constructor(private readonly db: Kysely<Database>) {}

  /** The running listings with their standing, current as of this read (one version query when nothing changed). */
  async running(service: CommissionedService, today: string): Promise<ListingStanding[]> {
    return (await this.runningWithVersions(service, today)).standings;
  }

  /** As `running`, with the versions read before the data it holds (`listings` and each provider's), for caches built on top of it. */
  async runningWithVersions(
    service: CommissionedService,
    today: string,
  ): Promise<{ standings: ListingStanding[]; versions: Map<string, string> }> {
    const key = `${service.commissionerId}|${service.serviceCode}|${service.preferredOfferId}|${today}`;
    const held = this.held.get(key);
    const versions = await currentVersions(this.db, [LISTINGS_SCOPE, ...(held?.providerVersions.keys() ?? [])]);
    const listingsVersion = versions.get(LISTINGS_SCOPE)!;
    let current: Held;
    if (!held || held.listingsVersion !== listingsVersion) current = await this.buildOnce(key, service, today, listingsVersion, held);
    else {
      const changed = [...held.providerVersions].filter(([provider, version]) => versions.get(provider) !== version).map(([id]) => id);
      current = changed.length === 0 ? held : await this.refresh(held, changed, versions, today);
    }
    this.held.set(key, current);
    return { standings: current.standings, versions: new Map([[LISTINGS_SCOPE, current.listingsVersion], ...current.providerVersions]) };
  }

  private buildOnce(key: string, service: CommissionedService, today: string, listingsVersion: string, previous?: Held): Promise<Held> {
    const buildKey = `${key}|${listingsVersion}`;
    const pending = this.building.get(buildKey) ?? this.build(service, today, listingsVersion, previous);
    this.building.set(buildKey, pending);
    return pending.finally(() => this.building.delete(buildKey));
  }

  /**
   * Reads the listings, then their providers' versions, then the standing of those not held already: data read after its version
   * can only be newer. A listing held before under the same offer, with waits over the same offers and its provider unchanged,
   * keeps its standing, so a change elsewhere in the country re-reads one query's worth, not every provider's figures.
   */
  private async build(service: CommissionedService, today: string, listingsVersion: string, previous?: Held): Promise<Held> {
    const { listings, offerIds } = await runningListingsOf(this.db, service, today);
    const providerVersions = await currentVersions(this.db, providersOf(listings));
    const reusable = previous && previous.offerIds.join() === offerIds.join() ? previous : undefined;
    const kept = new Map(
      (reusable?.standings ?? [])
        .filter(
          (standing) => reusable!.providerVersions.get(standing.listing.provider.id) === providerVersions.get(standing.listing.provider.id),
        )
        .map((standing) => [standing.listing.id, standing]),
    );
    const keptFor = (listing: ListingView) => {
      const standing = kept.get(listing.id);
      return standing?.listing.offer.id === listing.offer.id ? standing : undefined;
    };
    const fresh = await standingOf(
      this.db,
      listings.filter((listing) => !keptFor(listing)),
      today,
      offerIds,
    );
    const freshById = new Map(fresh.map((standing) => [standing.listing.id, standing]));
    const standings = listings.map((listing) => {
      const standing = keptFor(listing);
      return standing
        ? { ...standing, listing, quality: { ...standing.quality, contractStart: listing.contractStart } }
        : freshById.get(listing.id)!;
    });
    return { listingsVersion, providerVersions, offerIds, standings };
  }

  /** Re-reads the standing of the providers whose version moved, keeping everyone's place in the list. */
  private async refresh(held: Held, changed: string[], versions: Map<string, string>, today: string): Promise<Held> {
    const providerVersions = new Map([...held.providerVersions].map(([provider]) => [provider, versions.get(provider)!]));
    const stale = new Set(changed);
    const listings = held.standings.filter((standing) => stale.has(standing.listing.provider.id)).map((standing) => standing.listing);
    const fresh = new Map((await standingOf(this.db, listings, today, held.offerIds)).map((standing) => [standing.listing.id, standing]));
    const standings = held.standings.map((standing) => fresh.get(standing.listing.id) ?? standing);
    return { ...held, providerVersions, standings };
  }
}

function providersOf(listings: readonly ListingView[]): string[] {
  return [...new Set(listings.map((listing) => listing.provider.id))];
}

const caches = new WeakMap<Kysely<Database>, StandingCache>();

/** The node's cache for a database, made on first use. */
export function standingCacheFor(db: Kysely<Database>): StandingCache {
  const cache = caches.get(db) ?? new StandingCache(db);
  caches.set(db, cache);
  return cache;
}

/**
 * Every provider under contract today for a commissioner's service with its wait and quality (see `runningListingsOf`), from the
 * node's cache, current as of this call.
 */
export function runningListingsWithStanding(db: Kysely<Database>, service: CommissionedService, today: string): Promise<ListingStanding[]> {
  return standingCacheFor(db).running(service, today);
}
