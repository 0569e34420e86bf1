import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inCommissionerArea } from '../support/directory-rows.ts';
import { movableToday } from '../support/movable-clock.ts';
import { aListingIn, aProviderWithSites, placePostcodes, tokenFor } from '../support/referral-rows.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { csrfTokenIn, WebClient } from '../support/web-client.ts';

const TODAY = '2027-03-01';

describe('a provider choosing its sites per listing', () => {
  let t: TestApp;
  let listingId: string;
  let demo1: string;
  let admin: string;
  const site: Record<'halifax' | 'huddersfield' | 'wakefield' | 'closed' | 'stranger', string> = {
    halifax: '',
    huddersfield: '',
    wakefield: '',
    closed: '',
    stranger: '',
  };

  const call = (token: string, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
  const linkedNames = async () =>
    (
      await t.deps.db
        .selectFrom('listing_sites as ls')
        .innerJoin('sites as s', 's.id', 'ls.site_id')
        .select('s.name')
        .where('ls.listing_id', '=', listingId)
        .orderBy('s.name')
        .execute()
    ).map((row) => row.name);
  const directorySites = async () =>
    (
      (await t.app.inject('/api/v1/directory?service=adult-hearing&postcode=HX6%203AB&pageSize=50')).json().items as {
        provider: { id: string };
        site: { name: string };
      }[]
    )
      .filter((entry) => entry.provider.id === demo1)
      .map((entry) => entry.site.name)
      .sort();
  const commissionerNotices = async () =>
    await t.deps.db
      .selectFrom('outbox_messages as m')
      .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
      .select(['o.ods_code', 'm.subject', 'm.body'])
      .where('m.entity_id', '=', listingId)
      .orderBy('m.created_at')
      .execute();

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo', clock: movableToday(TODAY) });
    await placePostcodes(t.deps);
    await inCommissionerArea(t.deps, '02T', ['HX6 3AB']);
    const hearing = (await t.app.inject('/api/v1/offers?service=adult-hearing&commissioner=02T')).json().items[0].id as string;
    ({ listingId, providerId: demo1 } = await aListingIn(t.deps, hearing, 'DEMO1', 'live', TODAY));
    const sites = await t.deps.db.selectFrom('sites').select(['id', 'name']).where('organisation_id', '=', demo1).execute();
    for (const row of sites) site[row.name.split(' ')[0]!.toLowerCase() as 'halifax' | 'huddersfield' | 'wakefield'] = row.id;
    await t.deps.db
      .deleteFrom('listing_sites')
      .where('listing_id', '=', listingId)
      .where('site_id', 'in', [site.huddersfield, site.wakefield])
      .execute();
    site.closed = (
      await t.deps.db
        .insertInto('sites')
        .values({
          organisation_id: demo1,
          name: 'Closed clinic',
          postcode: 'HX1 1PW',
          latitude: 53.72166,
          longitude: -1.85798,
          closed_on: '2026-01-01',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const stranger = await aProviderWithSites(t.deps, {
      odsCode: 'TLS11',
      name: 'Stranger Hearing (test)',
      sites: [{ name: 'Stranger clinic', postcode: 'HX3 6BP' }],
    });
    site.stranger = (await t.deps.db.selectFrom('sites').select('id').where('organisation_id', '=', stranger).executeTakeFirstOrThrow()).id;
    admin = await tokenFor(t.deps, demo1, 'provider-admin');
  });
  afterAll(() => t.close());

  it('adds a site to a live listing: the directory lists it, and the commissioner sees it on the listing, in its history and in a message', async () => {
    expect(await directorySites()).toEqual(['Halifax hearing clinic']);
    const added = await call(admin, 'POST', `/api/v1/listings/${listingId}/sites`, { siteId: site.huddersfield });
    expect(added.statusCode).toBe(201);
    expect(added.json().sites.map((row: { name: string }) => row.name)).toEqual(['Halifax hearing clinic', 'Huddersfield hearing clinic']);
    expect(await directorySites()).toEqual(['Halifax hearing clinic', 'Huddersfield hearing clinic']);

    expect(await commissionerNotices()).toEqual([
      {
        ods_code: 'QWO',
        subject: 'Provider site added to a listing',
        body: expect.stringMatching(
          /^Pennine Hearing Care \(demo\) has added Huddersfield hearing clinic \(HD3 3EA\) to its listing on AQP-\d+ .+\. Patients can choose the provider at this site from today\.$/,
        ),
      },
    ]);
    const commissioner = new WebClient(t.app);
    await commissioner.signIn('commissioner@aqp.example');
    const page = await commissioner.get(`/listings/${listingId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Site added: Huddersfield hearing clinic, HD3 3EA');
    expect(page.body).toMatch(/<span class="nhsuk-table__heading" aria-hidden="true">Site <\/span>Huddersfield hearing clinic/);
    expect(page.body).not.toContain('action="/listings/' + listingId + '/sites"');
    expect(
      await t.deps.db.selectFrom('audit_events').select('details').where('action', '=', 'listing.site-added').executeTakeFirstOrThrow(),
    ).toMatchObject({ details: { siteId: site.huddersfield } });
  });

  it('removes a site while another remains, refuses to remove the last one, and a refusal changes nothing', async () => {
    const removed = await call(admin, 'DELETE', `/api/v1/listings/${listingId}/sites/${site.huddersfield}`);
    expect(removed.statusCode).toBe(200);
    expect(await directorySites()).toEqual(['Halifax hearing clinic']);
    const last = await call(admin, 'DELETE', `/api/v1/listings/${listingId}/sites/${site.halifax}`);
    expect(last.statusCode).toBe(400);
    expect(last.json()).toMatchObject({
      code: 'validation-failed',
      errors: [{ field: 'sites', message: expect.stringContaining('the only site delivering this offer') }],
    });
    expect(await linkedNames()).toEqual(['Halifax hearing clinic']);
    expect((await commissionerNotices()).map((notice) => notice.subject)).toEqual([
      'Provider site added to a listing',
      'Provider site removed from a listing',
    ]);
    const history = await t.deps.db
      .selectFrom('listing_history')
      .select(['from_status', 'to_status', 'reason'])
      .where('listing_id', '=', listingId)
      .where('reason', 'like', 'Site %')
      .orderBy('seq')
      .execute();
    expect(history).toEqual([
      { from_status: 'live', to_status: 'live', reason: 'Site added: Huddersfield hearing clinic, HD3 3EA' },
      { from_status: 'live', to_status: 'live', reason: 'Site removed: Huddersfield hearing clinic, HD3 3EA' },
    ]);
  });

  it('refuses a site that is closed, already listed or another provider’s, and lets only the listed provider’s administrator change sites', async () => {
    for (const siteId of [site.closed, site.stranger, site.halifax, 'not-a-uuid']) {
      const refused = await call(admin, 'POST', `/api/v1/listings/${listingId}/sites`, { siteId });
      expect(refused.statusCode, siteId).toBe(400);
      expect(refused.json().errors).toEqual([expect.objectContaining({ field: 'siteId' })]);
    }
    const strangerAdmin = await tokenFor(
      t.deps,
      (await t.deps.db.selectFrom('organisations').select('id').where('ods_code', '=', 'TLS11').executeTakeFirstOrThrow()).id,
      'provider-admin',
    );
    expect((await call(strangerAdmin, 'POST', `/api/v1/listings/${listingId}/sites`, { siteId: site.stranger })).statusCode).toBe(404);
    expect(
      (
        await call(await tokenFor(t.deps, demo1, 'provider-clinician'), 'POST', `/api/v1/listings/${listingId}/sites`, {
          siteId: site.wakefield,
        })
      ).statusCode,
    ).toBe(403);
    expect(await linkedNames()).toEqual(['Halifax hearing clinic']);
  });

  it('lets the provider’s administrator add and remove sites on the listing page, with errors next to the field', async () => {
    const person = new WebClient(t.app);
    await person.signIn('provider.admin@aqp.example');
    const page = await person.get(`/listings/${listingId}`);
    expect(page.body).toContain('The only site: add another before removing it');
    expect(page.body).toContain(`<option value="${site.wakefield}">Wakefield hearing clinic, WF1 4DG</option>`);
    expect(page.body).not.toContain('Closed clinic');
    const csrf = csrfTokenIn(page.body);

    const empty = await person.post(`/listings/${listingId}/sites`, { _csrf: csrf, siteId: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('href="#siteId"');
    expect(empty.body).toContain('Select one of your open sites');

    expect((await person.post(`/listings/${listingId}/sites`, { _csrf: csrf, siteId: site.wakefield })).statusCode).toBe(303);
    const after = await person.get(`/listings/${listingId}`);
    expect(after.body).toContain('Wakefield hearing clinic now delivers this offer. The commissioner has been told.');
    expect(after.body).toContain(`action="/listings/${listingId}/sites/${site.wakefield}/remove"`);
    expect((await person.post(`/listings/${listingId}/sites/${site.wakefield}/remove`, { _csrf: csrf })).statusCode).toBe(303);
    expect(await linkedNames()).toEqual(['Halifax hearing clinic']);

    await t.deps.db.updateTable('listings').set({ status: 'terminated' }).where('id', '=', listingId).execute();
    const ended = await call(admin, 'POST', `/api/v1/listings/${listingId}/sites`, { siteId: site.wakefield });
    expect(ended.statusCode).toBe(409);
    expect((await person.get(`/listings/${listingId}`)).body).not.toContain('Add a site');
  });
});
