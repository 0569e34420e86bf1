/** The natural keys of everything live in the feed, read lightly so an ORUK id (a hash of a key) can be traced back to our records. */
import type { Executor } from '../../db/executor.ts';
import { offerReference } from '../offers/offer.repo.ts';
import { liveListingsQuery, liveSitesQuery } from './open-referral.repo.ts';

export interface LiveListingKey {
  listingId: string;
  offerReference: string;
  provider: { id: string; odsCode: string | null; name: string };
}

export interface LiveSiteKey extends LiveListingKey {
  siteId: string;
  siteName: string;
  siteCode: string | null;
}

/** Every live listing's key (offer reference and provider), providers by name. */
export async function liveListingKeys(db: Executor, today: string): Promise<LiveListingKey[]> {
  const rows = await liveListingsQuery(db, { today })
    .select(['l.id', 'o.number', 'p.id as provider_id', 'p.ods_code', 'p.name'])
    .orderBy('p.name')
    .orderBy('p.id')
    .execute();
  return rows.map((row) => ({
    listingId: row.id,
    offerReference: offerReference(row.number),
    provider: { id: row.provider_id, odsCode: row.ods_code, name: row.name },
  }));
}

/** Every live listing's open sites with their keys. */
export async function liveSiteKeys(db: Executor, today: string): Promise<LiveSiteKey[]> {
  const rows = await liveSitesQuery(db, { today })
    .select(['l.id', 'o.number', 'p.id as provider_id', 'p.ods_code', 'p.name', 'st.id as site_id', 'st.name as site_name', 'st.site_code'])
    .execute();
  return rows.map((row) => ({
    listingId: row.id,
    offerReference: offerReference(row.number),
    provider: { id: row.provider_id, odsCode: row.ods_code, name: row.name },
    siteId: row.site_id,
    siteName: row.site_name,
    siteCode: row.site_code,
  }));
}
