import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { movableToday } from '../support/movable-clock.ts';
import { aListingIn, aPracticeWithReferrer, aProviderWithSites, nhsNumberSequence } from '../support/referral-rows.ts';
import { referralRows, type ReferralRow, ubrnSequence } from '../support/referral-list-rows.ts';
import { csvTable, expectSameList, pageTable } from '../support/list-csv.ts';
import { WebClient } from '../support/web-client.ts';

const TODAY = '2027-03-01';
/** More referrals than one page (25) holds, so the download must read beyond the first page. */
const SENT = 30;

describe('CSV downloads of the lists of referrals people work from', () => {
  let t: TestApp;
  const signedIn = async (email: string) => {
    const client = new WebClient(t.app);
    await client.signIn(email);
    return client;
  };
  const downloadsAudited = async (worklist: string) =>
    (await t.deps.db.selectFrom('audit_events').select('details').where('action', '=', 'referral.worklist-view').execute())
      .map((row) => row.details as { worklist: string; ubrns: string[] })
      .filter((details) => details.worklist === worklist);

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo', clock: movableToday(TODAY) });
    const offerId = (await t.app.inject('/api/v1/offers?service=adult-hearing&commissioner=02T')).json().items[0].id as string;
    const providerId = (await aListingIn(t.deps, offerId, 'DEMO1', 'live', TODAY)).providerId;
    const practice = await t.deps.db.selectFrom('organisations').select('id').where('ods_code', '=', 'B84001').executeTakeFirstOrThrow();
    await aProviderWithSites(t.deps, {
      odsCode: 'TLS02',
      name: 'Other Hearing (test)',
      sites: [{ name: 'Other clinic', postcode: 'HX3 6BP' }],
    });
    await aPracticeWithReferrer(t.deps, { odsCode: 'B84997', name: 'Other Surgery', subIcbOds: '02T', email: 'other.gp@aqp.example' });
    const nextNhsNumber = nhsNumberSequence('4017');
    const sentOn = (index: number) => `2027-02-${String(1 + (index % 20)).padStart(2, '0')}`;
    const rows: ReferralRow[] = Array.from({ length: SENT }, (_unused, index) => ({
      offerId,
      providerId,
      practiceId: practice.id,
      status: 'sent',
      referredOn: sentOn(index),
      sentAt: `${sentOn(index)}T10:00:00Z`,
      nhsNumber: nextNhsNumber(),
      givenName: index === 0 ? '=HYPERLINK("http://evil.example")' : `Patient${index}`,
      familyName: 'Listed',
    }));
    await referralRows(t.deps, rows, ubrnSequence('7'));
  });
  afterAll(() => t.close());

  it('gives the provider its whole worklist as CSV: the page’s columns and rows, every row beyond the first page, formula-safe, audited like the page', async () => {
    const clinician = await signedIn('clinician@aqp.example');
    const page = await clinician.get('/worklists/provider');
    expect(page.body).toContain('Showing 1 to 25 of 30');
    expect(page.body).toContain('<a href="/worklists/provider.csv" download>Download the whole worklist as CSV</a>');
    const shown = pageTable(page.body);
    expect(shown.head.at(-1)).toBe('Action');
    const before = (await downloadsAudited('provider')).length;

    const csv = csvTable(await clinician.get('/worklists/provider.csv'), 'worklist-provider');
    expectSameList({ head: shown.head.slice(0, -1), rows: shown.rows.map((row) => row.slice(0, -1)) }, csv);
    expect(csv.rows).toHaveLength(SENT);
    expect(csv.rows.map((row) => row[1])).toContain(`'=HYPERLINK("http://evil.example") Listed`);
    const audited = (await downloadsAudited('provider')).slice(before);
    expect(audited.flatMap((details) => details.ubrns)).toHaveLength(SENT);
  });

  it('gives the practice its worklist of overdue referrals as CSV, the same as the page and audited', async () => {
    const referrer = await signedIn('referrer@aqp.example');
    const page = await referrer.get('/worklists/referrer');
    const before = (await downloadsAudited('referrer')).length;
    const csv = csvTable(await referrer.get('/worklists/referrer.csv'), 'worklist-referrer');
    expectSameList(pageTable(page.body), csv);
    expect(csv.rows).toHaveLength(SENT);
    expect((await downloadsAudited('referrer')).length).toBeGreaterThan(before);
  });

  it('downloads the full referral list with the page’s filter, columns and rows, every match and not just the first page', async () => {
    const clinician = await signedIn('clinician@aqp.example');
    const page = await clinician.get('/worklists/referrals?status=sent&sentFrom=2027-02-01&sentTo=2027-02-18');
    expect(page.body).toContain('href="/worklists/referrals.csv?status=sent&amp;sentFrom=2027-02-01&amp;sentTo=2027-02-18"');
    const csv = csvTable(await clinician.get('/worklists/referrals.csv?status=sent&sentFrom=2027-02-01&sentTo=2027-02-18'), 'referrals');
    expectSameList(pageTable(page.body), csv);
    /* sent on 1 to 18 February: 18 of the first 20 days, then all of the next 10 */
    expect(csv.rows).toHaveLength(28);
  });

  it('refuses each worklist download to other roles, and shows another organisation none of these referrals', async () => {
    const referrer = await signedIn('referrer@aqp.example');
    expect((await referrer.get('/worklists/provider.csv')).statusCode).toBe(403);
    const clinician = await signedIn('clinician@aqp.example');
    expect((await clinician.get('/worklists/referrer.csv')).statusCode).toBe(403);
    const commissioner = await signedIn('commissioner@aqp.example');
    expect((await commissioner.get('/worklists/referrals.csv')).statusCode).toBe(403);
    const otherPractice = await signedIn('other.gp@aqp.example');
    expect(csvTable(await otherPractice.get('/worklists/referrer.csv'), 'worklist-referrer').rows).toEqual([]);
    expect(csvTable(await otherPractice.get('/worklists/referrals.csv'), 'referrals').rows).toEqual([]);
  });
});
