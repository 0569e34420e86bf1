import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { movableToday } from '../support/movable-clock.ts';
import { csvTable, expectSameList, pageTable } from '../support/list-csv.ts';
import { WebClient } from '../support/web-client.ts';

const TODAY = '2027-03-01';

describe('CSV downloads of offers, listings, applications, the assessment queue and statements', () => {
  let t: TestApp;
  const signedIn = async (email: string) => {
    const client = new WebClient(t.app);
    await client.signIn(email);
    return client;
  };
  /** The page, then its download link followed as a person would: the CSV and the page agree. */
  const pageAndCsv = async (client: WebClient, url: string, stem: string) => {
    const page = await client.get(url);
    expect(page.statusCode).toBe(200);
    const href = /<a href="([^"]+\.csv[^"]*)" download>Download [^<]* as CSV<\/a>/.exec(page.body)?.[1]?.replaceAll('&amp;', '&');
    expect(href, 'a Download as CSV link').toBeDefined();
    const download = await client.get(href!);
    return { page, href: href!, csv: csvTable(download, stem) };
  };

  beforeAll(async () => {
    t = await createTestApp({ seed: 'full', clock: movableToday(TODAY) });
  });
  afterAll(() => t.close());

  it('downloads the commissioner’s offers as the page lists them, and refuses providers', async () => {
    const commissioner = await signedIn('commissioner@aqp.example');
    const { page, csv } = await pageAndCsv(commissioner, '/offers', 'offers');
    expectSameList(pageTable(page.body), csv);
    expect(csv.head).toEqual(['Offer', 'Reference', 'Service', 'Covers', 'Status']);
    const provider = await signedIn('provider.admin@aqp.example');
    expect((await provider.get('/offers.csv')).statusCode).toBe(403);
  });

  it('downloads listings for the provider (its own) and the commissioner (its offers’), one offer when the page is filtered', async () => {
    const provider = await signedIn('provider.admin@aqp.example');
    const own = await pageAndCsv(provider, '/listings', 'listings');
    expectSameList(pageTable(own.page.body), own.csv);
    expect(own.csv.head[1]).toBe('Commissioner');
    const commissioner = await signedIn('commissioner@aqp.example');
    const all = await pageAndCsv(commissioner, '/listings', 'listings');
    expectSameList(pageTable(all.page.body), all.csv);
    const offerId = /href="\/offers\/([0-9a-f-]{36})"/.exec((await commissioner.get('/offers')).body)![1]!;
    const one = await pageAndCsv(commissioner, `/listings?offer=${offerId}`, 'listings');
    expect(one.href).toBe(`/listings.csv?offer=${offerId}`);
    expectSameList(pageTable(one.page.body), one.csv);
    const referrer = await signedIn('referrer@aqp.example');
    expect((await referrer.get('/listings.csv')).statusCode).toBe(403);
  });

  it('downloads the provider’s applications and the assessor’s queue as their pages show them, each to its own role only', async () => {
    const provider = await signedIn('provider.admin@aqp.example');
    const applications = await pageAndCsv(provider, '/applications', 'applications');
    expectSameList(pageTable(applications.page.body), applications.csv);
    const assessor = await signedIn('assessor@aqp.example');
    const queue = await assessor.get('/assessment');
    const queued = csvTable(await assessor.get('/assessment.csv'), 'applications-to-assess');
    expectSameList(pageTable(queue.body), queued);
    expect((await assessor.get('/applications.csv')).statusCode).toBe(403);
    expect((await provider.get('/assessment.csv')).statusCode).toBe(403);
  });

  it('downloads the statements list for the same month and status, the provider’s and the finance officer’s', async () => {
    const finance = await signedIn('finance@aqp.example');
    const all = await pageAndCsv(finance, '/payments/statements', 'statements');
    expectSameList(pageTable(all.page.body), all.csv);
    const provider = await signedIn('provider.admin@aqp.example');
    const own = await pageAndCsv(provider, '/payments/statements?status=draft', 'statements');
    expect(own.href).toBe('/payments/statements.csv?status=draft');
    expectSameList(pageTable(own.page.body), own.csv);
    const referrer = await signedIn('referrer@aqp.example');
    expect((await referrer.get('/payments/statements.csv')).statusCode).toBe(403);
  });
});
