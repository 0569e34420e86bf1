/** Reads of listings for pages and the API: who is listed on which offer, with their delivering sites and history. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Executor } from '../../db/executor.ts';
import { changedByName, STATUS_HISTORY_COLUMNS } from '../../db/status-history.ts';
import { offerReference } from '../offers/offer.repo.ts';
import type { OfferStatus } from '../offers/offer-status.rules.ts';
import type { ListingStatus } from './listing-lifecycle.rules.ts';
import { publiclyListedOn } from './public-listing.repo.ts';

export interface ListedSite {
  id: string;
  name: string;
  siteCode: string | null;
  address: string | null;
  postcode: string;
  latitude: number;
  longitude: number;
  deliveryMode: string;
}

export interface ListingView {
  id: string;
  status: ListingStatus;
  contractStart: string | null;
  contractEnd: string | null;
  offer: {
    id: string;
    reference: string;
    title: string;
    serviceCode: string;
    serviceName: string;
    leadOrganisationId: string;
    leadName: string;
  };
  provider: { id: string; odsCode: string | null; name: string };
  sites: ListedSite[];
}

export interface ListingFilter {
  offerId?: string;
  providerOrganisationId?: string;
  leadOrganisationId?: string;
  statuses?: readonly ListingStatus[];
  id?: string;
  /** Listings on offers of this service (national code). */
  serviceCode?: string;
  /** Listings on offers whose coverage includes this commissioner. */
  coveredCommissionerId?: string;
  offerStatuses?: readonly OfferStatus[];
  /** Only listings shown publicly on this date (live, public offer, contract not ended: `publiclyListedOn`). */
  publicOn?: string;
}

/** The open sites of each listing, by name; sites are fetched by id in a second query so the planner never scans every site to join them. */
async function sitesOfListings(db: Executor, ids: string[]): Promise<Map<string, ListedSite[]>> {
  const byListing = new Map<string, ListedSite[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return byListing;
  const links = await db.selectFrom('listing_sites').select(['listing_id', 'site_id']).where('listing_id', 'in', ids).execute();
  if (links.length === 0) return byListing;
  const listingsOfSite = new Map<string, string[]>();
  for (const link of links) listingsOfSite.set(link.site_id, [...(listingsOfSite.get(link.site_id) ?? []), link.listing_id]);
  const rows = await db
    .selectFrom('sites')
    .select(['id', 'name', 'site_code', 'address', 'postcode', 'latitude', 'longitude', 'delivery_mode'])
    .where('id', 'in', [...listingsOfSite.keys()])
    .where('closed_on', 'is', null)
    .orderBy('name')
    .execute();
  for (const row of rows) {
    const site = {
      id: row.id,
      name: row.name,
      siteCode: row.site_code,
      address: row.address,
      postcode: row.postcode,
      latitude: row.latitude,
      longitude: row.longitude,
      deliveryMode: row.delivery_mode,
    };
    for (const listingId of listingsOfSite.get(row.id)!) byListing.get(listingId)!.push({ ...site });
  }
  return byListing;
}

/** Listings matching a filter, with offer, provider and open delivering sites; at most `limit`, oldest offer first. */
export async function listListings(db: Kysely<Database> | Executor, filter: ListingFilter, limit = 500): Promise<ListingView[]> {
  let query = db
    .selectFrom('listings as l')
    .innerJoin('offers as o', 'o.id', 'l.offer_id')
    .innerJoin('services as s', 's.id', 'o.service_id')
    .innerJoin('organisations as p', 'p.id', 'l.provider_organisation_id')
    .innerJoin('organisations as lead', 'lead.id', 'o.lead_organisation_id')
    .select([
      'l.id',
      'l.status',
      'l.contract_start',
      'l.contract_end',
      'o.id as offer_id',
      'o.number',
      'o.title',
      's.code',
      's.name as service_name',
      'lead.id as lead_id',
      'lead.name as lead_name',
      'p.id as provider_id',
      'p.ods_code',
      'p.name as provider_name',
    ]);
  if (filter.id) query = query.where('l.id', '=', filter.id);
  if (filter.offerId) query = query.where('l.offer_id', '=', filter.offerId);
  if (filter.providerOrganisationId) query = query.where('l.provider_organisation_id', '=', filter.providerOrganisationId);
  if (filter.leadOrganisationId) query = query.where('o.lead_organisation_id', '=', filter.leadOrganisationId);
  if (filter.statuses) query = query.where('l.status', 'in', [...filter.statuses]);
  if (filter.serviceCode) query = query.where('s.code', '=', filter.serviceCode);
  if (filter.offerStatuses) query = query.where('o.status', 'in', [...filter.offerStatuses]);
  if (filter.coveredCommissionerId) {
    const commissionerId = filter.coveredCommissionerId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('offer_commissioners as c')
          .select('c.offer_id')
          .whereRef('c.offer_id', '=', 'o.id')
          .where('c.organisation_id', '=', commissionerId),
      ),
    );
  }
  if (filter.publicOn) query = query.where(publiclyListedOn(filter.publicOn));
  const rows = await query.orderBy('o.number').orderBy('p.name').limit(limit).execute();
  const sites = await sitesOfListings(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    id: row.id,
    status: row.status as ListingStatus,
    contractStart: row.contract_start,
    contractEnd: row.contract_end,
    offer: {
      id: row.offer_id,
      reference: offerReference(row.number),
      title: row.title,
      serviceCode: row.code,
      serviceName: row.service_name,
      leadOrganisationId: row.lead_id,
      leadName: row.lead_name,
    },
    provider: { id: row.provider_id, odsCode: row.ods_code, name: row.provider_name },
    sites: sites.get(row.id) ?? [],
  }));
}

export interface ListingChange {
  fromStatus: string | null;
  toStatus: string;
  reason: string;
  changedAt: Date;
  changedBy: string;
}

/** The append-only history of a listing, oldest first; changes with no person or key were made by the scheduled compliance run. */
export async function listingHistoryOf(db: Executor, listingId: string): Promise<ListingChange[]> {
  const rows = await db
    .selectFrom('listing_history as h')
    .leftJoin('users as u', 'u.id', 'h.changed_by_user_id')
    .leftJoin('api_keys as k', 'k.id', 'h.changed_by_api_key_id')
    .select(STATUS_HISTORY_COLUMNS)
    .where('h.listing_id', '=', listingId)
    .orderBy('h.seq')
    .execute();
  return rows.map((row) => ({
    fromStatus: row.from_status,
    toStatus: row.to_status,
    reason: row.reason,
    changedAt: row.changed_at,
    changedBy: changedByName(row, 'AQP compliance run'),
  }));
}
