/** "Near a point" for directory searches (FHIR `near`): a box the database can cut with, then the true distance, nearest first. */
import type { LatLon } from '../../lib/british-national-grid.ts';
import { distanceKm } from '../../lib/geo.ts';

export interface Near extends LatLon {
  km: number;
}

const KM_PER_DEGREE_LATITUDE = 111.2;

/** A latitude/longitude box holding every point within `km` of the centre (a little larger, never smaller). */
export function boxAround(near: Near): { south: number; north: number; west: number; east: number } {
  const latitudeSpan = near.km / KM_PER_DEGREE_LATITUDE;
  const cosine = Math.max(Math.cos((Math.min(89, Math.abs(near.latitude) + latitudeSpan) * Math.PI) / 180), 0.01);
  const longitudeSpan = Math.min(180, latitudeSpan / cosine);
  return {
    south: near.latitude - latitudeSpan,
    north: near.latitude + latitudeSpan,
    west: near.longitude - longitudeSpan,
    east: near.longitude + longitudeSpan,
  };
}

/** The items within `km` of the point, nearest first (ties keep their order). */
export function nearestWithin<T>(near: Near, items: readonly T[], pointOf: (item: T) => LatLon): T[] {
  return items
    .map((item, index) => ({ item, index, km: distanceKm(near, pointOf(item)) }))
    .filter((placed) => placed.km <= near.km)
    .sort((a, b) => a.km - b.km || a.index - b.index)
    .map((placed) => placed.item);
}
