/**
 * Public directory answers held per node (decision 0068): the same search asked again is answered from memory after one version
 * query, and asked afresh whenever a listing, offer, site, postcode or a listed provider's figures changed through any node.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { RecentMap } from '../../lib/recent-map.ts';
import { LISTINGS_SCOPE, REFERENCE_SCOPE } from '../../db/read-model-versions.repo.ts';
import { currentVersions } from '../../db/version-reads.ts';

/** Searches held at most (a page of 25 sites is tens of kilobytes, so about 100 MB at most); the least recently asked go first beyond it. */
const MAX_HELD = 2_000;

interface Held<T> {
  answer: T;
  versions: Map<string, string>;
}

/** One node's directory answers for one database. */
export class DirectoryCache<T> {
  private readonly held = new RecentMap<string, Held<T>>(MAX_HELD);

  constructor(private readonly db: Kysely<Database>) {}

  /**
   * The held answer when none of the versions it was built under moved, else `fresh()`'s. The listings and reference versions are
   * read before `fresh()` runs and win over the ones it reports, so an answer can only be held under versions as old as its data.
   */
  async answer(key: string, fresh: () => Promise<{ answer: T; versions: Map<string, string> }>): Promise<T> {
    const held = this.held.get(key);
    const now = await currentVersions(this.db, [LISTINGS_SCOPE, REFERENCE_SCOPE, ...(held?.versions.keys() ?? [])]);
    if (held && [...held.versions].every(([scope, version]) => now.get(scope) === version)) return held.answer;
    const { answer, versions } = await fresh();
    const before = [LISTINGS_SCOPE, REFERENCE_SCOPE].map((scope) => [scope, now.get(scope)!] as const);
    this.held.set(key, { answer, versions: new Map([...versions, ...before]) });
    return answer;
  }
}

const caches = new WeakMap<Kysely<Database>, DirectoryCache<unknown>>();

/** The node's directory cache for a database, made on first use. */
export function directoryCacheFor<T>(db: Kysely<Database>): DirectoryCache<T> {
  const cache = caches.get(db) ?? new DirectoryCache<unknown>(db);
  caches.set(db, cache);
  return cache as DirectoryCache<T>;
}
