/**
 * Keeps the spatial index in step with the database: before each use, one shared version read (decision 0072) tells whether any
 * node has changed a site (the `listings` version, bumped by the sites table's trigger in the same transaction, decision 0068).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { LISTINGS_SCOPE } from '../../db/read-model-versions.repo.ts';
import { currentVersions } from '../../db/version-reads.ts';
import { SiteIndex } from './site-index.ts';
import { openSitesForIndex } from './site.repo.ts';

export class SiteIndexRegistry {
  private current: { version: bigint; built: Promise<SiteIndex> } | undefined;

  constructor(private readonly db: Kysely<Database>) {}

  /**
   * The index as of this call: built on first use, and once more whenever a site was added, moved or closed through any node. An
   * index built under a newer version than a slow caller read serves it too: its data are newer still.
   */
  async index(): Promise<SiteIndex> {
    const version = BigInt((await currentVersions(this.db, [LISTINGS_SCOPE])).get(LISTINGS_SCOPE)!);
    if (!this.current || this.current.version < version) {
      const built = this.build();
      const building = { version, built };
      this.current = building;
      built.catch(() => {
        if (this.current === building) this.current = undefined;
      });
    }
    return this.current.built;
  }

  /** The open sites, read after their version, so an index is never older than the version it is held under. */
  private async build(): Promise<SiteIndex> {
    return new SiteIndex(await openSitesForIndex(this.db));
  }
}
