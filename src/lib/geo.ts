/** Great-circle distance, the distance a choice list shows ("as the crow flies"). */
import type { LatLon } from './british-national-grid.ts';

const EARTH_RADIUS_KM = 6371.0088;
const KM_PER_MILE = 1.609344;

/** Haversine distance in kilometres between two WGS84 points. */
export function distanceKm(from: LatLon, to: LatLon): number {
  const rad = Math.PI / 180;
  const dLat = (to.latitude - from.latitude) * rad;
  const dLon = (to.longitude - from.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(from.latitude * rad) * Math.cos(to.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function kmToMiles(km: number): number {
  return km / KM_PER_MILE;
}

/** True for a coordinate inside Great Britain and its islands, a sanity check on imported rows. */
export function isInGreatBritain(point: LatLon): boolean {
  return point.latitude >= 49.8 && point.latitude <= 61 && point.longitude >= -8.7 && point.longitude <= 1.9;
}
