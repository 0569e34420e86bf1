import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import {
  bandFor,
  ENGLAND_BOUNDS,
  KEY_BANDS,
  MAP_HEIGHT,
  MAP_WIDTH,
  mapView,
  project,
} from '../../src/domains/map/map-projection.presenter.ts';
import { computeUptake, csvRecords, filterMatrix, icbsOf, type MapCommissioner, spreadsheetSafe } from '../../src/domains/map/map.rules.ts';

const services = [
  { code: 'adult-hearing', name: 'Adult hearing' },
  { code: 'mri', name: 'MRI' },
  { code: 'podiatry', name: 'Podiatry' },
];
const commissioner = (odsCode: string, offers: [string, string][], extra: Partial<MapCommissioner> = {}): MapCommissioner => ({
  id: odsCode,
  odsCode,
  name: `Commissioner ${odsCode}`,
  icb: { odsCode: 'QWO', name: 'West Yorkshire' },
  latitude: 53.7,
  longitude: -1.8,
  offers: offers.map(([serviceCode, offerId]) => ({ serviceCode, offerId })),
  ...extra,
});
const commissioners = [
  commissioner('02T', [
    ['adult-hearing', 'o1'],
    ['podiatry', 'o2'],
    ['adult-hearing', 'o3'],
  ]),
  commissioner('03R', [['adult-hearing', 'o1']], { icb: { odsCode: 'QF7', name: 'South Yorkshire' } }),
  commissioner('00Z', [], { latitude: null, longitude: null }),
];

describe('national uptake', () => {
  it('counts each commissioner once per service, most offered first, and those offering none', () => {
    const uptake = computeUptake(services, commissioners);
    expect(uptake.byService.map((s) => [s.code, s.commissioners])).toEqual([
      ['adult-hearing', 2],
      ['podiatry', 1],
      ['mri', 0],
    ]);
    expect(uptake).toMatchObject({ totalCommissioners: 3, commissionersOfferingAny: 2, commissionersOfferingNone: 1, servicesOffered: 2 });
  });
});

describe('the matrix', () => {
  const uptake = computeUptake(services, commissioners);
  it('has only offered services as columns', () => {
    expect(filterMatrix(services, commissioners, uptake, {}).columns.map((c) => c.code)).toEqual(['adult-hearing', 'podiatry']);
  });
  it('narrows rows by ICB and by service offered', () => {
    expect(filterMatrix(services, commissioners, uptake, { icb: 'QF7' }).rows.map((r) => r.odsCode)).toEqual(['03R']);
    const podiatry = filterMatrix(services, commissioners, uptake, { service: 'podiatry' });
    expect(podiatry.rows.map((r) => r.odsCode)).toEqual(['02T']);
    expect(podiatry.columns.map((c) => c.code)).toEqual(['podiatry']);
  });
  it('lists the ICBs for the filter by name', () => {
    expect(icbsOf(commissioners)).toEqual([
      { odsCode: 'QF7', name: 'South Yorkshire' },
      { odsCode: 'QWO', name: 'West Yorkshire' },
    ]);
  });
});

describe('CSV cells', () => {
  it.each(['=SUM(A1)', '+1', '-2', '@cmd', '\tx', '\rx'])('neutralises a cell starting %j with a single quote', (cell) =>
    expect(spreadsheetSafe(cell)).toBe(`'${cell}`),
  );
  it('leaves ordinary cells alone', () => expect(spreadsheetSafe('NHS Calderdale, 02T')).toBe('NHS Calderdale, 02T'));
  it('writes one record per commissioner and service, joining offer ids, quoted per RFC 4180 by the writer', () => {
    const records = csvRecords(services, [
      commissioner(
        '02T',
        [
          ['adult-hearing', 'o3'],
          ['adult-hearing', 'o1'],
        ],
        { name: '=Evil, "quoted"' },
      ),
    ]);
    expect(records).toEqual([['02T', `'=Evil, "quoted"`, 'QWO', 'West Yorkshire', 'adult-hearing', 'Adult hearing', 'o1 o3']]);
    expect(stringify(records)).toBe(`02T,"'=Evil, ""quoted""",QWO,West Yorkshire,adult-hearing,Adult hearing,o1 o3\n`);
  });
});

describe('the SVG projection', () => {
  it('puts the north-west corner top left and the south-east corner bottom right, inside the picture', () => {
    const northWest = project(ENGLAND_BOUNDS.north, ENGLAND_BOUNDS.west)!;
    const southEast = project(ENGLAND_BOUNDS.south, ENGLAND_BOUNDS.east)!;
    expect(northWest.x).toBeLessThan(southEast.x);
    expect(northWest.y).toBeLessThan(southEast.y);
    for (const point of [northWest, southEast]) {
      expect(point.x).toBeGreaterThanOrEqual(0);
      expect(point.x).toBeLessThanOrEqual(MAP_WIDTH);
      expect(point.y).toBeGreaterThanOrEqual(0);
      expect(point.y).toBeLessThanOrEqual(MAP_HEIGHT);
    }
  });
  it('places London south-east of Leeds', () => {
    const london = project(51.507, -0.128)!;
    const leeds = project(53.8, -1.549)!;
    expect(london.x).toBeGreaterThan(leeds.x);
    expect(london.y).toBeGreaterThan(leeds.y);
  });
  it('scales longitude by the cosine of the middle latitude, so a degree east is shorter than a degree north', () => {
    const origin = project(52, -2)!;
    expect(project(52, -1)!.x - origin.x).toBeLessThan(origin.y - project(53, -2)!.y);
  });
  it('does not place missing coordinates or points outside England', () => {
    expect(project(null, -1)).toBeUndefined();
    expect(project(40.4, -3.7)).toBeUndefined();
    expect(project(Number.NaN, 0)).toBeUndefined();
  });
  it('draws bigger circles for more services, hollow for none, and lists the unplaced', () => {
    expect(KEY_BANDS.map((band) => band.radius)).toEqual([...KEY_BANDS.map((band) => band.radius)].sort((a, b) => a - b));
    expect(bandFor(0).fill).toBe('#ffffff');
    expect(bandFor(3)).toBe(bandFor(2));
    expect(bandFor(12)).toBe(KEY_BANDS.at(-1));
    const view = mapView(commissioners);
    expect(view.points.map((p) => p.title)).toEqual(['Commissioner 02T: 2 services offered', 'Commissioner 03R: 1 service offered']);
    expect(view.points[0]!.r).toBeGreaterThan(view.points[1]!.r);
    expect(view.unplaced).toEqual([{ name: 'Commissioner 00Z', odsCode: '00Z', count: 0, offered: '0 services offered' }]);
  });
});
