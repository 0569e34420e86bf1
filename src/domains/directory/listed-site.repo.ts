/** Reads of live listings at their sites (the FHIR directory's HealthcareServices): running contracts on public offers, open sites. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { publiclyListedOn } from '../listings/public-listing.repo.ts';
import type { Box } from './near.rules.ts';
import { siteInside } from './site-directory.repo.ts';

export interface ListedSiteRecord {
  listingId: string;
  site: { id: string; name: string; latitude: number; longitude: number; phone: string | null };
  provider: { id: string; name: string };
  offerId: string;
  service: { code: string; name: string; publicName: string };
}

export interface ListedSiteCriteria {
  listingId?: string;
  siteId?: string;
  providerId?: string;
  serviceCode?: string;
  box?: Box;
}

/** Every open site of every live listing whose contract runs on `today`, on an offer the public may see, matching the criteria. */
export async function findListedSites(db: Kysely<Database>, criteria: ListedSiteCriteria, today: string): Promise<ListedSiteRecord[]> {
  let query = db
    .selectFrom('listing_sites as ls')
    .innerJoin('listings as l', 'l.id', 'ls.listing_id')
    .innerJoin('offers as o', 'o.id', 'l.offer_id')
    .innerJoin('services as sv', 'sv.id', 'o.service_id')
    .innerJoin('sites as s', 's.id', 'ls.site_id')
    .innerJoin('organisations as p', 'p.id', 'l.provider_organisation_id')
    .select(['l.id as listing_id', 's.id as site_id', 's.name as site_name', 's.latitude', 's.longitude', 's.phone'])
    .select(['p.id as provider_id', 'p.name as provider_name', 'o.id as offer_id', 'sv.code', 'sv.name as service_name', 'sv.public_name'])
    .where(publiclyListedOn(today))
    .where('s.closed_on', 'is', null);
  if (criteria.listingId !== undefined) query = query.where('l.id', '=', criteria.listingId);
  if (criteria.siteId !== undefined) query = query.where('s.id', '=', criteria.siteId);
  if (criteria.providerId !== undefined) query = query.where('p.id', '=', criteria.providerId);
  if (criteria.serviceCode !== undefined) query = query.where('sv.code', '=', criteria.serviceCode);
  if (criteria.box) query = query.where(siteInside(criteria.box));
  const rows = await query.orderBy('sv.name').orderBy('p.name').orderBy('s.name').orderBy('l.id').orderBy('s.id').execute();
  return rows.map((row) => ({
    listingId: row.listing_id,
    site: { id: row.site_id, name: row.site_name, latitude: row.latitude, longitude: row.longitude, phone: row.phone },
    provider: { id: row.provider_id, name: row.provider_name },
    offerId: row.offer_id,
    service: { code: row.code, name: row.service_name, publicName: row.public_name ?? row.service_name },
  }));
}

/** The commissioners each offer covers (its coverage area), by ODS code, for many offers at once. */
export async function commissionersOfOffers(
  db: Kysely<Database>,
  offerIds: readonly string[],
): Promise<Map<string, { odsCode: string | null; name: string }[]>> {
  const byOffer = new Map<string, { odsCode: string | null; name: string }[]>(offerIds.map((id) => [id, []]));
  if (offerIds.length === 0) return byOffer;
  const rows = await db
    .selectFrom('offer_commissioners as c')
    .innerJoin('organisations as g', 'g.id', 'c.organisation_id')
    .select(['c.offer_id', 'g.ods_code', 'g.name'])
    .where('c.offer_id', 'in', [...offerIds])
    .orderBy('g.name')
    .execute();
  for (const row of rows) byOffer.get(row.offer_id)?.push({ odsCode: row.ods_code, name: row.name });
  return byOffer;
}
