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
  /** How many practices it was drawn around, and how many it has with a location. */
  practices: number;
  located: number;
}

type Place = { latitude: number; longitude: number };

/** A practice this many times further from the middle than the median practice is an outlier (a far branch or a digital-first site). */
export const OUTLIER_FACTOR = 3;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** The practices near the rest: within OUTLIER_FACTOR times the median distance from the median place, so one far practice cannot stretch the area across England. */
export function withoutOutliers<T extends Place>(practices: readonly T[]): T[] {
  if (practices.length < 4) return [...practices];
  const centre = { latitude: median(practices.map((p) => p.latitude)), longitude: median(practices.map((p) => p.longitude)) };
  const squash = Math.cos((centre.latitude * Math.PI) / 180);
  const distance = (p: Place) => Math.hypot(p.latitude - centre.latitude, (p.longitude - centre.longitude) * squash);
  const limit = OUTLIER_FACTOR * median(practices.map(distance));
  return practices.filter((practice) => distance(practice) <= limit);
}

/** The hull around the practices kept, or null when fewer than three distinct places enclose no area. */
function areaAround(near: readonly Place[], located: number): ApproximateArea | null {
  // Longitude and latitude as plane coordinates: the map's projection is affine in both, so the hull's corners are the same.
  const hull = convexHull(near.map((practice) => ({ x: practice.longitude, y: practice.latitude })));
  if (hull.length < 3 || doubleArea(hull) === 0) return null;
  return { outline: hull.map((corner) => ({ latitude: corner.y, longitude: corner.x })), practices: near.length, located };
}

/** The convex hull of one commissioner's practices without outliers, or null when they enclose no area. */
export function approximateArea(practices: readonly Place[]): ApproximateArea | null {
  return areaAround(withoutOutliers(practices), practices.length);
}

/** Areas by organisation id: a sub-ICB location's from its own practices, an ICB's from the practices its sub-ICB locations kept. */
export function approximateAreas(practices: readonly PracticeLocation[]): Map<string, ApproximateArea> {
  const bySubIcb = new Map<string, PracticeLocation[]>();
  for (const practice of practices) {
    const group = bySubIcb.get(practice.subIcbId) ?? [];
    group.push(practice);
    bySubIcb.set(practice.subIcbId, group);
  }
  const byIcb = new Map<string, { near: PracticeLocation[]; located: number }>();
  const areas = new Map<string, ApproximateArea>();
  for (const [subIcbId, located] of bySubIcb) {
    const near = withoutOutliers(located);
    const area = areaAround(near, located.length);
    if (area) areas.set(subIcbId, area);
    const icbId = located[0]!.icbId;
    if (!icbId) continue;
    const icb = byIcb.get(icbId) ?? { near: [], located: 0 };
    icb.near.push(...near);
    icb.located += located.length;
    byIcb.set(icbId, icb);
  }
  for (const [icbId, icb] of byIcb) {
    const area = areaAround(icb.near, icb.located);
    if (area) areas.set(icbId, area);
  }
  return areas;
}
