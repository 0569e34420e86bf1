import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { movableToday } from '../support/movable-clock.ts';
import { aListingIn, aPracticeWithReferrer, aProviderWithSites, nhsNumberFrom, tokenFor } from '../support/referral-rows.ts';
import { referralRows, ubrnSequence } from '../support/referral-list-rows.ts';
import { needsNowShown } from '../support/needs-now-links.ts';
import { WebClient } from '../support/web-client.ts';

const TODAY = '2027-03-01';
const spaced = (ubrn: string) => `${ubrn.slice(0, 4)} ${ubrn.slice(4, 8)} ${ubrn.slice(8)}`;
const nhsSpaced = (digits: string) => `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;

describe('full referral lists', () => {
  let t: TestApp;
  let provider: string;
  let referrer: string;
  /** The demo provider's and practice's referrals, and others' they must never see. */
  const r: Record<string, string> = {};
  const nhs = { a: nhsNumberFrom('401023501'), h: nhsNumberFrom('401023502'), g: nhsNumberFrom('401023503') };

  const as = (token: string, url: string) => t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  const listed = async (token: string, query = '') => {
    const response = await as(token, `/api/v1/worklists/referrals${query}`);
    expect(response.statusCode).toBe(200);
    return response.json() as { items: { ubrn: string; status: string }[]; total: number; page: number; pageSize: number };
  };
  const ubrnsOf = async (token: string, query = '') => (await listed(token, query)).items.map((item) => item.ubrn);

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo', clock: movableToday(TODAY) });
    const offer = async (service: string) =>
      (await t.app.inject(`/api/v1/offers?service=${service}&commissioner=02T`)).json().items[0].id as string;
    const [hearing, back] = [await offer('adult-hearing'), await offer('back-and-neck-pain')];
    const demo1 = (await aListingIn(t.deps, hearing, 'DEMO1', 'live', TODAY)).providerId;
    const practice = (await t.deps.db.selectFrom('organisations').select('id').where('ods_code', '=', 'B84001').executeTakeFirstOrThrow())
      .id;
    const otherProvider = await aProviderWithSites(t.deps, {
      odsCode: 'TLS01',
      name: 'Other Hearing (test)',
      sites: [{ name: 'Other clinic', postcode: 'HX3 6BP' }],
    });
    const otherPractice = (
      await aPracticeWithReferrer(t.deps, { odsCode: 'B84998', name: 'Other Surgery', subIcbOds: '02T', email: 'other.gp@aqp.example' })
    ).practiceId;
    const ours = { providerId: demo1, practiceId: practice };
    const ubrns = await referralRows(
      t.deps,
      [
        {
          ...ours,
          offerId: hearing,
          status: 'sent',
          referredOn: '2027-02-25',
          sentAt: '2027-02-25T10:00:00Z',
          acceptBy: '2027-03-04',
          nhsNumber: nhs.a,
          givenName: 'Ada',
          familyName: 'Sent',
        },
        {
          ...ours,
          offerId: hearing,
          status: 'sent',
          referredOn: '2027-02-10',
          sentAt: '2027-02-10T10:00:00Z',
          acceptBy: '2027-02-17',
          givenName: 'Bea',
          familyName: 'Overdue',
        },
        {
          ...ours,
          offerId: back,
          status: 'accepted',
          referredOn: '2027-01-15',
          sentAt: '2027-01-15T10:00:00Z',
          givenName: 'Cal',
          familyName: 'Accepted',
        },
        {
          ...ours,
          offerId: hearing,
          status: 'discharged',
          referredOn: '2026-08-31',
          sentAt: '2026-08-31T23:30:00Z',
          givenName: 'Dee',
          familyName: 'Discharged',
        },
        {
          ...ours,
          offerId: hearing,
          status: 'returned',
          referredOn: '2027-02-20',
          sentAt: '2027-02-20T10:00:00Z',
          givenName: 'Eve',
          familyName: 'Returned',
        },
        {
          ...ours,
          providerId: null,
          offerId: hearing,
          status: 'awaiting-choice',
          referredOn: '2027-02-28',
          givenName: 'Fay',
          familyName: 'Choosing',
        },
        {
          ...ours,
          offerId: hearing,
          status: 'cancelled',
          referredOn: '2027-02-01',
          sentAt: '2027-02-01T23:30:00Z',
          nhsNumber: nhs.g,
          givenName: '=HYPERLINK("http://evil.example")',
          familyName: 'Smith, "Jr"',
        },
        {
          providerId: otherProvider,
          practiceId: practice,
          offerId: hearing,
          status: 'sent',
          referredOn: '2027-02-26',
          acceptBy: '2027-03-05',
          nhsNumber: nhs.h,
          givenName: 'Hal',
          familyName: 'Elsewhere',
        },
        {
          providerId: demo1,
          practiceId: otherPractice,
          offerId: hearing,
          status: 'sent',
          referredOn: '2027-02-27',
          acceptBy: '2027-03-06',
          nhsNumber: nhs.h,
          givenName: 'Hal',
          familyName: 'Elsewhere',
        },
        {
          providerId: otherProvider,
          practiceId: otherPractice,
          offerId: hearing,
          status: 'sent',
          referredOn: '2027-02-27',
          nhsNumber: nhs.a,
          givenName: 'Ada',
          familyName: 'Sent',
        },
      ],
      ubrnSequence('7'),
    );
    ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].forEach((key, index) => {
      r[key] = ubrns[index]!;
    });
    provider = await tokenFor(t.deps, demo1, 'provider-clinician');
    referrer = await tokenFor(t.deps, practice, 'referrer');
  });
  afterAll(() => t.close());

  it('lists every referral sent to the provider, open and closed, newest sent first, and none sent to anyone else', async () => {
    expect(await ubrnsOf(provider)).toEqual([r.i, r.a, r.e, r.b, r.g, r.c, r.d]);
  });

  it('lists the practice every referral it made, including one waiting for the patient’s choice, and none another practice made', async () => {
    expect(await ubrnsOf(referrer)).toEqual([r.f, r.h, r.a, r.e, r.b, r.g, r.c, r.d]);
  });

  it('filters by status, overdue, service and the dates sent (England’s calendar), and the filters combine', async () => {
    expect(await ubrnsOf(provider, '?status=sent')).toEqual([r.i, r.a, r.b]);
    expect(await ubrnsOf(provider, '?overdue=true')).toEqual([r.b]);
    expect(await ubrnsOf(provider, '?service=back-and-neck-pain')).toEqual([r.c]);
    expect(await ubrnsOf(provider, '?sentFrom=2027-02-02&sentTo=2027-02-20')).toEqual([r.e, r.b]);
    expect(await ubrnsOf(provider, '?sentFrom=2027-02-01&sentTo=2027-02-01')).toEqual([r.g]);
    expect(await ubrnsOf(provider, '?sentFrom=2026-09-01&sentTo=2026-09-01')).toEqual([r.d]);
    expect(await ubrnsOf(provider, '?sentTo=2026-08-31')).toEqual([]);
    expect(await ubrnsOf(provider, '?status=sent&sentTo=2027-02-26')).toEqual([r.a, r.b]);
    expect(await ubrnsOf(referrer, '?sentFrom=2027-02-26')).toEqual([r.f, r.h]);
  });

  it('finds a referral by NHS number or reference typed with any spacing, only among the organisation’s own', async () => {
    expect(await ubrnsOf(provider, `?search=${encodeURIComponent(nhsSpaced(nhs.a))}`)).toEqual([r.a]);
    expect(await ubrnsOf(provider, `?search=${encodeURIComponent(` ${nhs.a.slice(0, 5)} ${nhs.a.slice(5)} `)}`)).toEqual([r.a]);
    expect(await ubrnsOf(provider, `?search=${encodeURIComponent(spaced(r.c!))}`)).toEqual([r.c]);
    expect(await ubrnsOf(provider, `?search=${r.h}`)).toEqual([]);
    expect(await ubrnsOf(provider, `?search=${nhs.h}`)).toEqual([r.i]);
    expect(await ubrnsOf(referrer, `?search=${nhs.h}`)).toEqual([r.h]);
    expect(await ubrnsOf(referrer, `?search=${r.j}`)).toEqual([]);
  });

  it('pages the list with a total, and the page links keep the filter', async () => {
    const second = await listed(provider, '?pageSize=3&page=2');
    expect(second).toMatchObject({ total: 7, page: 2, pageSize: 3 });
    expect(second.items.map((item) => item.ubrn)).toEqual([r.b, r.g, r.c]);
    expect((await as(provider, '/api/v1/worklists/referrals?pageSize=201')).statusCode).toBe(400);

    const clinician = new WebClient(t.app);
    await clinician.signIn('clinician@aqp.example');
    const page = await clinician.get('/worklists/referrals?status=sent&page=1');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Showing 1 to 3 of 3 matching your filters');
    expect(page.body).toContain(spaced(r.a!));
    expect(page.body).not.toContain(spaced(r.c!));
    expect(page.body).toContain('class="nhsuk-table nhsuk-table--responsive"');
    expect(page.body).toContain('<span class="nhsuk-table__heading" aria-hidden="true">Reference </span>');
    expect(page.body).toContain('href="/worklists/referrals.csv?status=sent"');
  });

  it('refuses bad filters with every field named: a coded 400 on the API, errors next to the fields on the page', async () => {
    const bad = await as(provider, '/api/v1/worklists/referrals?search=12345&sentFrom=2027-02-30&sentTo=2027-01-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'validation-failed' });
    expect(
      bad
        .json()
        .errors.map((error: { field: string }) => error.field)
        .sort(),
    ).toEqual(['search', 'sentFrom']);
    expect((await as(provider, '/api/v1/worklists/referrals?status=lost')).statusCode).toBe(400);

    const clinician = new WebClient(t.app);
    await clinician.signIn('clinician@aqp.example');
    const page = await clinician.get('/worklists/referrals?sentFrom-day=30&sentFrom-month=2&sentFrom-year=2027&search=abc');
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('href="#sentFrom-day"');
    expect(page.body).toContain('The date sent from must be a real date');
    expect(page.body).toContain('Enter a 10-digit NHS number or a 12-digit referral reference');
    expect(page.body).toContain('value="abc"');
  });

  it('downloads the filtered list as RFC 4180 CSV with the page’s columns, that no spreadsheet runs as a formula, audited with every reference it holds', async () => {
    const clinician = new WebClient(t.app);
    await clinician.signIn('clinician@aqp.example');
    const csv = await clinician.get('/worklists/referrals.csv?sentFrom=2027-02-01&sentTo=2027-02-20');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="referrals-2027-03-01.csv"');
    expect(csv.headers['cache-control']).toBe('no-store');
    const lines = csv.body.split('\r\n');
    expect(lines[0]).toBe('\ufeffReference,Patient,NHS number,Service,Referred by,Status,Sent to you,Accept by');
    expect(lines).toHaveLength(5);
    expect(lines[4]).toBe('');
    expect(lines[1]).toContain(`${spaced(r.e!)},Eve Returned,Not given,`);
    expect(lines[3]).toBe(
      `${spaced(r.g!)},"'=HYPERLINK(""http://evil.example"") Smith, ""Jr""",${nhsSpaced(nhs.g)},Adult hearing,Station Road Surgery,Cancelled,1 February 2027,8 February 2027`,
    );
    const audit = await t.deps.db
      .selectFrom('audit_events')
      .select(['details'])
      .where('action', '=', 'referral.list-download')
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ side: 'provider', total: 3, ubrns: [r.e, r.b, r.g] });

    const api = await as(referrer, '/api/v1/worklists/referrals.csv?status=sent');
    expect(api.statusCode).toBe(200);
    expect(
      api.body
        .split('\r\n')
        .slice(1, -1)
        .map((line) => line.split(',')[0]),
    ).toEqual([spaced(r.h!), spaced(r.a!), spaced(r.b!)]);
  });

  it('audits each page seen as a view of patient data, and refuses the list to roles that have none', async () => {
    await listed(provider, '?status=returned');
    const audit = await t.deps.db
      .selectFrom('audit_events')
      .select(['details'])
      .where('action', '=', 'referral.list-view')
      .orderBy('occurred_at', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ side: 'provider', filter: { status: 'returned' }, total: 1, ubrns: [r.e] });
    const commissioner = await tokenFor(
      t.deps,
      (await t.deps.db.selectFrom('organisations').select('id').where('ods_code', '=', 'QWO').executeTakeFirstOrThrow()).id,
      'commissioner',
    );
    expect((await as(commissioner, '/api/v1/worklists/referrals')).statusCode).toBe(403);
    expect((await as(commissioner, '/api/v1/worklists/referrals.csv')).statusCode).toBe(403);
  });

  it('shows each role counts of what needs doing now, each a link to a list of exactly the rows it counts', async () => {
    const demo1 = (await t.deps.db.selectFrom('organisations').select('id').where('ods_code', '=', 'DEMO1').executeTakeFirstOrThrow()).id;
    const practice = (await t.deps.db.selectFrom('organisations').select('id').where('ods_code', '=', 'B84001').executeTakeFirstOrThrow())
      .id;
    const hearing = (
      await t.deps.db.selectFrom('listings').select('offer_id').where('provider_organisation_id', '=', demo1).executeTakeFirstOrThrow()
    ).offer_id;
    await t.deps.db
      .insertInto('applications')
      .values({
        offer_id: hearing,
        provider_organisation_id: demo1,
        attempt: 2,
        status: 'clarification',
        submitted_at: new Date(),
        updated_at: new Date(),
      })
      .execute();
    await t.deps.db
      .insertInto('outbox_messages')
      .values([
        { organisation_id: demo1, subject: 'Unread one', body: 'First.' },
        { organisation_id: demo1, subject: 'Unread two', body: 'Second.' },
        { organisation_id: demo1, subject: 'Read already', body: 'Third.', read_at: new Date() },
        { organisation_id: practice, subject: 'For the practice', body: 'Fourth.' },
      ])
      .execute();

    /** The home page's counts with their links, each followed to the number of rows it lists. */
    const countsAndRows = async (email: string) => {
      const person = new WebClient(t.app);
      await person.signIn(email);
      return needsNowShown(person);
    };

    const clinician = await countsAndRows('clinician@aqp.example');
    expect(clinician.map(({ count, text, href }) => ({ count, text, href }))).toEqual([
      { count: 3, text: 'referrals to accept', href: '/worklists/referrals?status=sent' },
      { count: 1, text: 'referral overdue: not accepted by its accept-by date', href: '/worklists/referrals?status=sent&overdue=yes' },
      { count: 0, text: 'queries on activity lines waiting for your answer', href: '/payments/queries?state=raised' },
      { count: 0, text: 'KPI breaches open', href: '/quality/breaches?state=open' },
      { count: 2, text: 'unread messages', href: '/messages?show=unread' },
    ]);
    const admin = await countsAndRows('provider.admin@aqp.example');
    expect(admin.find((link) => link.href === '/applications?status=clarification')).toMatchObject({
      count: 1,
      text: 'application waiting for your answer to a clarification question',
    });
    const gp = await countsAndRows('referrer@aqp.example');
    expect(gp.map(({ count, href }) => ({ count, href }))).toEqual([
      { count: 1, href: '/worklists/referrals?status=returned' },
      { count: 1, href: '/worklists/referrals?status=sent&overdue=yes' },
      { count: 1, href: '/messages?show=unread' },
    ]);
    const national = await countsAndRows('national.admin@aqp.example');
    expect(national.map(({ href }) => href)).toEqual(['/messages?show=unread']);
    for (const link of [...clinician, ...admin, ...gp, ...national]) expect(link.shown, link.href).toBe(link.count);
  });
});
