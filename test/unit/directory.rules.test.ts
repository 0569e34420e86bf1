import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { everySiteNearestFirst, MAX_DIRECTORY_PAGE_SIZE, pageOf } from '../../src/domains/directory/directory.rules.ts';

const HX6_3AB = { latitude: 53.70711, longitude: -1.91078 };
const site = (name: string, latitude: number, longitude: number) => ({ name, latitude, longitude });
const listing = (provider: string, sites: ReturnType<typeof site>[]) => ({ provider: { name: provider }, sites });

describe('every site nearest first', () => {
  const listings = [
    listing('Calder Hearing', [site('Todmorden', 53.71365, -2.09216), site('Halifax', 53.72759, -1.85537)]),
    listing('Aire Hearing', [site('Ripponden', 53.70711, -1.91078)]),
    listing('Brontë Audiology', [site('Halifax', 53.72759, -1.85537)]),
    listing('No Sites Hearing', []),
  ];

  it('gives every site of every listing its own row, nearest first, with equal distances by provider name', () => {
    const rows = everySiteNearestFirst(HX6_3AB, listings);
    expect(rows.map((row) => `${row.listing.provider.name} / ${row.site.name}`)).toEqual([
      'Aire Hearing / Ripponden',
      'Brontë Audiology / Halifax',
      'Calder Hearing / Halifax',
      'Calder Hearing / Todmorden',
    ]);
    expect(rows[0]).toMatchObject({ distanceKm: 0, distanceMiles: 0 });
  });

  it('measures Halifax from Sowerby Bridge as about 4.3 km (2.7 miles) in a straight line (2.28 km north, 3.65 km east)', () => {
    const halifax = everySiteNearestFirst(HX6_3AB, listings).find((row) => row.site.name === 'Halifax')!;
    expect(halifax.distanceKm).toBeCloseTo(4.3, 2);
    expect(halifax.distanceMiles).toBeCloseTo(halifax.distanceKm / 1.609344, 9);
  });

  it('never loses or adds a site, and never puts a farther site before a nearer one', () => {
    const point = fc.record({
      latitude: fc.double({ min: 50, max: 55, noNaN: true }),
      longitude: fc.double({ min: -4, max: 1, noNaN: true }),
    });
    const anyListing = fc.record({
      provider: fc.record({ name: fc.string() }),
      sites: fc.array(
        fc.record({
          name: fc.string(),
          latitude: fc.double({ min: 50, max: 55, noNaN: true }),
          longitude: fc.double({ min: -4, max: 1, noNaN: true }),
        }),
        { maxLength: 4 },
      ),
    });
    fc.assert(
      fc.property(point, fc.array(anyListing, { maxLength: 6 }), (origin, generated) => {
        const rows = everySiteNearestFirst(origin, generated);
        expect(rows).toHaveLength(generated.reduce((sum, item) => sum + item.sites.length, 0));
        for (let index = 1; index < rows.length; index += 1)
          expect(rows[index]!.distanceKm).toBeGreaterThanOrEqual(rows[index - 1]!.distanceKm);
      }),
    );
  });
});

describe('directory pages', () => {
  const letters = ['a', 'b', 'c', 'd', 'e'];

  it('slices the page asked for and always says the total', () => {
    expect(pageOf(letters, 2, 2)).toEqual({ items: ['c', 'd'], page: 2, pageSize: 2, total: 5 });
    expect(pageOf(letters, 3, 2)).toEqual({ items: ['e'], page: 3, pageSize: 2, total: 5 });
  });

  it('gives an empty page past the end, and treats a page below 1 as the first', () => {
    expect(pageOf(letters, 9, 2)).toEqual({ items: [], page: 9, pageSize: 2, total: 5 });
    expect(pageOf(letters, 0, 2).items).toEqual(['a', 'b']);
  });

  it('bounds the page size between 1 and the maximum', () => {
    expect(pageOf(letters, 1, 0).pageSize).toBe(1);
    expect(pageOf(letters, 1, 10_000).pageSize).toBe(MAX_DIRECTORY_PAGE_SIZE);
  });
});
