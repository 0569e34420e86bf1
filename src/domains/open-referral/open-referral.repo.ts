/** Reads for the Open Referral UK feed: live listings (on a public offer, contract running) with their providers and open sites, a page at a time. */
import type { Executor } from '../../db/executor.ts';
import { escapeLike } from '../identity/organisation.repo.ts';
import { offerReference } from '../offers/offer.repo.ts';
import { publiclyListedOn } from '../listings/public-listing.repo.ts';
import { type OpeningHours, openingHoursFrom } from '../providers/opening-times.rules.ts';

export interface LiveFilter {
  today: string;
  serviceCodes?: readonly string[];
  search?: string;
  coveredCommissionerId?: string;
  listingIds?: readonly string[];
  providerIds?: readonly string[];
}

export interface PageWindow {
  limit: number;
  offset: number;
}

export interface OrukProvider {
  id: string;
  odsCode: string | null;
  name: string;
  description: string;
  website: string | null;
  email: string | null;
  companiesHouseNumber: string | null;
  charityNumber: string | null;
}

export interface OrukListing {
  listingId: string;
  offerId: string;
  offerReference: string;
  offerTitle: string;
  serviceCode: string;
  serviceName: string;
  contractStart: string | null;
  updatedAt: Date;
  provider: OrukProvider;
}

export interface OrukSite {
  listingId: string;
  id: string;
  name: string;
  siteCode: string | null;
  address: string | null;
  postcode: string;
  latitude: number;
  longitude: number;
  deliveryMode: string;
  accessibility: string;
  openingTimes: OpeningHours[];
  provider: { id: string; odsCode: string | null };
}

/** Live listings matching the filter: the only listings the feed ever shows (never suspended, withdrawn, expired or not yet started). */
export function liveListingsQuery(db: Executor, filter: LiveFilter) {
  let query = db
    .selectFrom('listings as l')
    .innerJoin('offers as o', 'o.id', 'l.offer_id')
    .innerJoin('services as s', 's.id', 'o.service_id')
    .innerJoin('organisations as p', 'p.id', 'l.provider_organisation_id')
    .where(publiclyListedOn(filter.today));
  if (filter.serviceCodes) query = query.where('s.code', 'in', filter.serviceCodes.length ? [...filter.serviceCodes] : ['']);
  if (filter.listingIds) query = query.where('l.id', 'in', filter.listingIds.length ? [...filter.listingIds] : [null as never]);
  if (filter.providerIds) query = query.where('p.id', 'in', filter.providerIds.length ? [...filter.providerIds] : [null as never]);
  if (filter.search) {
    const pattern = `%${escapeLike(filter.search.toLowerCase())}%`;
    query = query.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['s.name']), 'like', pattern),
        eb(eb.fn('lower', [eb.fn.coalesce('s.public_name', 's.name')]), 'like', pattern),
        eb(eb.fn('lower', ['p.name']), 'like', pattern),
      ]),
    );
  }
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
  return query;
}

/** How many live listings match. */
export async function countLiveListings(db: Executor, filter: LiveFilter): Promise<number> {
  const row = await liveListingsQuery(db, filter)
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  return Number(row.total);
}

/** Live listings with their providers, by service name, provider name and offer; one page when a window is given. */
export async function liveListings(db: Executor, filter: LiveFilter, window?: PageWindow): Promise<OrukListing[]> {
  let query = liveListingsQuery(db, filter)
    .leftJoin('provider_profiles as pp', 'pp.organisation_id', 'p.id')
    .select([
      'l.id',
      'l.contract_start',
      'l.updated_at',
      'o.id as offer_id',
      'o.number',
      'o.title',
      's.code',
      's.name as service_name',
      's.public_name',
      'p.id as provider_id',
      'p.ods_code',
      'p.name as provider_name',
      'pp.description',
      'pp.website',
      'pp.email',
      'pp.companies_house_number',
      'pp.charity_number',
    ])
    .orderBy('s.name')
    .orderBy('p.name')
    .orderBy('o.number')
    .orderBy('l.id');
  if (window) query = query.limit(window.limit).offset(window.offset);
  const rows = await query.execute();
  return rows.map((row) => ({
    listingId: row.id,
    offerId: row.offer_id,
    offerReference: offerReference(row.number),
    offerTitle: row.title,
    serviceCode: row.code,
    serviceName: row.public_name ?? row.service_name,
    contractStart: row.contract_start,
    updatedAt: row.updated_at,
    provider: {
      id: row.provider_id,
      odsCode: row.ods_code,
      name: row.provider_name,
      description: row.description ?? '',
      website: row.website ?? null,
      email: row.email ?? null,
      companiesHouseNumber: row.companies_house_number ?? null,
      charityNumber: row.charity_number ?? null,
    },
  }));
}

/** The open sites of live listings matching the filter. */
export function liveSitesQuery(db: Executor, filter: LiveFilter) {
  return liveListingsQuery(db, filter)
    .innerJoin('listing_sites as ls', 'ls.listing_id', 'l.id')
    .innerJoin('sites as st', 'st.id', 'ls.site_id')
    .where('st.closed_on', 'is', null);
}

/** How many (live listing, open site) pairs match: the feed's service_at_locations. */
export async function countLiveListingSites(db: Executor, filter: LiveFilter): Promise<number> {
  const row = await liveSitesQuery(db, filter)
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  return Number(row.total);
}

/** The open sites of live listings, by provider, site and service name; one page when a window is given. */
export async function liveListingSites(db: Executor, filter: LiveFilter, window?: PageWindow): Promise<OrukSite[]> {
  let query = liveSitesQuery(db, filter)
    .select([
      'l.id as listing_id',
      'st.id',
      'st.name',
      'st.site_code',
      'st.address',
      'st.postcode',
      'st.latitude',
      'st.longitude',
      'st.delivery_mode',
      'st.accessibility',
      'st.opening_times',
      'p.id as provider_id',
      'p.ods_code',
    ])
    .orderBy('p.name')
    .orderBy('st.name')
    .orderBy('s.name')
    .orderBy('o.number')
    .orderBy('l.id');
  if (window) query = query.limit(window.limit).offset(window.offset);
  const rows = await query.execute();
  return rows.map((row) => ({
    listingId: row.listing_id,
    id: row.id,
    name: row.name,
    siteCode: row.site_code,
    address: row.address,
    postcode: row.postcode,
    latitude: row.latitude,
    longitude: row.longitude,
    deliveryMode: row.delivery_mode,
    accessibility: row.accessibility,
    openingTimes: openingHoursFrom(row.opening_times),
    provider: { id: row.provider_id, odsCode: row.ods_code },
  }));
}

/** The commissioners each offer covers (its service area), in one query. */
export async function offerCoverage(db: Executor, offerIds: readonly string[]): Promise<Map<string, { id: string; name: string }[]>> {
  const byOffer = new Map<string, { id: string; name: string }[]>(offerIds.map((id) => [id, []]));
  if (offerIds.length === 0) return byOffer;
  const rows = await db
    .selectFrom('offer_commissioners as c')
    .innerJoin('organisations as g', 'g.id', 'c.organisation_id')
    .select(['c.offer_id', 'g.id', 'g.name'])
    .where('c.offer_id', 'in', [...offerIds])
    .orderBy('g.name')
    .execute();
  for (const row of rows) byOffer.get(row.offer_id)?.push({ id: row.id, name: row.name });
  return byOffer;
}
