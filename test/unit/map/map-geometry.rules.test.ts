import { describe, expect, it } from 'vitest';
import { approximateArea, approximateAreas } from '../../../src/domains/map/map-areas.rules.ts';
import { clipRing, convexHull, doubleArea, simplify, svgPath } from '../../../src/domains/map/map-geometry.rules.ts';
import { decodeArcs, polygonRings, ringOf, type Topology } from '../../../src/domains/map/topojson.rules.ts';

const p = (x: number, y: number) => ({ x, y });
const sortedCorners = (ring: { x: number; y: number }[]) => ring.map(({ x, y }) => `${x},${y}`).sort();

describe('the convex hull that approximates a commissioner’s area', () => {
  it('keeps the corners of a square and drops the points inside it and on its edges', () => {
    const hull = convexHull([p(0, 0), p(4, 0), p(4, 4), p(0, 4), p(2, 2), p(1, 3), p(2, 0), p(4, 2)]);
    expect(sortedCorners(hull)).toEqual(['0,0', '0,4', '4,0', '4,4']);
    expect(Math.abs(doubleArea(hull))).toBe(32);
  });
  it('gives the same hull whatever order the points come in, and counts a repeated point once', () => {
    const points = [p(3, 1), p(0, 0), p(5, 5), p(1, 4), p(0, 0), p(2, 2)];
    expect(sortedCorners(convexHull(points))).toEqual(sortedCorners(convexHull([...points].reverse())));
    expect(convexHull(points)).toHaveLength(4);
  });
  it('returns what there is for fewer than three distinct points, and a flat hull for points on a line', () => {
    expect(convexHull([p(1, 1), p(1, 1)])).toEqual([p(1, 1)]);
    expect(doubleArea(convexHull([p(0, 0), p(1, 1), p(2, 2)]))).toBe(0);
  });
});

describe('a commissioner’s approximate area from its GP practices', () => {
  const practice = (subIcbId: string, icbId: string | null, latitude: number, longitude: number) => ({
    subIcbId,
    icbId,
    latitude,
    longitude,
  });

  it('draws no area around fewer than three practices or practices in a line', () => {
    expect(
      approximateArea([
        { latitude: 53, longitude: -1 },
        { latitude: 53.1, longitude: -1.1 },
      ]),
    ).toBeNull();
    expect(
      approximateArea([
        { latitude: 53, longitude: -1 },
        { latitude: 53.1, longitude: -1 },
        { latitude: 53.2, longitude: -1 },
      ]),
    ).toBeNull();
  });
  it('draws a sub-ICB location around its own practices and an ICB around all its sub-ICB locations’ practices', () => {
    const areas = approximateAreas([
      practice('A', 'ICB', 53.0, -2.0),
      practice('A', 'ICB', 53.2, -2.0),
      practice('A', 'ICB', 53.1, -1.8),
      practice('A', 'ICB', 53.1, -1.95),
      practice('B', 'ICB', 52.5, -1.0),
      practice('B', 'ICB', 52.6, -1.1),
      practice('B', 'ICB', 52.7, -0.9),
      practice('C', null, 51.0, 0.5),
      practice('C', null, 51.1, 0.6),
      practice('C', null, 51.0, 0.7),
    ]);
    expect(areas.get('A')).toMatchObject({ practices: 4 });
    expect(areas.get('A')!.outline).toHaveLength(3);
    expect(areas.get('A')!.outline).not.toContainEqual({ latitude: 53.1, longitude: -1.95 });
    expect(areas.get('ICB')).toMatchObject({ practices: 7, located: 7 });
    expect(areas.get('C')).toMatchObject({ practices: 3 });
    expect([...areas.keys()].sort()).toEqual(['A', 'B', 'C', 'ICB']);
    expect(areas.get('B')).toMatchObject({ practices: 3 });
  });
  it('leaves out a practice far from the rest, so one distant branch cannot stretch the area across England', () => {
    const halifax = [
      { latitude: 53.72, longitude: -1.86 },
      { latitude: 53.65, longitude: -1.78 },
      { latitude: 53.7, longitude: -1.95 },
      { latitude: 53.69, longitude: -1.85 },
      { latitude: 53.75, longitude: -1.9 },
    ];
    const london = { latitude: 51.5, longitude: -0.12 };
    const area = approximateArea([...halifax, london])!;
    expect(area).toMatchObject({ practices: 5, located: 6 });
    expect(area.outline).not.toContainEqual(london);
    expect(approximateArea(halifax)).toMatchObject({ practices: 5, located: 5 });
  });
});

describe('simplifying and clipping outlines', () => {
  it('keeps both ends and the corners, and drops points closer to the line than the tolerance', () => {
    const line = [p(0, 0), p(1, 0.1), p(2, -0.1), p(3, 0), p(3, 3)];
    expect(simplify(line, 0.5)).toEqual([p(0, 0), p(3, 0), p(3, 3)]);
    expect(simplify(line, 0.05)).toEqual(line);
  });
  it('cuts a ring to the box, adding the points where it crosses the edges', () => {
    const clipped = clipRing([p(-5, 2), p(5, 2), p(5, 8), p(-5, 8)], { minX: 0, minY: 0, maxX: 10, maxY: 4 });
    expect(sortedCorners(clipped)).toEqual(['0,2', '0,4', '5,2', '5,4']);
    expect(clipRing([p(20, 20), p(30, 20), p(30, 30)], { minX: 0, minY: 0, maxX: 10, maxY: 10 })).toEqual([]);
  });
  it('writes each ring as a closed SVG path to a tenth of a unit, leaving out rings of fewer than three points', () => {
    expect(
      svgPath([
        [p(1.04, 2), p(3, 4.26), p(5, 6)],
        [p(0, 0), p(1, 1)],
      ]),
    ).toBe('M1 2L3 4.3L5 6Z');
  });
});

describe('reading polygons from TopoJSON', () => {
  const topology: Topology = {
    transform: { scale: [0.5, 0.25], translate: [-2, 50] },
    arcs: [
      [
        [0, 0],
        [2, 0],
        [0, 4],
      ],
      [
        [2, 4],
        [-2, 0],
        [0, -4],
      ],
    ],
    objects: {
      countries: {
        type: 'GeometryCollection',
        geometries: [
          { type: 'Polygon', arcs: [[0, 1]], properties: { name: 'Square' } },
          { type: 'MultiPolygon', arcs: [[[~1, ~0]]], properties: { name: 'Backwards' } },
        ],
      },
    },
  };

  it('decodes quantized arcs from their differences into degrees', () => {
    expect(decodeArcs(topology)[0]).toEqual([
      [-2, 50],
      [-1, 50],
      [-1, 51],
    ]);
  });
  it('joins arcs into a ring, reversing those with negative indices and not repeating the shared points', () => {
    const arcs = decodeArcs(topology);
    expect(ringOf([0, 1], arcs)).toEqual([
      [-2, 50],
      [-1, 50],
      [-1, 51],
      [-2, 51],
      [-2, 50],
    ]);
    expect(ringOf([~1, ~0], arcs)).toEqual([
      [-2, 50],
      [-2, 51],
      [-1, 51],
      [-1, 50],
      [-2, 50],
    ]);
  });
  it('reads the rings of polygons and multipolygons, only of the geometries wanted', () => {
    const arcs = decodeArcs(topology);
    expect(polygonRings(topology, arcs, 'countries', () => true)).toHaveLength(2);
    expect(polygonRings(topology, arcs, 'countries', (geometry) => geometry.properties?.name === 'Square')).toHaveLength(1);
  });
});
