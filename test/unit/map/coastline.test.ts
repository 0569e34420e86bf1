import { describe, expect, it } from 'vitest';
import { coastline } from '../../../src/domains/map/coastline.ts';
import { MAP_HEIGHT, MAP_WIDTH, project, projectAnywhere } from '../../../src/domains/map/map-projection.presenter.ts';

type Ring = { x: number; y: number }[];

/** The rings of an SVG path written as "M x yL x y…Z". */
function ringsOf(path: string): Ring[] {
  return path
    .split('Z')
    .filter(Boolean)
    .map((ring) =>
      ring
        .slice(1)
        .split('L')
        .map((pair) => {
          const [x, y] = pair.split(' ').map(Number);
          return { x: x!, y: y! };
        }),
    );
}

/** Even–odd rule: inside when a ray to the right crosses the outline an odd number of times. */
function isOnLand(rings: Ring[], point: { x: number; y: number }): boolean {
  let inside = false;
  for (const ring of rings)
    for (let index = 0, previous = ring.length - 1; index < ring.length; previous = index++) {
      const [a, b] = [ring[index]!, ring[previous]!];
      if (a.y > point.y !== b.y > point.y && point.x < ((b.x - a.x) * (point.y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
    }
  return inside;
}

describe('the projection outlines and areas share with the circles', () => {
  it('places a point inside England where the circles go, and carries on past the box for outlines to be clipped', () => {
    const leeds = projectAnywhere(53.8, -1.549);
    expect(project(53.8, -1.549)).toEqual({ x: Math.round(leeds.x * 10) / 10, y: Math.round(leeds.y * 10) / 10 });
    expect(project(58.6, -3.1)).toBeUndefined();
    expect(projectAnywhere(58.6, -3.1).y).toBeLessThan(0);
  });
});

describe('the coastline from Natural Earth', () => {
  const land = coastline();
  const uk = ringsOf(land.unitedKingdom);
  const onLand = (latitude: number, longitude: number) => isOnLand(uk, projectAnywhere(latitude, longitude));

  it('puts English towns on the United Kingdom’s land and the seas around it off it', () => {
    for (const [latitude, longitude] of [
      [53.8, -1.549], // Leeds
      [51.507, -0.128], // London
      [50.266, -5.052], // Truro
      [54.978, -1.617], // Newcastle upon Tyne
      [52.628, 1.293], // Norwich
    ])
      expect(onLand(latitude!, longitude!), `${latitude}, ${longitude}`).toBe(true);
    for (const [latitude, longitude] of [
      [54.5, 1.5], // North Sea
      [50.3, -1.5], // English Channel
      [53.8, -4.8], // Irish Sea
    ])
      expect(onLand(latitude!, longitude!), `${latitude}, ${longitude}`).toBe(false);
  });
  it('draws England as the United Kingdom’s land inside country-coder’s England region, leaving Wales and Scotland out', () => {
    const region = ringsOf(land.englandRegion);
    const inEngland = (latitude: number, longitude: number) =>
      onLand(latitude, longitude) && isOnLand(region, projectAnywhere(latitude, longitude));
    for (const [latitude, longitude] of [
      [53.8, -1.549], // Leeds
      [50.266, -5.052], // Truro
      [54.891, -2.933], // Carlisle
      [55.771, -2.007], // Berwick-upon-Tweed
      [53.193, -2.893], // Chester
      [52.056, -2.716], // Hereford
      [50.693, -1.304], // Newport, Isle of Wight
    ])
      expect(inEngland(latitude!, longitude!), `${latitude}, ${longitude}`).toBe(true);
    for (const [latitude, longitude] of [
      [51.481, -3.179], // Cardiff
      [52.415, -4.083], // Aberystwyth
      [52.911, -3.598], // Bala
      [55.07, -3.605], // Dumfries
      [55.422, -2.787], // Hawick
    ]) {
      expect(onLand(latitude!, longitude!), `${latitude}, ${longitude} on land`).toBe(true);
      expect(inEngland(latitude!, longitude!), `${latitude}, ${longitude} not in England`).toBe(false);
    }
  });
  it('stays inside the picture, and light: under 8,000 characters of path for the United Kingdom', () => {
    const corners = uk.flat();
    expect(Math.min(...corners.map((point) => point.x))).toBeGreaterThanOrEqual(0);
    expect(Math.max(...corners.map((point) => point.x))).toBeLessThanOrEqual(MAP_WIDTH);
    expect(Math.max(...corners.map((point) => point.y))).toBeLessThanOrEqual(MAP_HEIGHT);
    expect(land.unitedKingdom.length).toBeLessThan(8000);
    expect(land.neighbours.length).toBeGreaterThan(0);
  });
});
