/** A provider's site as an ORUK location: a physical place with its address, accessibility and, for the service there, its opening times as weekly schedules. */
import { type OpeningHours, WEEKDAYS } from '../providers/opening-times.rules.ts';
import { locationUuid, partUuid } from './oruk-ids.rules.ts';
import type { OrukSite } from './open-referral.repo.ts';

const DELIVERY_WORDS: Record<string, string> = {
  clinic: 'Care is given at this clinic.',
  domiciliary: 'Care is given in patients’ homes from this base.',
  both: 'Care is given at this clinic or in patients’ homes.',
};

const BYDAY: Record<(typeof WEEKDAYS)[number], string> = {
  monday: 'MO',
  tuesday: 'TU',
  wednesday: 'WE',
  thursday: 'TH',
  friday: 'FR',
  saturday: 'SA',
  sunday: 'SU',
};

/** The site's location id. */
export function locationIdOf(site: Pick<OrukSite, 'siteCode' | 'name' | 'provider'>): string {
  return locationUuid({ siteCode: site.siteCode, name: site.name, provider: site.provider });
}

/** The one-to-one fields of a location, as service_at_location lists carry them; the ODS site code as its external identifier. */
export function locationOf(site: OrukSite) {
  return {
    id: locationIdOf(site),
    location_type: 'physical' as const,
    name: site.name,
    description: DELIVERY_WORDS[site.deliveryMode] ?? DELIVERY_WORDS.clinic!,
    latitude: site.latitude,
    longitude: site.longitude,
    ...(site.siteCode ? { external_identifier: site.siteCode, external_identifier_type: 'ODS site code' } : {}),
  };
}

/**
 * The site's address in ORUK's parts. AQP keeps one line ("12 Commercial Street, Halifax"): its last part is the town, the rest the
 * first line; a one-part address is the first line with no town. AQP serves England, which stands as the state or province.
 */
export function addressOf(site: OrukSite) {
  const parts = (site.address ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const town = parts.length > 1 ? parts.pop()! : '';
  const locationId = locationIdOf(site);
  return {
    id: partUuid(locationId, 'address'),
    location_id: locationId,
    address_1: parts.join(', ') || site.name,
    city: town,
    state_province: 'England',
    postal_code: site.postcode,
    country: 'GB',
    address_type: 'physical' as const,
  };
}

/** A location with its address and accessibility, as a fully nested service carries it. */
export function fullLocationOf(site: OrukSite) {
  const location = locationOf(site);
  const accessibility = site.accessibility.trim()
    ? [{ id: partUuid(location.id, 'accessibility'), location_id: location.id, description: site.accessibility.trim() }]
    : [];
  return { ...location, addresses: [addressOf(site)], accessibility };
}

/** Opening hours as weekly schedules, one per distinct pair of times (Monday to Friday 09:00–17:00 is one schedule), days in week order. */
export function schedulesOf(hours: readonly OpeningHours[], serviceId: string, serviceAtLocationId: string) {
  const byTimes = new Map<string, OpeningHours[]>();
  const inWeekOrder = [...hours].sort((a, b) => WEEKDAYS.indexOf(a.day) - WEEKDAYS.indexOf(b.day));
  for (const day of inWeekOrder) byTimes.set(`${day.opens}-${day.closes}`, [...(byTimes.get(`${day.opens}-${day.closes}`) ?? []), day]);
  return [...byTimes].map(([times, days]) => ({
    id: partUuid(serviceAtLocationId, `schedule:${times}`),
    service_id: serviceId,
    service_at_location_id: serviceAtLocationId,
    freq: 'WEEKLY' as const,
    interval: 1,
    byday: days.map((day) => BYDAY[day.day]).join(','),
    opens_at: `${days[0]!.opens}:00`,
    closes_at: `${days[0]!.closes}:00`,
    description: 'Opening hours as the provider keeps them; bank holidays may differ.',
  }));
}
