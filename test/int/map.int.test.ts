import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anOffer } from '../support/offer-rows.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

interface MapJson {
  services: { code: string; name: string; commissioners: number }[];
  commissioners: {
    odsCode: string;
    name: string;
    icb: { odsCode: string } | null;
    services: string[];
    offers: { service: string; offerId: string }[];
  }[];
  uptake: { totalCommissioners: number; commissionersOfferingAny: number; commissionersOfferingNone: number; servicesOffered: number };
  attribution: string[];
}

const FORMULA_NAME = '=HYPERLINK("http://evil"), "Quoted" sub-ICB';

describe('the public AQP map', () => {
  let t: TestApp;
  let before: MapJson;
  const offers: Record<string, string> = {};

  const mapJson = async (query = '') => {
    const response = await t.app.inject(`/api/v1/map${query}`);
    expect(response.statusCode).toBe(200);
    return response.json() as MapJson;
  };
  const uptakeOf = (map: MapJson) => Object.fromEntries(map.services.map((s) => [s.code, s.commissioners]));

  beforeAll(async () => {
    t = await createTestApp({ seed: 'catalogue' });
    const db = t.deps.db;
    before = await mapJson();
    const icb = await db
      .insertInto('organisations')
      .values({ ods_code: 'QT1', name: 'NHS Test Integrated Care Board', kind: 'commissioner', ods_type: 'icb' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const subIcb = (ods_code: string, name: string, extra: { latitude?: number; longitude?: number; close_date?: string } = {}) => ({
      ods_code,
      name,
      kind: 'commissioner',
      ods_type: 'sub-icb',
      parent_id: icb.id,
      ...extra,
    });
    await db
      .insertInto('organisations')
      .values([
        subIcb('T01', 'Test Sub-ICB One', { latitude: 53.7245, longitude: -1.8614 }),
        subIcb('T02', 'Test Sub-ICB Two'),
        subIcb('T03', 'Test Sub-ICB Three', { latitude: 51.5, longitude: -0.12 }),
        subIcb('T04', 'Test Sub-ICB Quiet', { latitude: 52.2, longitude: 0.12 }),
        subIcb('T05', 'Test Sub-ICB Closed', { close_date: '2020-03-31' }),
        { ods_code: '99X', name: FORMULA_NAME, kind: 'commissioner', parent_id: icb.id },
      ])
      .execute();
    offers.hearing = (await anOffer(db).forService('adult-hearing').coveringOds('T01', 'T02').withStatus('published').insert()).id;
    offers.backPain = (await anOffer(db).forService('back-and-neck-pain').coveringOds('T01').withStatus('open').insert()).id;
    offers.podiatry = (await anOffer(db).forService('podiatry').coveringOds('T03').withStatus('closed').insert()).id;
    offers.draft = (await anOffer(db).forService('mri').coveringOds('T03').withStatus('draft').insert()).id;
    offers.withdrawn = (await anOffer(db).forService('continence').coveringOds('T02', 'T05').withStatus('withdrawn').insert()).id;
    offers.formula = (await anOffer(db).forService('adult-hearing').coveringOds('99X').withStatus('published').insert()).id;
  });
  afterAll(() => t.close());

  it('counts published, open and closed offers, never draft or withdrawn ones', async () => {
    const map = await mapJson('?icb=QT1');
    const byOds = Object.fromEntries(map.commissioners.map((c) => [c.odsCode, c]));
    expect(Object.keys(byOds).sort()).toEqual(['99X', 'T01', 'T02', 'T03', 'T04']);
    expect(byOds.T01!.services).toEqual(['adult-hearing', 'back-and-neck-pain']);
    expect(byOds.T02!.services).toEqual(['adult-hearing']);
    expect(byOds.T03!.offers).toEqual([{ service: 'podiatry', offerId: offers.podiatry }]);
    expect(byOds.T04!.services).toEqual([]);
    const allOfferIds = (await mapJson()).commissioners.flatMap((c) => c.offers.map((o) => o.offerId));
    expect(allOfferIds).toEqual(expect.arrayContaining([offers.hearing, offers.backPain, offers.podiatry, offers.formula]));
    expect(allOfferIds).not.toContain(offers.draft);
    expect(allOfferIds).not.toContain(offers.withdrawn);
  });

  it('adds to national uptake per service and to those offering none, counting open sub-ICBs and covered commissioners only', async () => {
    const after = await mapJson();
    const [was, now] = [uptakeOf(before), uptakeOf(after)];
    expect(now['adult-hearing']).toBe(was['adult-hearing']! + 3);
    expect(now['back-and-neck-pain']).toBe(was['back-and-neck-pain']! + 1);
    expect(now.podiatry).toBe(was.podiatry! + 1);
    expect(now.mri).toBe(was.mri);
    expect(now.continence).toBe(was.continence);
    expect(after.uptake.totalCommissioners).toBe(before.uptake.totalCommissioners + 5);
    expect(after.uptake.commissionersOfferingAny).toBe(before.uptake.commissionersOfferingAny + 4);
    expect(after.uptake.commissionersOfferingNone).toBe(before.uptake.commissionersOfferingNone + 1);
    expect(after.uptake.servicesOffered).toBe(after.services.filter((s) => s.commissioners > 0).length);
    expect(after.services.map((s) => s.commissioners)).toEqual([...after.services.map((s) => s.commissioners)].sort((a, b) => b - a));
    expect(after.commissioners.map((c) => c.odsCode)).not.toContain('T05');
    expect(after.attribution.some((line) => line.includes('Open Government Licence'))).toBe(true);
  });

  it('filters the JSON by service and by ICB', async () => {
    const podiatry = (await mapJson('?service=podiatry')).commissioners;
    expect(podiatry.map((c) => c.odsCode)).toContain('T03');
    expect(podiatry.every((c) => c.services.includes('podiatry'))).toBe(true);
    expect((await mapJson('?icb=QT1&service=back-and-neck-pain')).commissioners.map((c) => c.odsCode)).toEqual(['T01']);
  });

  it('shows the map page with uptake, the matrix of offered services only, the SVG map and the licence, without JavaScript', async () => {
    const after = await mapJson();
    const page = await t.app.inject('/map?icb=QT1');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(
      `${after.uptake.commissionersOfferingAny} of ${after.uptake.totalCommissioners} commissioners offer at least one service`,
    );
    expect(page.body).toMatch(/<svg role="img" aria-labelledby="map-title map-desc"/);
    expect(page.body).toContain('Test Sub-ICB One: 2 services offered</title>');
    expect(page.body).toContain('Test Sub-ICB Quiet: 0 services offered</title>');
    expect(page.body).toContain('Test Sub-ICB Two: 1 service offered');
    expect(page.body).not.toContain('(T02)');
    expect(page.body).toContain('href="#matrix"');
    const start = page.body.indexOf('Services offered by each commissioner');
    const header = page.body.slice(start, page.body.indexOf('</thead>', start));
    const columns = [...header.matchAll(/<th scope="col" class="nhsuk-table__header">([^<]+)<\/th>/g)].map((m) => m[1]).slice(2);
    const publicNames = new Map(
      (await t.deps.db.selectFrom('services').select(['code', 'public_name']).execute()).map((row) => [row.code, row.public_name]),
    );
    expect(columns.sort()).toEqual(
      after.services
        .filter((s) => s.commissioners > 0)
        .map((s) => publicNames.get(s.code) ?? s.name)
        .sort(),
    );
    expect(columns).not.toContain('MRI');
    expect(page.body).toContain('Showing 1 to 5 of 5');
    expect(page.body).toContain('Open Government Licence');
    expect(page.body).toContain('href="/map.csv?icb=QT1"');
    const filtered = await t.app.inject('/map?service=podiatry&icb=QT1');
    expect(filtered.body).toContain('Showing 1 to 1 of 1');
    expect(filtered.body).toContain('Test Sub-ICB Three');
    expect((await t.app.inject('/map?service=%3Cscript%3E&page=abc')).statusCode).toBe(200);
  });

  it('downloads a CSV with one row per commissioner × service, RFC 4180 quoting and formula cells neutralised', async () => {
    const response = await t.app.inject('/map.csv?icb=QT1');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
    expect(response.headers['content-disposition']).toBe('attachment; filename="aqp-map.csv"');
    expect(response.body.split('\r\n')[0]).toBe(
      '\ufeffcommissioner_ods_code,commissioner_name,icb_ods_code,icb_name,service_code,service_name,offer_ids,' +
        'applications_received,applications_qualified,applications_in_assessment,applications_refused_rejects_price,applications_refused_rejects_local_standards,applications_refused_fails_quality_standards,applications_refused_incomplete,' +
        'applications_refused_total,applications_refused_by_ground_suppressed',
    );
    expect(response.body).toContain(
      `99X,"'=HYPERLINK(""http://evil""), ""Quoted"" sub-ICB",QT1,NHS Test Integrated Care Board,adult-hearing,Adult hearing,${offers.formula},0,0,0,0,0,0,0,0,false\r\n`,
    );
    const records = parse(response.body, { columns: true, bom: true }) as Record<string, string>[];
    expect(records.map((r) => `${r.commissioner_ods_code} ${r.service_code}`).sort()).toEqual([
      '99X adult-hearing',
      'T01 adult-hearing',
      'T01 back-and-neck-pain',
      'T02 adult-hearing',
      'T03 podiatry',
    ]);
    expect(records.find((r) => r.commissioner_name === `'${FORMULA_NAME}`)).toBeDefined();
    const national = parse((await t.app.inject('/map.csv')).body, { columns: true, bom: true }) as Record<string, string>[];
    expect(national.some((r) => r.offer_ids!.includes(offers.draft!) || r.offer_ids!.includes(offers.withdrawn!))).toBe(false);
    expect(national.length).toBe((await mapJson()).commissioners.reduce((sum, c) => sum + c.services.length, 0));
  });

  it('draws England, its coast clipped to its borders with Wales and Scotland, with each commissioner’s area approximated around its GP practices, said to be approximate', async () => {
    const id = async (odsCode: string) =>
      (await t.deps.db.selectFrom('organisations').select('id').where('ods_code', '=', odsCode).executeTakeFirstOrThrow()).id;
    const practice = (ods_code: string, parent_id: string, latitude: number, longitude: number, close_date: string | null = null) => ({
      ods_code,
      name: `Practice ${ods_code}`,
      kind: 'gp-practice',
      ods_type: 'gp-practice',
      parent_id,
      latitude,
      longitude,
      close_date,
    });
    const [one, three] = [await id('T01'), await id('T03')];
    await t.deps.db
      .insertInto('organisations')
      .values([
        practice('TP001', one, 53.72, -1.86),
        practice('TP002', one, 53.65, -1.78),
        practice('TP003', one, 53.7, -1.95),
        practice('TP004', one, 53.69, -1.85),
        practice('TP005', one, 52.0, 0.5, '2019-03-31'),
        practice('TP006', three, 51.5, -0.12),
        practice('TP007', three, 51.52, -0.1),
      ])
      .execute();

    const page = (await t.app.inject('/map')).body;
    const svg = page.slice(page.indexOf('<svg role="img"'), page.indexOf('</svg>', page.indexOf('<svg role="img"')) + 6);
    expect(svg).toContain('<title id="map-title">Map of England with a circle for each commissioner and its approximate area</title>');
    expect(svg).toMatch(
      /<desc id="map-desc">England in white, from Natural Earth’s coastline and country-coder’s borders with Wales and Scotland[^<]*1 shaded area is approximate: each is drawn around the commissioner’s GP practices/,
    );
    expect(svg).toContain('<title>Approximate area of Test Sub-ICB One, drawn around its 4 GP practices</title>');
    expect(svg).not.toContain('Approximate area of Test Sub-ICB Three');
    expect(page).toContain('Areas are approximate.');
    expect(page).toContain('Natural Earth</a> (1:50 million country outlines, public domain)');
    const land = [...svg.matchAll(/<path[^>]* d="(M[^"]+)"/g)].map((match) => match[1]!);
    expect(land.length, 'the United Kingdom, England’s region, the neighbours and one area').toBe(4);
    expect(svg).toContain(
      '<use href="#map-uk-outline" fill="#ffffff" stroke="#768692" stroke-width="0.75" clip-path="url(#map-england-region)"></use>',
    );
    expect(Buffer.byteLength(svg), 'bytes of SVG').toBeLessThan(20_000);
  });
});
