/** The feed's UUIDs (decision 0064): version 5 UUIDs of each object's natural key in AQP's own namespace, so they survive restarts and re-seeding. */
import { uuidV5 } from '../../lib/uuid-v5.ts';

/** AQP's namespace for Open Referral UK ids: fixed for ever, since changing it changes every id a directory holds. */
export const ORUK_NAMESPACE = '889d8331-03f3-45c3-973b-b8e77f5a8f61';

/** The one taxonomy the feed publishes: the national service catalogue. */
export const CATALOGUE_TAXONOMY_KEY = 'taxonomy:aqp-national-service-catalogue';

export interface OrganisationKey {
  id: string;
  odsCode: string | null;
}

const idOf = (key: string) => uuidV5(key, ORUK_NAMESPACE);

/** An organisation's key: its ODS code, which outlives our database; our own id only for the rare provider without one. */
export function organisationKey(organisation: OrganisationKey): string {
  return organisation.odsCode ? `ods:${organisation.odsCode.toUpperCase()}` : `aqp:${organisation.id}`;
}

/** The ORUK organization id of a provider. */
export function organizationUuid(organisation: OrganisationKey): string {
  return idOf(`organization:${organisationKey(organisation)}`);
}

/** The ORUK service id of a live listing: its offer's reference and its provider. */
export function serviceUuid(listing: { offerReference: string; provider: OrganisationKey }): string {
  return idOf(`service:${listing.offerReference}:${organisationKey(listing.provider)}`);
}

/** The ORUK location id of a site: its ODS site code, else its name, which is unique within its provider. */
export function locationUuid(site: { siteCode: string | null; name: string; provider: OrganisationKey }): string {
  const within = site.siteCode ? `site-code:${site.siteCode.toUpperCase()}` : `name:${site.name}`;
  return idOf(`location:${organisationKey(site.provider)}:${within}`);
}

/** The ORUK service_at_location id: the service at the location. */
export function serviceAtLocationUuid(serviceId: string, locationId: string): string {
  return idOf(`service-at-location:${serviceId}:${locationId}`);
}

/** The id of the catalogue taxonomy. */
export function catalogueTaxonomyUuid(): string {
  return idOf(CATALOGUE_TAXONOMY_KEY);
}

/** The id of a catalogue service's taxonomy term: its code on the national list. */
export function taxonomyTermUuid(serviceCode: string): string {
  return idOf(`taxonomy-term:${serviceCode}`);
}

/** The id of a part of an object (an address, a schedule, a service area): the parent's id with what the part is. */
export function partUuid(parentId: string, part: string): string {
  return idOf(`${parentId}/${part}`);
}
