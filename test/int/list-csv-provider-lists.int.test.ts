import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aHearingOfferWithLiveProvider } from '../support/kpi-result-rows.ts';
import { csvTable, expectSameList, pageTable } from '../support/list-csv.ts';
import { movableToday } from '../support/movable-clock.ts';
import { aPersonIn } from '../support/referral-rows.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { WebClient } from '../support/web-client.ts';

const TODAY = '2027-03-01';

describe('CSV downloads of a provider’s lists: offers open for applications', () => {
  let t: TestApp;
  const signedIn = async (email: string) => {
    const client = new WebClient(t.app);
    expect((await client.signIn(email)).statusCode).toBe(303);
    return client;
  };
  /** The page, then its download link followed as a person would. */
  const pageAndCsv = async (client: WebClient, url: string, stem: string) => {
    const page = await client.get(url);
    expect(page.statusCode).toBe(200);
    const href = /<a href="([^"]+\.csv[^"]*)" download>Download [^<]* as CSV<\/a>/.exec(page.body)?.[1]?.replaceAll('&amp;', '&');
    expect(href, 'a Download as CSV link').toBeDefined();
    return { page: pageTable(page.body), href: href!, csv: csvTable(await client.get(href!), stem) };
  };
  /** The page's table without its last, page-only column (links to act on a row). */
  const withoutActions = (table: { head: string[]; rows: string[][] }) => ({
    head: table.head.slice(0, -1),
    rows: table.rows.map((row) => row.slice(0, -1)),
  });

  beforeAll(async () => {
    t = await createTestApp({ seed: 'region', clock: movableToday(TODAY) });
    await aHearingOfferWithLiveProvider(t.deps, TODAY, 'DEMO1');
    await aHearingOfferWithLiveProvider(t.deps, TODAY, 'DEMO2');
    const demo2 = await t.deps.db.selectFrom('organisations').select('id').where('ods_code', '=', 'DEMO2').executeTakeFirstOrThrow();
    await aPersonIn(t.deps, demo2.id, { email: 'demo2.admin@test.example', name: 'Dee', role: 'provider-admin' });
  });
  afterAll(() => t.close());

  it('downloads the offers open to the provider with its own application to each, without the page’s links, and refuses a commissioner', async () => {
    const provider = await signedIn('provider.admin@aqp.example');
    const { page, href, csv } = await pageAndCsv(provider, '/provider/offers', 'open-offers');
    expect(href).toBe('/provider/offers.csv');
    expect(page.head.at(-1)).toBe('Action');
    expectSameList(withoutActions(page), csv);
    expect(csv.rows).toHaveLength(page.rows.length);
    expect(csv.head).toEqual(['Offer', 'Reference', 'Service', 'Commissioner', 'Qualification window', 'Your application']);
    expect(csv.rows.map((row) => row[5]).sort()).toEqual(['Not applied', 'Qualified']);
    const other = csvTable(await (await signedIn('demo2.admin@test.example')).get('/provider/offers.csv'), 'open-offers');
    const statusOf = (rows: string[][], reference: string) => rows.find((row) => row[1] === reference)![5];
    for (const row of csv.rows) expect(statusOf(other.rows, row[1]!)).toBe(row[5] === 'Qualified' ? 'Not applied' : 'Qualified');
    expect((await (await signedIn('commissioner@aqp.example')).get('/provider/offers.csv')).statusCode).toBe(403);
  });
});
