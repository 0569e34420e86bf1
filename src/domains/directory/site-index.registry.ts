/** Keeps the spatial index in step with the database: rebuilt after our own writes, and re-checked every minute for other nodes' writes. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { SiteIndex } from './site-index.ts';
import { openSitesFingerprint, openSitesForIndex } from './site.repo.ts';

const RECHECK_MS = 60_000;

export class SiteIndexRegistry {
  private current: Promise<{ index: SiteIndex; fingerprint: string; checkedAt: number }> | undefined;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => number = Date.now,
  ) {}

  /** The index for now: built on first use, rebuilt when marked stale or when another node has changed the sites. */
  async index(): Promise<SiteIndex> {
    if (!this.current) this.current = this.build();
    const snapshot = await this.current;
    if (this.now() - snapshot.checkedAt < RECHECK_MS) return snapshot.index;
    const fingerprint = await this.fingerprint();
    if (fingerprint === snapshot.fingerprint) {
      snapshot.checkedAt = this.now();
      return snapshot.index;
    }
    this.current = this.build();
    return (await this.current).index;
  }

  /** Call after any change to sites, so the next query sees it. */
  invalidate(): void {
    this.current = undefined;
  }

  private async build() {
    const fingerprint = await this.fingerprint();
    return { index: new SiteIndex(await openSitesForIndex(this.db)), fingerprint, checkedAt: this.now() };
  }

  /** A cheap summary that changes whenever a site is added, moved or closed. */
  private async fingerprint(): Promise<string> {
    return openSitesFingerprint(this.db);
  }
}
