import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBreach } from '../../src/domains/provider-quality/breach.repo.ts';
import { openBreachesForRun } from '../../src/domains/provider-quality/breach-open.service.ts';
import { aHearingOfferWithLiveProvider, aStoredKpiResult, EIGHT_OF_TEN_SEEN_IN_TIME } from '../support/kpi-result-rows.ts';
import { csvTable, expectSameList, pageTable } from '../support/list-csv.ts';
import { type MovableClock, movableToday } from '../support/movable-clock.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { WebClient } from '../support/web-client.ts';

const TODAY = '2027-02-10';

describe('CSV downloads of the quality lists: breaches, quality returns and patient feedback', () => {
  let t: TestApp;
  let clock: MovableClock;
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
  const aBreachFor = async (providerOds: string) => {
    const world = await aHearingOfferWithLiveProvider(t.deps, TODAY, providerOds);
    const { runId } = await aStoredKpiResult(t.deps, world, { endMonth: '2027-01', seenAfterWorkingDays: EIGHT_OF_TEN_SEEN_IN_TIME });
    const [id] = await t.deps.db.transaction().execute((trx) => openBreachesForRun(trx, t.deps, runId));
    return (await findBreach(t.deps.db, id!))!;
  };

  beforeAll(async () => {
    clock = movableToday(TODAY);
    t = await createTestApp({ seed: 'region', clock });
  });
  afterAll(() => t.close());

  it('downloads the breaches each side sees for the same state, a provider only its own, and refuses a referrer', async () => {
    const ours = await aBreachFor('DEMO1');
    const theirs = await aBreachFor('DEMO2');
    const commissioner = await signedIn('commissioner@aqp.example');
    const all = await pageAndCsv(commissioner, '/quality/breaches?state=open', 'breaches');
    expect(all.href).toBe('/quality/breaches.csv?state=open');
    expectSameList(all.page, all.csv);
    expect(all.csv.head).toEqual(['Breach', 'Found on', 'Provider', 'KPI', 'Figure', 'Status']);
    expect(all.csv.rows.map((row) => row[0])).toEqual(expect.arrayContaining([ours.reference, theirs.reference]));
    expect(all.csv.rows).toHaveLength(all.page.rows.length);

    const provider = await signedIn('provider.admin@aqp.example');
    const own = await pageAndCsv(provider, '/quality/breaches', 'breaches');
    expectSameList(own.page, own.csv);
    expect(own.csv.head[2]).toBe('Commissioner');
    expect(own.csv.rows.map((row) => row[0])).toEqual([ours.reference]);

    expect((await commissioner.get('/quality/breaches.csv?state=nonsense')).statusCode).toBe(400);
    expect((await (await signedIn('referrer@aqp.example')).get('/quality/breaches.csv')).statusCode).toBe(403);
  });

  it('downloads the quality returns owed, the commissioner’s with each provider and a provider’s own only, and refuses a referrer', async () => {
    clock.setToday('2027-05-10');
    const commissioner = await signedIn('commissioner@aqp.example');
    const all = await pageAndCsv(commissioner, '/quality/returns', 'quality-returns');
    expectSameList(all.page, all.csv);
    expect(all.csv.head).toEqual(['Offer', 'Provider', 'Quarter', 'Due', 'Submitted', 'Status']);
    expect(all.csv.rows).toHaveLength(all.page.rows.length);
    const providers = new Set(all.csv.rows.map((row) => row[1]));
    expect(providers.size).toBeGreaterThan(1);

    const provider = await signedIn('provider.admin@aqp.example');
    const own = await pageAndCsv(provider, '/quality/returns', 'quality-returns');
    expectSameList(own.page, own.csv);
    expect(own.csv.head).toEqual(['Offer', 'Quarter', 'Due', 'Submitted', 'Status']);
    expect(own.csv.rows.length).toBeLessThan(all.csv.rows.length);

    expect((await (await signedIn('referrer@aqp.example')).get('/quality/returns.csv')).statusCode).toBe(403);
  });
});
