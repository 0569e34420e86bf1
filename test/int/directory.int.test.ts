import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haversineKm } from '../support/haversine.ts';
import { inCommissionerArea, placeDistricts, placeScottishPostcode, REAL_DISTRICTS } from '../support/directory-rows.ts';
import { csvTable } from '../support/list-csv.ts';
import { movableToday } from '../support/movable-clock.ts';
import { acceptedReferrals, aListingIn, aProviderWithSites, placePostcodes, REAL_POSTCODES } from '../support/referral-rows.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { WebClient } from '../support/web-client.ts';
import { aStoredKpiResult, feedbackGiven } from '../support/quality-rows.ts';

const TODAY = '2027-03-01';

interface Entry {
  listingId: string;
  provider: { id: string; odsCode: string | null; name: string };
  site: {
    id: string;
    name: string;
    postcode: string;
    latitude: number;
    longitude: number;
    accessibility: string;
    openingTimes: { day: string; opens: string; closes: string }[];
    phone: string | null;
  };
  distanceKm: number;
  distanceMiles: number;
  wait: { workingDays: number | null; basedOn: number };
  quality: { cqcStatus: string | null; assuranceVerified: boolean; contractStart: string | null };
}

describe('the public directory', () => {
  let t: TestApp;
  let calderdaleHearing: string;
  let halifax: { listingId: string; providerId: string };

  const search = async (query: string) => t.app.inject(`/api/v1/directory?${query}`);
  const entriesOf = async (query: string): Promise<Entry[]> => (await search(query)).json().items;
  const offerFor = async (service: string, commissioner: string) =>
    (await t.app.inject(`/api/v1/offers?service=${service}&commissioner=${commissioner}`)).json().items[0].id as string;
  const names = (entries: Entry[]) => entries.map((entry) => `${entry.provider.name} / ${entry.site.name}`);

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo', clock: movableToday(TODAY) });
    await placePostcodes(t.deps);
    await placeDistricts(t.deps);
    await inCommissionerArea(t.deps, '02T', ['HX6 3AB', 'HX1 1PW', 'HX3 6BP']);
    await inCommissionerArea(t.deps, 'X2C4Y', ['HD1 1JF', 'HD1 6PT', 'HD2 2EF', 'HD8 8QU']);
    await t.deps.db.updateTable('organisations').set(REAL_POSTCODES['HX6 3AB']!).where('ods_code', '=', 'B84001').execute();
    calderdaleHearing = await offerFor('adult-hearing', '02T');
    const kirkleesHearing = await offerFor('adult-hearing', 'X2C4Y');
    await aProviderWithSites(t.deps, {
      odsCode: 'TST31',
      name: 'Ripponden Hearing (test)',
      sites: [
        { name: 'Ripponden clinic', postcode: 'HX6 3AB' },
        { name: 'Todmorden clinic', postcode: 'OL14 5RN' },
        { name: 'Leeds clinic', postcode: 'LS1 4AP' },
      ],
    });
    await aProviderWithSites(t.deps, {
      odsCode: 'TST32',
      name: 'Halifax Audiology (test)',
      sites: [
        { name: 'Halifax clinic', postcode: 'HX3 6BP' },
        { name: 'Old Halifax clinic', postcode: 'HX1 1PW', closed: true },
        { name: 'Huddersfield clinic', postcode: 'HD2 2EF' },
      ],
    });
    await aProviderWithSites(t.deps, {
      odsCode: 'TST33',
      name: 'Suspended Hearing (test)',
      sites: [{ name: 'Suspended clinic', postcode: 'HX1 1PW' }],
    });
    await aProviderWithSites(t.deps, {
      odsCode: 'TST34',
      name: 'Expired Hearing (test)',
      sites: [{ name: 'Expired clinic', postcode: 'HX1 1PW' }],
    });
    await aProviderWithSites(t.deps, {
      odsCode: 'TST35',
      name: 'Kirklees Only Hearing (test)',
      sites: [{ name: 'Kirklees clinic', postcode: 'HD1 6PT' }],
    });
    await aProviderWithSites(t.deps, {
      odsCode: 'TST36',
      name: 'Not Yet Contracted (test)',
      sites: [{ name: 'Elland clinic', postcode: 'HX1 1PW' }],
    });
    await aListingIn(t.deps, calderdaleHearing, 'TST31', 'live', TODAY);
    halifax = await aListingIn(t.deps, calderdaleHearing, 'TST32', 'live', TODAY);
    await aListingIn(t.deps, calderdaleHearing, 'TST33', 'suspended', TODAY);
    await aListingIn(t.deps, calderdaleHearing, 'TST34', 'expired', TODAY);
    await aListingIn(t.deps, kirkleesHearing, 'TST35', 'live', TODAY);
    await aListingIn(t.deps, calderdaleHearing, 'TST36', 'qualified', TODAY);
    await t.deps.db.updateTable('sites').set({ closed_on: '2027-02-01' }).where('name', '=', 'Leeds clinic').execute();
    await t.deps.db
      .updateTable('sites')
      .set({
        accessibility: 'Step-free entrance and a hearing loop at reception.',
        phone: '01422 123456',
        opening_times: JSON.stringify([
          { day: 'monday', opens: '09:00', closes: '17:00' },
          { day: 'saturday', opens: '09:00', closes: '12:30' },
        ]),
      })
      .where('name', '=', 'Halifax clinic')
      .execute();
    await acceptedReferrals(t.deps, { offerId: calderdaleHearing, ...halifax }, [
      ['2027-02-01', '2027-02-03', '2027-02-15'],
      ['2027-02-01', '2027-02-04', '2027-02-22'],
      ['2027-02-08', '2027-02-11', '2027-02-22'],
      ['2027-02-15', '2027-02-22', '2027-03-01'],
      ['2027-02-15', '2027-02-16', '2027-02-26'],
      ['2026-10-01', '2026-10-30', '2026-11-02'],
    ]);
    await aStoredKpiResult(t.deps, { offerId: calderdaleHearing, ...halifax, endMonth: '2027-02', numerator: 216, denominator: 240 });
    await feedbackGiven(t.deps, { offerId: calderdaleHearing, ...halifax }, ['very-good', 'good', 'good', 'good', 'poor'], '2027-01-20');
  });
  afterAll(() => t.close());

  it('lists every open site of every live provider for the postcode’s commissioner, nearest first, and no suspended, expired, not-yet-live or other-commissioner provider, nor a closed site', async () => {
    const response = await search('service=adult-hearing&postcode=hx63ab');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      service: { code: 'adult-hearing' },
      place: { kind: 'postcode', label: 'HX6 3AB' },
      commissioner: { odsCode: '02T', method: 'postcode-directory' },
      offer: { id: calderdaleHearing },
      notice: null,
    });

    const expected = await t.deps.db
      .selectFrom('listings as l')
      .innerJoin('listing_sites as ls', 'ls.listing_id', 'l.id')
      .innerJoin('sites as s', 's.id', 'ls.site_id')
      .select('s.id')
      .where('l.offer_id', '=', calderdaleHearing)
      .where('l.status', '=', 'live')
      .where('s.closed_on', 'is', null)
      .execute();
    expect(body.items.map((entry: Entry) => entry.site.id).sort()).toEqual(expected.map((row) => row.id).sort());
    expect(body.total).toBe(4);
    expect(body.providers).toBe(2);
    expect(names(body.items)).toEqual([
      'Ripponden Hearing (test) / Ripponden clinic',
      'Halifax Audiology (test) / Halifax clinic',
      'Halifax Audiology (test) / Huddersfield clinic',
      'Ripponden Hearing (test) / Todmorden clinic',
    ]);

    const origin = REAL_POSTCODES['HX6 3AB']!;
    for (const entry of body.items as Entry[]) {
      const km = haversineKm(origin, REAL_POSTCODES[entry.site.postcode]!);
      expect(entry.distanceKm).toBeCloseTo(km, 6);
      expect(entry.distanceMiles).toBeCloseTo(km / 1.609344, 6);
    }
    const distances = body.items.map((entry: Entry) => entry.distanceKm);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
  });

  it('gives each site its opening times and access information, and each provider its wait from accepted referrals and its quality', async () => {
    const entries = await entriesOf('service=adult-hearing&postcode=HX6%203AB');
    const halifaxClinic = entries.find((entry) => entry.site.name === 'Halifax clinic')!;
    expect(halifaxClinic).toMatchObject({
      site: {
        accessibility: 'Step-free entrance and a hearing loop at reception.',
        phone: '01422 123456',
        openingTimes: [
          { day: 'monday', opens: '09:00', closes: '17:00' },
          { day: 'saturday', opens: '09:00', closes: '12:30' },
        ],
      },
      wait: { workingDays: 3, basedOn: 5 },
      quality: {
        cqcStatus: 'registered',
        assuranceVerified: true,
        contractStart: '2027-01-30',
        kpis: [{ name: 'Seen within 16 working days', figure: { numerator: 216, denominator: 240, percentTenths: 900, met: true } }],
        feedback: { published: true, responses: 5, positivePercent: 80 },
      },
    });
    expect(entries.find((entry) => entry.site.name === 'Ripponden clinic')).toMatchObject({
      site: { accessibility: '', openingTimes: [], phone: null },
      wait: { workingDays: null, basedOn: 0 },
      quality: { kpis: [], feedback: { published: false } },
    });
  });

  it('searches a district from its centre, for the commissioner of its postcodes, or estimates it from nearby practices and says so', async () => {
    const hx6 = (await search('service=adult-hearing&postcode=hx6')).json();
    expect(hx6).toMatchObject({
      place: { kind: 'district', label: 'HX6', latitude: REAL_DISTRICTS.HX6!.latitude },
      commissioner: { odsCode: '02T', method: 'postcode-directory', explanation: expect.stringContaining('Every postcode in HX6') },
    });
    for (const entry of hx6.items as Entry[]) expect(entry.distanceKm).toBeCloseTo(haversineKm(REAL_DISTRICTS.HX6!, entry.site), 6);
    expect(hx6.total).toBe(4);

    const ol14 = (await search('service=adult-hearing&postcode=OL14')).json();
    expect(ol14.commissioner).toMatchObject({
      odsCode: '02T',
      method: 'nearest-practices',
      explanation: expect.stringMatching(/^Estimated: .*centre of OL14.*enter a full postcode to be sure/),
    });
    expect(names(ol14.items)[0]).toBe('Ripponden Hearing (test) / Todmorden clinic');
  });

  it('lists a Kirklees postcode’s own providers only', async () => {
    const entries = await entriesOf('service=adult-hearing&postcode=HD1%201JF');
    expect(names(entries)).toEqual(['Kirklees Only Hearing (test) / Kirklees clinic']);
  });

  it('pages through the list without losing or repeating a site, with previous and next links on the page', async () => {
    const all = await entriesOf('service=adult-hearing&postcode=HX6%203AB');
    const pages = await Promise.all(
      [1, 2, 3].map(async (page) => (await search(`service=adult-hearing&postcode=HX6%203AB&page=${page}&pageSize=3`)).json()),
    );
    expect(pages.map((page) => [page.page, page.pageSize, page.total, page.items.length])).toEqual([
      [1, 3, 4, 3],
      [2, 3, 4, 1],
      [3, 3, 4, 0],
    ]);
    expect(pages.flatMap((page) => page.items.map((entry: Entry) => entry.site.id))).toEqual(all.map((entry) => entry.site.id));

    await aProviderWithSites(t.deps, {
      odsCode: 'TST37',
      name: 'Many Clinics Hearing (test)',
      sites: Array.from({ length: 24 }, (_, index) => ({ name: `Clinic ${String(index + 1).padStart(2, '0')}`, postcode: 'HX3 6BP' })),
    });
    const many = await aListingIn(t.deps, calderdaleHearing, 'TST37', 'live', TODAY);
    const second = await t.app.inject('/directory?service=adult-hearing&postcode=HX6+3AB&page=2');
    expect(second.statusCode).toBe(200);
    expect(second.body).toContain('Showing 26 to 28 of 28');
    expect(second.body).toContain('href="/directory?service=adult-hearing&amp;postcode=HX6+3AB&amp;page=1"');
    expect(second.body).toContain('Ripponden Hearing (test)</a>, Todmorden clinic');
    const first = await t.app.inject('/directory?service=adult-hearing&postcode=HX6+3AB');
    expect(first.body).toContain(
      'href="/directory.csv?service=adult-hearing&amp;postcode=HX6+3AB" download>Download every site found as CSV',
    );
    const csv = csvTable(await t.app.inject('/directory.csv?service=adult-hearing&postcode=HX6+3AB'), 'directory');
    expect(csv.rows).toHaveLength(28);
    const keys = [...first.body.matchAll(/<dt class="nhsuk-summary-list__key">\s*([^<]*?)\s*<\/dt>/g)].map((match) => match[1]);
    expect(keys.slice(0, csv.head.length - 3)).toEqual(csv.head.slice(3));
    expect(first.body).toContain(`${csv.rows[0]![0]}</a>, ${csv.rows[0]![1]}</h3>`);
    expect(first.body).toContain(`<strong>${csv.rows[0]![2]}</strong>`);
    expect((await t.app.inject('/directory.csv?service=adult-hearing')).headers.location).toBe(
      '/directory?service=adult-hearing&postcode=',
    );
    await t.deps.db.updateTable('listings').set({ status: 'suspended' }).where('id', '=', many.listingId).execute();
  });

  it('gives every anonymous reader the same page with no session and no form that posts, and a signed-in person their own', async () => {
    const url = '/directory?service=adult-hearing&postcode=HX6+3AB';
    const [first, again] = [await t.app.inject(url), await t.app.inject(url)];
    expect(first.statusCode).toBe(200);
    expect(again.body).toBe(first.body);
    expect(first.headers['set-cookie']).toBeUndefined();
    expect(first.body).not.toMatch(/name="_csrf"|method="post"/i);
    expect(await t.deps.db.selectFrom('web_sessions').select('id').execute()).toEqual([]);
    const person = new WebClient(t.app);
    await person.signIn('commissioner@aqp.example');
    const theirs = await person.get(url);
    expect(theirs.statusCode).toBe(200);
    expect(theirs.body).toContain('Sign out');
    expect(first.body).not.toContain('Sign out');
    expect(theirs.body).toContain('Ripponden Hearing (test)');
    expect((await t.app.inject(url)).body, 'the signed-in page is not kept for anonymous readers').toBe(first.body);
  });

  it('sends an anonymous reader whose browser accepts gzip the same page gzipped, marked as varying by Accept-Encoding, and anyone else the page as it is', async () => {
    const url = '/directory?service=adult-hearing&postcode=HX1+1PW';
    const plain = await t.app.inject(url);
    const gzipped = await t.app.inject({ url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzipped.rawPayload).toString('utf8')).toBe(plain.body);
    expect(gzipped.rawPayload.length).toBeLessThan(plain.rawPayload.length / 5);
    for (const reply of [plain, gzipped]) {
      expect(reply.headers.vary).toMatch(/^Accept-Encoding, /);
      expect(reply.headers['cache-control']).toMatch(/^public/);
    }
    const head = await t.app.inject({ method: 'HEAD', url, headers: { 'accept-encoding': 'gzip' } });
    expect(head.headers['content-encoding']).toBe('gzip');
    expect(Number(head.headers['content-length']), 'HEAD says the gzip form’s length').toBe(gzipped.rawPayload.length);
    expect(head.rawPayload.length).toBe(0);
    const refused = await t.app.inject({ url, headers: { 'accept-encoding': 'gzip;q=0, identity' } });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.body).toBe(plain.body);
    const person = new WebClient(t.app);
    await person.signIn('commissioner@aqp.example');
    const theirs = await person.get(url, { 'accept-encoding': 'gzip' });
    expect(theirs.headers['content-encoding'], 'a signed-in page is rendered per person and sent as it is').toBeUndefined();
    expect(theirs.body).toContain('Sign out');
  });

  it('says which commissioner does not commission the service through AQP, and when an offer has no live provider yet', async () => {
    const podiatry = (await search('service=podiatry&postcode=HX6%203AB')).json();
    expect(podiatry).toMatchObject({
      items: [],
      total: 0,
      offer: null,
      notice: {
        code: 'not-commissioned',
        message: 'The NHS in West Yorkshire, the area HX6 3AB is in, does not offer podiatry through Any Qualified Provider.',
      },
    });
    const back = (await search('service=back-and-neck-pain&postcode=HX6%203AB')).json();
    expect(back).toMatchObject({
      items: [],
      offer: { reference: expect.stringMatching(/^AQP-/) },
      notice: {
        code: 'no-live-providers',
        message:
          'The NHS in West Yorkshire offers back and neck pain through Any Qualified Provider, but no provider is taking referrals for it yet.',
      },
    });
    const page = await t.app.inject('/directory?service=podiatry&postcode=HX6+3AB');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('does not offer podiatry through Any Qualified Provider');
  });

  it('refuses unknown, closed, malformed and Scottish postcodes and unknown services with coded problems naming the field', async () => {
    await t.deps.db.updateTable('postcodes').set({ terminated_on: '2020-01-01' }).where('postcode', '=', 'HD8 8QU').execute();
    await placeScottishPostcode(t.deps);
    const problem = async (query: string) => {
      const response = await search(query);
      return {
        status: response.statusCode,
        code: response.json().code,
        fields: response.json().errors?.map((error: { field: string }) => error.field),
      };
    };
    expect(await problem('service=adult-hearing&postcode=SW1A%209ZZ')).toEqual({
      status: 404,
      code: 'postcode-unknown',
      fields: ['postcode'],
    });
    expect(await problem('service=adult-hearing&postcode=HD8%208QU')).toEqual({
      status: 404,
      code: 'postcode-terminated',
      fields: ['postcode'],
    });
    expect(await problem('service=adult-hearing&postcode=hello')).toEqual({ status: 400, code: 'validation-failed', fields: ['postcode'] });
    expect(await problem('service=adult-hearing&postcode=EH1%201YZ')).toEqual({
      status: 400,
      code: 'validation-failed',
      fields: ['postcode'],
    });
    expect(await problem('service=adult-hearing&postcode=EH1')).toEqual({ status: 400, code: 'validation-failed', fields: ['postcode'] });
    expect(await problem('service=not-a-service&postcode=SW1A%209ZZ')).toEqual({
      status: 400,
      code: 'validation-failed',
      fields: ['service', 'postcode'],
    });
    expect((await search('postcode=HX6')).statusCode).toBe(400);

    const page = await t.app.inject('/directory?service=&postcode=SW1A+9ZZ');
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('<title>Error: Find an AQP provider');
    expect(page.body).toMatch(/href="#service">\s*Select a service/);
    expect(page.body).toMatch(/id="postcode-error"[\s\S]*We cannot find the postcode SW1A 9ZZ/);
  });

  it('shows a provider’s live services with their commissioners, sites, wait to first appointment (time to accept in the API too) and quality, by ODS code or id, and no page for a provider with none live', async () => {
    const byCode = await t.app.inject('/api/v1/directory/providers/tst32');
    expect(byCode.statusCode).toBe(200);
    const provider = byCode.json();
    expect(provider).toMatchObject({ odsCode: 'TST32', name: 'Halifax Audiology (test)' });
    expect(provider.services).toHaveLength(1);
    expect(provider.services[0]).toMatchObject({
      service: { code: 'adult-hearing' },
      commissioners: [{ odsCode: '02T' }],
      wait: { workingDays: 3, basedOn: 5 },
      firstAppointmentWait: { workingDays: 10, basedOn: 5 },
      quality: { cqcStatus: 'registered', contractStart: '2027-01-30' },
    });
    expect(provider.services[0].sites.map((site: { name: string }) => site.name)).toEqual(['Halifax clinic', 'Huddersfield clinic']);
    expect((await t.app.inject(`/api/v1/directory/providers/${halifax.providerId}`)).json().name).toBe('Halifax Audiology (test)');
    for (const code of ['TST33', 'TST36', 'ZZZ99']) {
      const missing = await t.app.inject(`/api/v1/directory/providers/${code}`);
      expect({ code, status: missing.statusCode, problem: missing.json().code }).toEqual({ code, status: 404, problem: 'not-found' });
    }

    const page = await t.app.inject('/directory/providers/TST32');
    expect(page.statusCode).toBe(200);
    for (const text of [
      '<h1>Halifax Audiology (test)</h1>',
      'Monday 09:00 to 17:00',
      'Step-free entrance and a hearing loop at reception.',
      'About 10 working days from referral to first appointment',
      'Registered with the Care Quality Commission',
      '90% of 240 patients in the 12 months to February 2027. Meets the standard of 90% or more.',
      '80% of 5 people said their experience was good or very good',
    ]) {
      expect(page.body).toContain(text);
    }
    expect(page.body).not.toContain('Old Halifax clinic');
    expect((await t.app.inject('/directory/providers/TST33')).statusCode).toBe(404);
  });

  it('offers the search form with the national list of services, linked from the home page', async () => {
    const form = await t.app.inject('/directory');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('<form method="get" action="/directory"');
    expect(form.body).toContain('<option value="podiatry">Podiatry</option>');
    expect((await t.app.inject('/')).body).toContain('href="/directory"');
    const openapi = (await t.app.inject('/api/v1/openapi.json')).json();
    expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/api/v1/directory', '/api/v1/directory/providers/{code}']));
  });
});
