/** The SVG map of commissioner locations: an equirectangular projection of England and the key that sizes and colours each circle. */
import type { Point } from './map-geometry.rules.ts';
import { type MapCommissioner, servicesOfferedBy } from './map.rules.ts';

/** England's bounding box; points outside it are listed as not on the map. */
export const ENGLAND_BOUNDS = { south: 49.8, north: 55.9, west: -6.5, east: 1.9 } as const;
export const MAP_WIDTH = 400;
const PADDING = 12;
const COS_MID_LATITUDE = Math.cos((((ENGLAND_BOUNDS.north + ENGLAND_BOUNDS.south) / 2) * Math.PI) / 180);
const SCALE = (MAP_WIDTH - 2 * PADDING) / ((ENGLAND_BOUNDS.east - ENGLAND_BOUNDS.west) * COS_MID_LATITUDE);
export const MAP_HEIGHT = Math.round((ENGLAND_BOUNDS.north - ENGLAND_BOUNDS.south) * SCALE + 2 * PADDING);

/** The map's projection for any coordinate, inside the box or not, unrounded: outlines are projected, then simplified and clipped. */
export function projectAnywhere(latitude: number, longitude: number): Point {
  return {
    x: PADDING + (longitude - ENGLAND_BOUNDS.west) * COS_MID_LATITUDE * SCALE,
    y: PADDING + (ENGLAND_BOUNDS.north - latitude) * SCALE,
  };
}

/** Projects a coordinate to SVG x/y (y grows southwards), or undefined when it is missing or outside England. */
export function project(latitude: number | null, longitude: number | null): Point | undefined {
  if (latitude === null || longitude === null || !Number.isFinite(latitude) || !Number.isFinite(longitude)) return undefined;
  const { south, north, west, east } = ENGLAND_BOUNDS;
  if (latitude < south || latitude > north || longitude < west || longitude > east) return undefined;
  const round = (value: number) => Math.round(value * 10) / 10;
  const at = projectAnywhere(latitude, longitude);
  return { x: round(at.x), y: round(at.y) };
}

export interface KeyBand {
  label: string;
  radius: number;
  fill: string;
  stroke: string;
  min: number;
  max: number;
}

/** Bands of "services offered": each bigger and darker than the last, and none drawn hollow, so colour is never the only cue. */
export const KEY_BANDS: readonly KeyBand[] = [
  { label: 'No services', radius: 3, fill: '#ffffff', stroke: '#4c6272', min: 0, max: 0 },
  { label: '1 service', radius: 4.5, fill: '#768692', stroke: '#425563', min: 1, max: 1 },
  { label: '2 or 3 services', radius: 6, fill: '#005eb8', stroke: '#003087', min: 2, max: 3 },
  { label: '4 or more services', radius: 8, fill: '#003087', stroke: '#002060', min: 4, max: Number.POSITIVE_INFINITY },
];

/** The key band a number of services offered falls in. */
export function bandFor(servicesOffered: number): KeyBand {
  return KEY_BANDS.find((band) => servicesOffered >= band.min && servicesOffered <= band.max) ?? KEY_BANDS[0]!;
}

/** "1 service offered", "3 services offered". */
export function servicesPhrase(count: number): string {
  return `${count} ${count === 1 ? 'service' : 'services'} offered`;
}

/** Circles to draw (smallest last so they stay visible on top) and the commissioners that cannot be placed. */
export function mapView(commissioners: readonly MapCommissioner[]) {
  const points = [];
  const unplaced = [];
  for (const commissioner of commissioners) {
    const count = servicesOfferedBy(commissioner).length;
    const at = project(commissioner.latitude, commissioner.longitude);
    if (!at) {
      unplaced.push({ name: commissioner.name, odsCode: commissioner.odsCode, count, offered: servicesPhrase(count) });
      continue;
    }
    const band = bandFor(count);
    points.push({
      ...at,
      r: band.radius,
      fill: band.fill,
      stroke: band.stroke,
      title: `${commissioner.name}: ${servicesPhrase(count)}`,
      count,
    });
  }
  points.sort((a, b) => b.count - a.count);
  return {
    width: MAP_WIDTH,
    height: MAP_HEIGHT,
    points,
    unplaced,
    key: KEY_BANDS.map((band) => ({ label: band.label, radius: band.radius, fill: band.fill, stroke: band.stroke })),
  };
}
