/** Each commissioner's area on the map, approximated from where its GP practices are (decision 0059): a hull, never its legal boundary. */
import { convexHull, doubleArea } from './map-geometry.rules.ts';

export interface PracticeLocation {
  subIcbId: string;
  icbId: string | null;
  latitude: number;
  longitude: number;
}

export interface ApproximateArea {
  /** The hull's corners in degrees, in order. */
  outline: { latitude: number; longitude: number }[];
  /** How many practices it was drawn around. */
  practices: number;
}

/** The convex hull of the practices' locations, or null when fewer than three distinct places enclose no area. */
export function approximateArea(practices: readonly { latitude: number; longitude: number }[]): ApproximateArea | null {
  // Longitude and latitude as plane coordinates: the map's projection is affine in both, so the hull's corners are the same.
  const hull = convexHull(practices.map((practice) => ({ x: practice.longitude, y: practice.latitude })));
  if (hull.length < 3 || doubleArea(hull) === 0) return null;
  return { outline: hull.map((corner) => ({ latitude: corner.y, longitude: corner.x })), practices: practices.length };
}

/** Areas by organisation id: a sub-ICB location's from its own practices, an ICB's from every practice of its sub-ICB locations. */
export function approximateAreas(practices: readonly PracticeLocation[]): Map<string, ApproximateArea> {
  const byOrganisation = new Map<string, PracticeLocation[]>();
  for (const practice of practices) {
    for (const id of [practice.subIcbId, practice.icbId]) {
      if (!id) continue;
      const located = byOrganisation.get(id) ?? [];
      located.push(practice);
      byOrganisation.set(id, located);
    }
  }
  const areas = new Map<string, ApproximateArea>();
  for (const [id, located] of byOrganisation) {
    const area = approximateArea(located);
    if (area) areas.set(id, area);
  }
  return areas;
}
