/**
 * A referrer's setting (their practice and its commissioner) and the services offered to that commissioner, held on each node and
 * checked against the database's versions before every use (decision 0074, as decision 0068): the `listings` version moves with any
 * change to organisations, offers, their coverage and protocols, and services; `reference` with postcode districts. A referral is
 * then judged against what is committed, without reading the same reference data again for every referral.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { type Held, heldOrRead } from '../../lib/held-reads.ts';
import { RecentMap } from '../../lib/recent-map.ts';
import type { Deps } from '../deps.ts';
import type { Principal } from '../identity/principal.ts';
import { LISTINGS_SCOPE, REFERENCE_SCOPE } from '../../db/read-model-versions.repo.ts';
import { currentVersions } from '../../db/version-reads.ts';
import {
  mustBeReferrer,
  type OfferedService,
  type ReferralSetting,
  referralSettingFor,
  servicesOfferedTo,
} from './referral-offer.service.ts';

/** England has about 6,300 GP practices and 106 sub-ICB commissioners; the least recently used go first beyond these. */
const MAX_PRACTICES = 8_000;
const MAX_COMMISSIONERS = 500;

interface NodeCache {
  settings: RecentMap<string, Held<ReferralSetting>>;
  services: RecentMap<string, Held<OfferedService[]>>;
}

const caches = new WeakMap<Kysely<Database>, NodeCache>();

function cacheFor(db: Kysely<Database>): NodeCache {
  const cache = caches.get(db) ?? { settings: new RecentMap(MAX_PRACTICES), services: new RecentMap(MAX_COMMISSIONERS) };
  caches.set(db, cache);
  return cache;
}

/** What the held data was read under: both versions, read before the data, and England's date (offers open and close by date). */
async function currentStamp(deps: Deps): Promise<string> {
  const versions = await currentVersions(deps.db, [LISTINGS_SCOPE, REFERENCE_SCOPE]);
  return `${versions.get(LISTINGS_SCOPE)}|${versions.get(REFERENCE_SCOPE)}|${deps.clock.today()}`;
}

/** The referrer's setting and the services its commissioner offers, as `referralSettingFor` and `servicesOfferedTo` give them, read again only when a version has moved; refusals are never held. */
export async function referrerSettingAndServices(
  deps: Deps,
  principal: Principal | null,
): Promise<{ setting: ReferralSetting; services: OfferedService[] }> {
  mustBeReferrer(principal);
  const cache = cacheFor(deps.db);
  const stamp = await currentStamp(deps);
  const setting = await heldOrRead(cache.settings, principal.organisationId, stamp, () => referralSettingFor(deps, principal));
  const services = await heldOrRead(cache.services, setting.commissioner.id, stamp, () => servicesOfferedTo(deps, setting));
  return { setting, services };
}
