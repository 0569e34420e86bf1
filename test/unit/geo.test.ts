import { describe, expect, it } from 'vitest';
import { gridToOsgb36, gridToWgs84 } from '../../src/lib/british-national-grid.ts';
import { distanceKm, kmToMiles } from '../../src/lib/geo.ts';

const toDms = (radians: number) => {
  const degrees = Math.abs((radians * 180) / Math.PI);
  const d = Math.floor(degrees);
  const m = Math.floor((degrees - d) * 60);
  return [d, m, (degrees - d - m / 60) * 3600];
};

describe('British National Grid', () => {
  it('reproduces the Ordnance Survey worked example on OSGB36 (E 651409.903, N 313177.270)', () => {
    const { phi, lambda } = gridToOsgb36(651409.903, 313177.27);
    const [latD, latM, latS] = toDms(phi);
    const [lonD, lonM, lonS] = toDms(lambda);
    expect([latD, latM]).toEqual([52, 39]);
    expect(latS).toBeCloseTo(27.2531, 3);
    expect([lonD, lonM]).toEqual([1, 43]);
    expect(lonS).toBeCloseTo(4.5177, 3);
  });

  it('places the LS1 district centroid where the reference data says (53.79765, -1.55129)', () => {
    const point = gridToWgs84(429654, 433576);
    expect(distanceKm(point, { latitude: 53.79765, longitude: -1.55129 })).toBeLessThan(0.05);
  });
});

describe('distance', () => {
  it('measures Leeds to Manchester city centres at about 57 km (36 miles)', () => {
    const km = distanceKm({ latitude: 53.79546, longitude: -1.55572 }, { latitude: 53.48347, longitude: -2.23118 });
    expect(km).toBeGreaterThan(55);
    expect(km).toBeLessThan(59);
    expect(kmToMiles(km)).toBeCloseTo(km / 1.609344, 10);
  });

  it('is zero from a point to itself and symmetric', () => {
    const a = { latitude: 51.50101, longitude: -0.14159 };
    const b = { latitude: 49.92255, longitude: -6.28311 };
    expect(distanceKm(a, a)).toBe(0);
    expect(distanceKm(a, b)).toBeCloseTo(distanceKm(b, a), 9);
  });
});
