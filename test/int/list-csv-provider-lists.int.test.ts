import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertOutboxMessage } from '../../src/domains/providers/provider-outbox.repo.ts';
import { aHearingOfferWithLiveProvider } from '../support/kpi-result-rows.ts';
import { completeAssurance } from '../support/assurance-rows.ts';
import { csvTable, expectSameList, pageAndCsv, signedInClient } from '../support/list-csv.ts';
import { movableToday } from '../support/movable-clock.ts';
import { aPersonIn } from '../support/referral-rows.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { WebClient } from '../support/web-client.ts';

const TODAY = '2027-03-01';

describe('CSV downloads of the provider lists: offers open for applications, messages, sites and evidence to verify', () => {
  let t: TestApp;
  const orgId = async (ods: string) =>
    (await t.deps.db.selectFrom('organisations').select('id').where('ods_code', '=', ods).executeTakeFirstOrThrow()).id;
  const signedIn = (email: string) => signedInClient(t.app, email);
  /** The page's table without its last, page-only column (links to act on a row). */
  const withoutActions = (table: { head: string[]; rows: string[][] }) => ({
    head: table.head.slice(0, -1),
    rows: table.rows.map((row) => row.slice(0, -1)),
  });

  beforeAll(async () => {
    t = await createTestApp({ seed: 'region', clock: movableToday(TODAY) });
    await aHearingOfferWithLiveProvider(t.deps, TODAY, 'DEMO1');
    await aHearingOfferWithLiveProvider(t.deps, TODAY, 'DEMO2');
    await aPersonIn(t.deps, await orgId('DEMO2'), { email: 'demo2.admin@test.example', name: 'Dee', role: 'provider-admin' });
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

  it('downloads every message to the organisation, not one page, only unread ones when the page shows those, and none of another’s', async () => {
    const demo1 = await orgId('DEMO1');
    const before = await t.deps.db.selectFrom('outbox_messages').select('id').where('organisation_id', '=', demo1).execute();
    for (let n = 1; n <= 27; n += 1) {
      const message = {
        organisationId: demo1,
        subject: `Notice ${n}`,
        body: `-Notice ${n}: see your listing.`,
        entityType: 'organisation',
        entityId: demo1,
      };
      await insertOutboxMessage(t.deps.db, message, new Date(Date.UTC(2027, 1, n, 9)));
    }
    const elsewhere = {
      organisationId: await orgId('DEMO2'),
      subject: 'Not yours',
      body: 'For DEMO2.',
      entityType: 'organisation',
      entityId: demo1,
    };
    await insertOutboxMessage(t.deps.db, elsewhere, new Date('2027-02-28T09:00:00Z'));

    const provider = await signedIn('provider.admin@aqp.example');
    const id = /action="\/messages\/([0-9a-f-]+)\/read"/.exec((await provider.get('/messages')).body)![1]!;
    expect((await provider.submit('/messages', {}, `/messages/${id}/read`)).statusCode).toBe(303);
    const all = await pageAndCsv(provider, '/messages', 'messages');
    expect(all.href).toBe('/messages.csv');
    expect(all.page.head.at(-1)).toBe('Action');
    expectSameList(withoutActions(all.page), all.csv);
    expect(all.csv.head).toEqual(['Sent', 'Subject', 'Message', 'Status', 'Email']);
    expect(all.page.rows).toHaveLength(25);
    expect(all.csv.rows).toHaveLength(before.length + 27);
    expect(all.csv.rows[0]!.slice(1, 4)).toEqual(['Notice 27', "'-Notice 27: see your listing.", 'Read']);
    expect(all.csv.rows.map((row) => row[1])).not.toContain('Not yours');

    const unread = await pageAndCsv(provider, '/messages?show=unread', 'messages');
    expect(unread.href).toBe('/messages.csv?show=unread');
    expectSameList(withoutActions(unread.page), unread.csv);
    expect(unread.csv.rows).toHaveLength(all.csv.rows.filter((row) => row[3] === 'Unread').length);
    expect(unread.csv.rows.map((row) => row[1])).not.toContain('Notice 27');

    const other = csvTable(await (await signedIn('demo2.admin@test.example')).get('/messages.csv'), 'messages');
    expect(other.rows.map((row) => row[1])).toContain('Not yours');
    expect(other.rows.map((row) => row[1])).not.toContain('Notice 1');
    const anonymous = await new WebClient(t.app).get('/messages.csv');
    expect(anonymous.statusCode).not.toBe(200);
    expect(anonymous.body).not.toContain('Notice');
  });

  it('downloads all the evidence waiting for the national qualification centre, beyond the page’s 50, and refuses a commissioner’s assessor', async () => {
    for (let n = 1; n <= 10; n += 1) {
      const provider = await t.deps.db
        .insertInto('organisations')
        .values({ ods_code: `TQ${n}`, name: `Queue Provider ${n} (test)`, kind: 'provider' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await completeAssurance(t.deps.db, provider.id).insert();
    }
    const national = await t.deps.db.selectFrom('organisations').select('id').where('kind', '=', 'national').executeTakeFirstOrThrow();
    await aPersonIn(t.deps, national.id, { email: 'national.assessor@test.example', name: 'Nia', role: 'assessor' });
    const pending = await t.deps.db
      .selectFrom('assurance_evidence')
      .select('id')
      .where('superseded_at', 'is', null)
      .where('verification_status', '=', 'pending')
      .execute();

    const verifier = await signedIn('national.assessor@test.example');
    const { page, href, csv } = await pageAndCsv(verifier, '/assurance/verification', 'evidence-to-verify');
    expect(href).toBe('/assurance/verification.csv');
    expectSameList(page, csv);
    expect(csv.head).toEqual(['Provider', 'Evidence', 'Expires', 'Recorded']);
    expect(page.rows).toHaveLength(50);
    expect(csv.rows).toHaveLength(pending.length);
    expect(pending.length).toBeGreaterThan(50);
    expect((await (await signedIn('assessor@aqp.example')).get('/assurance/verification.csv')).statusCode).toBe(403);
  });

  it('downloads the provider’s own sites as the page lists them, none of another provider’s, and refuses a referrer', async () => {
    const provider = await signedIn('provider.admin@aqp.example');
    const { page, href, csv } = await pageAndCsv(provider, '/provider/sites', 'sites');
    expect(href).toBe('/provider/sites.csv');
    expectSameList(page, csv);
    expect(csv.head).toEqual(['Site', 'ODS site code', 'Postcode', 'Care given', 'Opening times', 'Status']);
    expect(csv.rows).toHaveLength(page.rows.length);
    const other = csvTable(await (await signedIn('demo2.admin@test.example')).get('/provider/sites.csv'), 'sites');
    expect(other.rows.length).toBeGreaterThan(0);
    for (const row of other.rows) expect(csv.rows.map((ours) => ours[0])).not.toContain(row[0]);
    expect((await (await signedIn('referrer@aqp.example')).get('/provider/sites.csv')).statusCode).toBe(403);
  });
});
