import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDemoSeeded } from '../../src/demo/demo.seed.ts';
import { importIcbs, importSubIcbLocations } from '../../src/domains/reference/import/organisation-import.service.ts';
import { importPostcodes } from '../../src/domains/reference/import/postcode-import.service.ts';
import { DATASETS, runRecordedImport } from '../../src/domains/reference/import/reference-import.service.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { WebClient } from '../support/web-client.ts';

const HEADER = 'postcode,latitude,longitude,country,local_authority_code';

describe('postcode and ODS files, good and bad', () => {
  let t: TestApp;
  let dir: string;
  const file = async (name: string, lines: string[]) => {
    const target = path.join(dir, name);
    await writeFile(target, `${lines.join('\n')}\n`);
    return target;
  };
  const postcodes = () => t.deps.db.selectFrom('postcodes').selectAll().orderBy('postcode').execute();
  beforeAll(async () => {
    t = await createTestApp({ seed: false });
    dir = await mkdtemp(path.join(os.tmpdir(), 'aqp-formats-'));
  });
  afterAll(async () => {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('counts bad rows with their line numbers, never aborts and never writes half a row', async () => {
    const source = await file('mixed.csv', [
      HEADER,
      'HX1 1PW,53.72166,-1.85798,E92000001,E08000033',
      'HX1 1ZZZ,53.7,-1.8,E92000001,E08000033',
      'HX1 1UJ,,-1.86070,E92000001,E08000033',
      'HX3 0PW,53.70482,-1.85751,E92000001',
      'HX3 0PW,53.70482,-1.85751,E92000001,E08000033',
      'HX6 3AB,53.70711,-1.91078,E92000001,E08000033',
      'HX6 3AB,53.70711,-1.91078,E92000001,E08000033',
      'HX7 5AD,12.5,-1.9,E92000001,E08000033',
    ]);
    const summary = await importPostcodes(t.deps, source);
    expect(summary).toMatchObject({ rowsRead: 8, inserted: 3, rejected: 5 });
    expect(summary.rejections).toEqual([
      { line: 3, reason: 'malformed postcode "HX1 1ZZZ"' },
      { line: 4, reason: 'missing coordinate' },
      { line: 5, reason: 'expected 5 columns, found 4' },
      { line: 8, reason: 'duplicate postcode HX6 3AB' },
      { line: 9, reason: 'coordinate 12.5, -1.9 is outside Great Britain' },
    ]);
    expect((await postcodes()).map((row) => row.postcode)).toEqual(['HX1 1PW', 'HX3 0PW', 'HX6 3AB']);
    const again = await importPostcodes(t.deps, source);
    expect(again).toMatchObject({ inserted: 0, updated: 0, closed: 0, unchanged: 3 });
  });

  it('updates a moved postcode and closes one that has gone from a sorted file, keeping its history', async () => {
    const source = await file('next-release.csv', [
      HEADER,
      'HX1 1PW,53.72170,-1.85800,E92000001,E08000033',
      'HX6 3AB,53.70711,-1.91078,E92000001,E08000033',
    ]);
    const summary = await importPostcodes(t.deps, source);
    expect(summary).toMatchObject({ inserted: 0, updated: 1, closed: 1, unchanged: 1 });
    const rows = await postcodes();
    expect(rows.find((row) => row.postcode === 'HX3 0PW')?.terminated_on).toBe(t.deps.clock.today());
    expect(rows.find((row) => row.postcode === 'HX1 1PW')?.latitude).toBe(53.7217);
    const lookup = await t.app.inject('/api/v1/postcodes/HX3%200PW');
    expect(lookup.statusCode).toBe(404);
    expect(lookup.json().code).toBe('postcode-terminated');
  });

  it('reads OS Code-Point Open files, converting grid references to latitude and longitude', async () => {
    const source = await file('ls.csv', [
      '"LS1 1BA",10,429654,433576,"E92000001","E19000003","E18000003","","E08000035","E05001420"',
      '"LS1 1BB",90,0,0,"E92000001","","","","",""',
    ]);
    const summary = await importPostcodes(t.deps, source);
    expect(summary).toMatchObject({
      format: 'code-point-open',
      inserted: 1,
      rejected: 1,
      rejections: [{ line: 2, reason: 'missing coordinate' }],
    });
    const row = await t.deps.db.selectFrom('postcodes').selectAll().where('postcode', '=', 'LS1 1BA').executeTakeFirstOrThrow();
    expect(row.latitude).toBeCloseTo(53.79765, 3);
    expect(row.longitude).toBeCloseTo(-1.55129, 3);
    expect(row.local_authority_code).toBe('E08000035');
  });

  it('reads the ONS Postcode Directory, with terminated postcodes and the sub-ICB column', async () => {
    const source = await file('onspd.csv', [
      'pcd,pcd2,pcds,dointr,doterm,oscty,ctry,oslaua,sicbl,lat,long',
      'WF11AA,WF1  1AA,WF1 1AA,198001,,E99999999,E92000001,E08000036,E38000190,53.68,-1.49',
      'WF11AB,WF1  1AB,WF1 1AB,198001,200512,E99999999,E92000001,E08000036,E38000190,53.681,-1.491',
      'WF11AD,WF1  1AD,WF1 1AD,198001,,E99999999,E92000001,E08000036,,99.999999,0.000000',
    ]);
    const summary = await importPostcodes(t.deps, source);
    expect(summary).toMatchObject({ format: 'onspd', inserted: 2, rejected: 1 });
    const rows = await t.deps.db
      .selectFrom('postcodes')
      .select(['postcode', 'terminated_on', 'sub_icb_code'])
      .where('postcode', 'like', 'WF1 1A%')
      .orderBy('postcode')
      .execute();
    expect(rows).toEqual([
      { postcode: 'WF1 1AA', terminated_on: null, sub_icb_code: 'E38000190' },
      { postcode: 'WF1 1AB', terminated_on: '2005-12-01', sub_icb_code: 'E38000190' },
    ]);
  });

  it('refuses a file it does not recognise, importing nothing', async () => {
    const source = await file('nonsense.csv', ['name,age', 'Ann,54']);
    await expect(importPostcodes(t.deps, source)).rejects.toThrow('Not a recognised postcode file');
  });

  it('rejects ODS rows with the wrong column count or a bad date, and keeps closed organisations with their close date', async () => {
    const row = (code: string, name: string, open: string, close: string) =>
      `"${code}","${name}","Y63","QWO","1 ROAD","","TOWN","","","HX1 1PW","${open}","${close}","","","","","","","","","","1","","","","",""`;
    const source = await file('eccg.csv', [
      row('02T', 'NHS WEST YORKSHIRE ICB - 02T', '20130401', ''),
      row('00X', 'NHS OLD CCG', '20130401', '20200331'),
      '"01A","SHORT ROW"',
      row('01B', 'BAD DATE', '2013-04-01', ''),
    ]);
    const summary = await importSubIcbLocations(t.deps, source);
    expect(summary).toMatchObject({ inserted: 2, rejected: 2 });
    expect(summary.rejections).toEqual([
      { line: 3, reason: 'expected 27 columns, found 2' },
      { line: 4, reason: '01B has a date that is not YYYYMMDD' },
    ]);
    const closedLater = await file('eccg-later.csv', [
      row('02T', 'NHS WEST YORKSHIRE ICB - 02T', '20130401', '20270331'),
      row('00X', 'NHS OLD CCG', '20130401', '20200331'),
    ]);
    const later = await importSubIcbLocations(t.deps, closedLater);
    expect(later).toMatchObject({ updated: 1, closed: 1, unchanged: 1 });
    const closed = await t.app.inject('/api/v1/organisations/02T');
    expect(closed.json()).toMatchObject({ closeDate: '2027-03-31', kind: 'commissioner', odsType: 'sub-icb' });
  });
});

describe('reference data pages', () => {
  it('say what is missing and how to import it, then show what was loaded', async () => {
    const t = await createTestApp({ seed: 'region' });
    try {
      const about = await t.app.inject('/about-the-data');
      expect(about.body).toContain('Reference data is not loaded yet');
      expect(about.body).toContain('npx aqp import all');
      const dir = await mkdtemp(path.join(os.tmpdir(), 'aqp-pages-'));
      const source = path.join(dir, 'postcodes.csv');
      await writeFile(source, `${HEADER}\nHX6 3AB,53.70711,-1.91078,E92000001,E08000033\nBAD,1,1,E,E\n`);
      await runRecordedImport(
        t.deps,
        DATASETS.find((d) => d.name === 'postcodes')!,
        source,
      );
      await rm(dir, { recursive: true, force: true });
      const admin = new WebClient(t.app);
      await admin.signIn('platform.admin@aqp.example');
      const page = await admin.get('/admin/reference-data');
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('1 loaded');
      expect(page.body).toContain('Line 3: malformed postcode &quot;BAD&quot;');
      const search = await admin.get('/admin/organisations?q=hx6%203ab');
      expect(search.body).toContain('Station Road Surgery');
      const detail = await admin.get('/admin/organisations/B84001');
      expect(detail.statusCode).toBe(200);
      expect(detail.body).toContain('href="/admin/organisations/02T"');
      expect((await admin.get('/admin/organisations/NOPE1')).statusCode).toBe(404);
    } finally {
      await t.close();
    }
  });
});

describe('the embedded demo', () => {
  it('is still seeded after the reference data (which creates West Yorkshire ICB) was imported first', async () => {
    const t = await createTestApp({ seed: false });
    try {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'aqp-icb-'));
      const file = path.join(dir, 'icb_names_codes_dec_2024.csv');
      await writeFile(file, 'ICB24CD,ICB24CDH,ICB24NM,ObjectId\nE54000054,QWO,NHS West Yorkshire Integrated Care Board,32\n');
      await importIcbs(t.deps, file);
      await rm(dir, { recursive: true, force: true });
      expect(await isDemoSeeded(t.deps)).toBe(false);
    } finally {
      await t.close();
    }
  });
});
