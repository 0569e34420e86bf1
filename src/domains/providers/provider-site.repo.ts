/** Queries over a provider's own sites, with the details the profile pages show. */
import type { Executor } from '../../db/executor.ts';
import { type OpeningHours, openingHoursFrom } from './opening-times.rules.ts';
import type { DeliveryMode, SiteDetails } from './provider-site.rules.ts';

export interface ProviderSite extends SiteDetails {
  id: string;
  organisationId: string;
  postcode: string;
  latitude: number;
  longitude: number;
  closedOn: string | null;
}

export interface PlacedSite extends SiteDetails {
  postcode: string;
  latitude: number;
  longitude: number;
}

function sitesQuery(db: Executor) {
  return db
    .selectFrom('sites')
    .select([
      'id',
      'organisation_id',
      'name',
      'site_code',
      'address',
      'postcode',
      'latitude',
      'longitude',
      'closed_on',
      'delivery_mode',
      'accessibility',
      'opening_times',
      'phone',
    ]);
}

type SiteRow = Awaited<ReturnType<ReturnType<typeof sitesQuery>['executeTakeFirstOrThrow']>>;

function toSite(row: SiteRow): ProviderSite {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    name: row.name,
    siteCode: row.site_code,
    address: row.address ?? '',
    postcode: row.postcode,
    latitude: row.latitude,
    longitude: row.longitude,
    closedOn: row.closed_on,
    deliveryMode: row.delivery_mode as DeliveryMode,
    accessibility: row.accessibility,
    openingTimes: openingHoursFrom(row.opening_times) as OpeningHours[],
    phone: row.phone,
  };
}

/** A provider's sites, open ones first, then by name. */
export async function sitesOfProvider(db: Executor, organisationId: string): Promise<ProviderSite[]> {
  const rows = await sitesQuery(db)
    .where('organisation_id', '=', organisationId)
    .orderBy('closed_on', 'desc')
    .orderBy('name')
    .limit(500)
    .execute();
  return rows.map(toSite);
}

/** One of a provider's sites; another provider's site does not exist for it. */
export async function findProviderSite(db: Executor, organisationId: string, id: string): Promise<ProviderSite | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const row = await sitesQuery(db).where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
  return row ? toSite(row) : undefined;
}

/** Sites by id with their details (opening times, accessibility, telephone), for public pages listing sites of several providers. */
export async function sitesByIds(db: Executor, ids: readonly string[]): Promise<Map<string, ProviderSite>> {
  if (ids.length === 0) return new Map();
  const rows = await sitesQuery(db)
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((row) => [row.id, toSite(row)]));
}

/** True when the provider already has another site of this name (names are unique per provider). */
export async function siteNameTaken(db: Executor, organisationId: string, name: string, exceptId?: string): Promise<boolean> {
  let query = db
    .selectFrom('sites')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()));
  if (exceptId) query = query.where('id', '<>', exceptId);
  return Boolean(await query.executeTakeFirst());
}

function columnsOf(site: PlacedSite) {
  return {
    name: site.name,
    site_code: site.siteCode,
    address: site.address,
    postcode: site.postcode,
    latitude: site.latitude,
    longitude: site.longitude,
    delivery_mode: site.deliveryMode,
    accessibility: site.accessibility,
    opening_times: JSON.stringify(site.openingTimes),
    phone: site.phone,
  };
}

/** Adds a site to a provider. */
export async function insertProviderSite(trx: Executor, organisationId: string, site: PlacedSite): Promise<string> {
  const row = await trx
    .insertInto('sites')
    .values({ organisation_id: organisationId, ...columnsOf(site) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Replaces a site's details and place. */
export async function updateProviderSite(trx: Executor, id: string, site: PlacedSite): Promise<void> {
  await trx.updateTable('sites').set(columnsOf(site)).where('id', '=', id).execute();
}

/** Closes a site from a date; it stays on record but is no longer offered. */
export async function closeProviderSite(trx: Executor, id: string, on: string): Promise<void> {
  await trx.updateTable('sites').set({ closed_on: on }).where('id', '=', id).execute();
}
