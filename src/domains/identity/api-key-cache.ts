/**
 * Live API keys held on each web node (decision 0075): a system calling the API many times a second costs no query for its key
 * while the `api-keys` and `listings` versions stand still. A revocation, a changed role or name (migration 0033) or an
 * organisation's change (`listings`) moves a version, read before the key, so every node sees it on its next request.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { type Held, heldOrRead } from '../../lib/held-reads.ts';
import { RecentMap } from '../../lib/recent-map.ts';
import { LISTINGS_SCOPE } from '../../db/read-model-versions.repo.ts';
import { currentVersions } from '../../db/version-reads.ts';
import { type ApiKeyCredential, findLiveKeyByPrefix } from './api-key.repo.ts';

/** The scope migration 0033's triggers bump. */
export const API_KEYS_SCOPE = 'api-keys';

/** More keys than England's practices and providers hold in steady use; the least recently used go first beyond it. */
const MAX_KEYS = 20_000;

const heldKeys = new WeakMap<Kysely<Database>, RecentMap<string, Held<ApiKeyCredential | undefined>>>();

/** The live key with this prefix, as `findLiveKeyByPrefix` reads it, read again only when a version has moved; unknown and revoked keys are never held. */
export async function liveKeyByPrefix(db: Kysely<Database>, prefix: string): Promise<ApiKeyCredential | undefined> {
  const versions = await currentVersions(db, [API_KEYS_SCOPE, LISTINGS_SCOPE]);
  const stamp = `${versions.get(API_KEYS_SCOPE)}|${versions.get(LISTINGS_SCOPE)}`;
  const keys = heldKeys.get(db) ?? new RecentMap<string, Held<ApiKeyCredential | undefined>>(MAX_KEYS);
  heldKeys.set(db, keys);
  // A key created since is not announced by any version, so an unknown or revoked prefix is never held.
  return heldOrRead(
    keys,
    prefix,
    stamp,
    () => findLiveKeyByPrefix(db, prefix),
    (key) => key !== undefined,
  );
}
