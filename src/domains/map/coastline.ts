/**
 * The land the AQP map is drawn on (decisions 0059 and 0061): Natural Earth's 1:50m country outlines (public domain), read once from
 * the world-atlas package in node_modules, projected with the map's projection, simplified and clipped to the map's box; England's
 * land borders with Wales and Scotland from country-coder's region outlines.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Box, clipRing, simplify, svgPath } from './map-geometry.rules.ts';
import { ENGLAND_BOUNDS, MAP_HEIGHT, MAP_WIDTH, projectAnywhere } from './map-projection.presenter.ts';
import { englandRegion } from './england-region.ts';
import { decodeArcs, type LonLat, polygonRings, type Topology } from './topojson.rules.ts';

/** Natural Earth's name for the country England is part of: its admin-0 countries do not separate England from Wales and Scotland. */
export const UNITED_KINGDOM = 'United Kingdom';
/** Points closer than this (in SVG units, the map being 400 wide) to the line kept are dropped. */
export const SIMPLIFY_TOLERANCE = 0.35;
const VIEW_BOX: Box = { minX: 0, minY: 0, maxX: MAP_WIDTH, maxY: MAP_HEIGHT };

export interface Coastline {
  /** The United Kingdom's land within the map's box, as SVG path data. */
  unitedKingdom: string;
  /** England's region (its land borders, and lines out at sea), as SVG path data: England is the United Kingdom's land inside it. */
  englandRegion: string;
  /** Neighbouring land in the box (Ireland, France, the Isle of Man, the Channel Islands), drawn paler. */
  neighbours: string;
}

/** Whether a ring in degrees comes near the map's box (a cheap test before projecting it). */
function nearEngland(ring: readonly LonLat[]): boolean {
  const margin = 1;
  return ring.some(
    ([longitude, latitude]) =>
      longitude >= ENGLAND_BOUNDS.west - margin &&
      longitude <= ENGLAND_BOUNDS.east + margin &&
      latitude >= ENGLAND_BOUNDS.south - margin &&
      latitude <= ENGLAND_BOUNDS.north + margin,
  );
}

/** Rings in degrees as one SVG path: projected, simplified and clipped to the map. */
export function landPath(rings: readonly LonLat[][]): string {
  return svgPath(
    rings.filter(nearEngland).map((ring) =>
      clipRing(
        simplify(
          ring.map(([longitude, latitude]) => projectAnywhere(latitude, longitude)),
          SIMPLIFY_TOLERANCE,
        ),
        VIEW_BOX,
      ),
    ),
  );
}

/** A region's rings in degrees as one SVG path, projected and clipped to the map, not simplified (its borders are already coarse). */
export function regionPath(rings: readonly LonLat[][]): string {
  return svgPath(
    rings.map((ring) =>
      clipRing(
        ring.map(([longitude, latitude]) => projectAnywhere(latitude, longitude)),
        VIEW_BOX,
      ),
    ),
  );
}

/** The coastline from a topology: the United Kingdom apart from its neighbours. */
export function coastlineOf(topology: Topology): Coastline {
  const arcs = decodeArcs(topology);
  const isUk = (name: string | undefined) => name === UNITED_KINGDOM;
  return {
    unitedKingdom: landPath(polygonRings(topology, arcs, 'countries', (geometry) => isUk(geometry.properties?.name))),
    neighbours: landPath(polygonRings(topology, arcs, 'countries', (geometry) => !isUk(geometry.properties?.name))),
    englandRegion: regionPath(englandRegion()),
  };
}

let loaded: Coastline | undefined;

/** The coastline, read from the package the first time a map is drawn and kept for the life of the process. */
export function coastline(): Coastline {
  loaded ??= coastlineOf(
    JSON.parse(readFileSync(createRequire(import.meta.url).resolve('world-atlas/countries-50m.json'), 'utf8')) as Topology,
  );
  return loaded;
}
