import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type IndexedSite, nearestByScan, SiteIndex } from '../../src/domains/directory/site-index.ts';

const gbPoint = fc.record({
  latitude: fc.double({ min: 50, max: 58.5, noNaN: true }),
  longitude: fc.double({ min: -5.5, max: 1.7, noNaN: true }),
});
const sites = fc
  .array(gbPoint, { minLength: 1, maxLength: 300 })
  .map((points) => points.map((point, index): IndexedSite => ({ siteId: `s${index}`, organisationId: `o${index % 7}`, ...point })));

describe('the nearest-site index', () => {
  it('finds the same nearest sites, at the same distances, as measuring every site', () => {
    fc.assert(
      fc.property(sites, gbPoint, fc.integer({ min: 1, max: 20 }), (all, point, limit) => {
        const fromIndex = new SiteIndex(all).nearest(point, limit).map((site) => site.distanceKm);
        const fromScan = nearestByScan(all, point, limit).map((site) => site.distanceKm);
        expect(fromIndex.length).toBe(fromScan.length);
        fromIndex.forEach((km, i) => expect(km).toBeCloseTo(fromScan[i]!, 6));
      }),
      { numRuns: 200 },
    );
  });

  it('filters by organisation and distance, nearest first', () => {
    const index = new SiteIndex([
      { siteId: 'halifax', organisationId: 'a', latitude: 53.72436, longitude: -1.8607 },
      { siteId: 'huddersfield', organisationId: 'b', latitude: 53.65547, longitude: -1.81634 },
      { siteId: 'wakefield', organisationId: 'a', latitude: 53.69242, longitude: -1.48856 },
      { siteId: 'london', organisationId: 'a', latitude: 51.50101, longitude: -0.14159 },
    ]);
    const fromHalifax = { latitude: 53.72166, longitude: -1.85798 };
    expect(index.nearest(fromHalifax, 10, { accept: (site) => site.organisationId === 'a', maxKm: 50 }).map((site) => site.siteId)).toEqual(
      ['halifax', 'wakefield'],
    );
    expect(index.nearest(fromHalifax, 1)[0]!.distanceKm).toBeLessThan(0.5);
  });

  it('answers an empty directory with no sites rather than failing', () => {
    expect(new SiteIndex([]).nearest({ latitude: 53, longitude: -1 }, 5)).toEqual([]);
  });
});
