/**
 * Version reads shared between the requests waiting at the same moment (decision 0072). A request joins the next query to start,
 * never one already sent, so what it is told was current after it arrived: a write committed before the request, through any node,
 * is always seen. Under load one query answers every request that came in while the previous one was out, instead of one each.
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';
import { readModelVersions } from './read-model-versions.repo.ts';

interface Batch {
  scopes: Set<string>;
  versions: Promise<Map<string, string>>;
  start: () => void;
}

/** One database's version reads on this node: at most one query out at a time, the next gathering everyone who asks meanwhile. */
export class VersionReads {
  private sending = false;
  private next: Batch | undefined;

  constructor(private readonly db: Kysely<Database>) {}

  /** Each scope's version as of a query begun after this call; a scope never changed reads as '0'. */
  async read(scopes: readonly string[]): Promise<Map<string, string>> {
    const batch = (this.next ??= this.batch());
    for (const scope of scopes) batch.scopes.add(scope);
    if (!this.sending) this.send();
    const all = await batch.versions;
    return new Map(scopes.map((scope) => [scope, all.get(scope) ?? '0']));
  }

  private batch(): Batch {
    const scopes = new Set<string>();
    let start!: () => void;
    const versions = new Promise<Map<string, string>>((resolve, reject) => {
      start = () => readModelVersions(this.db, [...scopes]).then(resolve, reject);
    });
    return { scopes, versions, start };
  }

  private send(): void {
    const batch = this.next!;
    this.next = undefined;
    this.sending = true;
    batch.start();
    void batch.versions
      .catch(() => undefined)
      .finally(() => {
        this.sending = false;
        if (this.next) this.send();
      });
  }
}

const reads = new WeakMap<Kysely<Database>, VersionReads>();

/** The current versions of `scopes`, read together with other requests' on this node (see VersionReads). */
export function currentVersions(db: Kysely<Database>, scopes: readonly string[]): Promise<Map<string, string>> {
  const shared = reads.get(db) ?? new VersionReads(db);
  reads.set(db, shared);
  return shared.read(scopes);
}
