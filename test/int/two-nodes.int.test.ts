import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revokeApiKey } from '../../src/domains/identity/api-key.service.ts';
import { inCommissionerArea } from '../support/directory-rows.ts';
import { movableToday } from '../support/movable-clock.ts';
import { aStoredKpiResult } from '../support/quality-rows.ts';
import { acceptedReferrals, aHearingReferral, aListingIn, aProviderWithSites, placePostcodes, tokenFor } from '../support/referral-rows.ts';
import { anotherNode, createTestApp, type TestApp } from '../support/test-app.ts';

const TODAY = '2027-03-01';
const DIRECTORY = '/api/v1/directory?service=adult-hearing&postcode=HX6+3AB';

describe('two web nodes on one database: what one changes, the other shows at once (decision 0068)', () => {
  let t: TestApp;
  let nodeB: FastifyInstance;
  let referrer: string;
  let commissioner: string;
  let ubrn: string;
  let halifax: { offerId: string; listingId: string; providerId: string };
  let ripponden: string;

  const choiceListOn = async (node: FastifyInstance) => {
    const reply = await node.inject({ url: `/api/v1/referrals/${ubrn}/choice-list`, headers: { authorization: `Bearer ${referrer}` } });
    expect(reply.statusCode, reply.body).toBe(200);
    return reply.json() as { id: string; entries: { providerName: string; firstAppointmentWait: { basedOn: number } }[] };
  };
  const providersOnList = async (node: FastifyInstance) => (await choiceListOn(node)).entries.map((entry) => entry.providerName).sort();
  const directoryPageShows = async (node: FastifyInstance, provider: string) =>
    (await node.inject(DIRECTORY.replace('/api/v1/directory', '/directory'))).body.includes(provider);
  const providersInDirectory = async (node: FastifyInstance) =>
    [...new Set((await node.inject(DIRECTORY)).json().items.map((item: { provider: { name: string } }) => item.provider.name))].sort();

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo', clock: movableToday(TODAY) });
    nodeB = await anotherNode(t);
    await placePostcodes(t.deps);
    await inCommissionerArea(t.deps, '02T', ['HX6 3AB', 'HX3 6BP']);
    const offerId = (await t.app.inject('/api/v1/offers?service=adult-hearing&commissioner=02T')).json().items[0].id as string;
    await aProviderWithSites(t.deps, {
      odsCode: 'TST81',
      name: 'Halifax Audiology (test)',
      sites: [{ name: 'Halifax', postcode: 'HX3 6BP' }],
    });
    await aProviderWithSites(t.deps, {
      odsCode: 'TST82',
      name: 'Ripponden Hearing (test)',
      sites: [{ name: 'Ripponden', postcode: 'HX6 3AB' }],
    });
    halifax = { offerId, ...(await aListingIn(t.deps, offerId, 'TST81', 'live', TODAY)) };
    ripponden = (await aListingIn(t.deps, offerId, 'TST82', 'live', TODAY)).listingId;
    const practice = await t.deps.db.selectFrom('organisations').select('id').where('ods_code', '=', 'B84001').executeTakeFirstOrThrow();
    const lead = await t.deps.db.selectFrom('offers').select('lead_organisation_id').where('id', '=', offerId).executeTakeFirstOrThrow();
    referrer = await tokenFor(t.deps, practice.id, 'referrer');
    commissioner = await tokenFor(t.deps, lead.lead_organisation_id, 'commissioner');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/referrals',
      headers: { authorization: `Bearer ${referrer}` },
      payload: aHearingReferral({ dateOfBirth: '1950-12-10' }),
    });
    expect(created.statusCode, created.body).toBe(201);
    ubrn = created.json().ubrn;
  });
  afterAll(async () => {
    await nodeB.close();
    await t.close();
  });

  it('drops a listing suspended through node A from node B’s choice list and directory within a second', async () => {
    const both = ['Halifax Audiology (test)', 'Ripponden Hearing (test)'];
    expect(await providersOnList(nodeB)).toEqual(both);
    expect(await providersInDirectory(nodeB)).toEqual(both);
    expect(await directoryPageShows(nodeB, both[0]!), 'the page held for anonymous readers').toBe(true);

    const suspended = await t.app.inject({
      method: 'POST',
      url: `/api/v1/listings/${halifax.listingId}/suspension`,
      headers: { authorization: `Bearer ${commissioner}` },
      payload: { reason: 'Serious incident under investigation' },
    });
    expect(suspended.statusCode, suspended.body).toBe(204);
    const started = Date.now();
    const gone = async () => !(await providersOnList(nodeB)).includes(both[0]!) && !(await providersInDirectory(nodeB)).includes(both[0]!);
    while (!(await gone()) && Date.now() - started < 1_000) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(await providersOnList(nodeB)).toEqual(['Ripponden Hearing (test)']);
    expect(await providersInDirectory(nodeB)).toEqual(['Ripponden Hearing (test)']);
    expect(await directoryPageShows(nodeB, both[0]!)).toBe(false);
    expect(await directoryPageShows(nodeB, both[1]!)).toBe(true);

    await t.app.inject({
      method: 'POST',
      url: `/api/v1/listings/${halifax.listingId}/reinstatement`,
      headers: { authorization: `Bearer ${commissioner}` },
      payload: { reason: 'Investigation closed with no findings' },
    });
    expect(await providersOnList(nodeB)).toEqual(both);
  });

  it('shows on node B a wait and a KPI result that changed after node B last read them, and never a stale one', async () => {
    const halifaxOn = async (node: FastifyInstance) =>
      (await choiceListOn(node)).entries.find((entry) => entry.providerName === 'Halifax Audiology (test)')!;
    expect((await halifaxOn(nodeB)).firstAppointmentWait.basedOn).toBe(0);

    await acceptedReferrals(t.deps, halifax, [
      ['2027-02-01', '2027-02-01', '2027-02-08'],
      ['2027-02-02', '2027-02-02', '2027-02-09'],
    ]);
    expect((await halifaxOn(nodeB)).firstAppointmentWait.basedOn).toBe(2);

    await aStoredKpiResult(t.deps, { ...halifax, endMonth: '2027-02', numerator: 230, denominator: 250 });
    const kpis = ((await halifaxOn(nodeB)) as unknown as { quality: { kpis: { figure: { numerator: number } | null }[] } }).quality.kpis;
    expect(kpis.map((kpi) => kpi.figure?.numerator)).toContain(230);
    expect(await halifaxOn(nodeB)).toEqual(await halifaxOn(t.app));
  });

  it('shows on node B a site added to a listing on node A, keeping every other provider’s figures', async () => {
    const sitesOnB = async () =>
      (await nodeB.inject(DIRECTORY))
        .json()
        .items.map((item: { site: { name: string } }) => item.site.name)
        .sort();
    expect(await sitesOnB()).toEqual(['Halifax', 'Ripponden']);
    const before = await choiceListOn(nodeB);
    const provider = await t.deps.db
      .selectFrom('listings')
      .select('provider_organisation_id')
      .where('id', '=', ripponden)
      .executeTakeFirstOrThrow();
    const todmorden = await t.deps.db
      .insertInto('sites')
      .values({
        organisation_id: provider.provider_organisation_id,
        name: 'Todmorden',
        postcode: 'OL14 5RN',
        latitude: 53.71365,
        longitude: -2.09216,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.deps.db.insertInto('listing_sites').values({ listing_id: ripponden, site_id: todmorden.id }).execute();
    expect(await sitesOnB()).toEqual(['Halifax', 'Ripponden', 'Todmorden']);
    const after = await choiceListOn(nodeB);
    const figures = (list: typeof before) =>
      list.entries.map(({ providerName, firstAppointmentWait }) => ({ providerName, firstAppointmentWait }));
    expect(figures(after)).toEqual(figures(before));
    expect(after).toEqual(await choiceListOn(t.app));
  });

  it('stores a list only when what it shows changes, and audits every view with the list shown', async () => {
    const stored = async () =>
      (
        await t.deps.db
          .selectFrom('choice_lists as c')
          .innerJoin('referrals as r', 'r.id', 'c.referral_id')
          .select('c.id')
          .where('r.ubrn', '=', ubrn)
          .execute()
      ).length;
    const views = async () =>
      (
        await t.deps.db.selectFrom('audit_events').select('details').where('action', '=', 'referral.choice-list').orderBy('id').execute()
      ).map((row) => (row.details as { choiceListId: string }).choiceListId);
    const first = await choiceListOn(t.app);
    const [listsBefore, viewsBefore] = [await stored(), (await views()).length];
    const again = await choiceListOn(nodeB);
    expect(again.id).toBe(first.id);
    expect(await stored()).toBe(listsBefore);
    expect(await views()).toHaveLength(viewsBefore + 1);
    expect((await views()).at(-1)).toBe(first.id);

    await acceptedReferrals(t.deps, halifax, [['2027-02-03', '2027-02-03', '2027-02-10']]);
    const changed = await choiceListOn(nodeB);
    expect(changed.id).not.toBe(first.id);
    expect(await stored()).toBe(listsBefore + 1);
    expect(await views()).toHaveLength(viewsBefore + 2);

    // Another node has since stored a different list: what this process noted of the last list is stale, so the list is stored again.
    await sql`INSERT INTO choice_lists (referral_id, offered_at, ordered_by, origin_postcode, origin_kind, entries, offered_by_user_id, content_hash)
              SELECT referral_id, offered_at, ordered_by, origin_postcode, origin_kind, '[]'::jsonb, offered_by_user_id, 'stored elsewhere'
                FROM choice_lists WHERE id = ${changed.id}::uuid`.execute(t.deps.db);
    const referralViews = async () =>
      (await t.deps.db.selectFrom('audit_events').select('id').where('action', '=', 'referral.view').execute()).length;
    const referralViewsBefore = await referralViews();
    const restored = await choiceListOn(t.app);
    expect(restored.entries).toEqual(changed.entries);
    expect(restored.id).not.toBe(changed.id);
    expect(await stored()).toBe(listsBefore + 3);
    expect(await views()).toHaveLength(viewsBefore + 3);
    expect((await views()).at(-1)).toBe(restored.id);
    expect(await referralViews(), 'the referral view is audited once, by the statement that stored the list').toBe(referralViewsBefore + 1);
    expect((await choiceListOn(nodeB)).id).toBe(restored.id);
    expect(await referralViews()).toBe(referralViewsBefore + 2);
  });

  it('answers a directory search on node B from the commissioner a postcode import on node A moved it to', async () => {
    const commissionerOnB = async () => (await nodeB.inject(DIRECTORY)).json().commissioner.odsCode;
    expect(await commissionerOnB()).toBe('02T');
    await inCommissionerArea(t.deps, 'X2C4Y', ['HX6 3AB']);
    expect(await commissionerOnB()).toBe('X2C4Y');
  });

  it('refuses on node B, at once, a key node B holds once node A revokes it, and shows a key renamed on node A at once (decision 0075)', async () => {
    const practice = await t.deps.db.selectFrom('organisations').select('id').where('ods_code', '=', 'B84001').executeTakeFirstOrThrow();
    const token = await tokenFor(t.deps, practice.id, 'referrer');
    const meOnB = () => nodeB.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    expect((await meOnB()).json()).toMatchObject({ name: 'referrer test key', role: 'referrer' });
    expect((await meOnB()).statusCode).toBe(200);
    const key = await t.deps.db.selectFrom('api_keys').select('id').where('prefix', '=', token.split('_')[1]!).executeTakeFirstOrThrow();
    await t.deps.db.updateTable('api_keys').set({ name: 'Practice system' }).where('id', '=', key.id).execute();
    expect((await meOnB()).json()).toMatchObject({ name: 'Practice system' });
    await revokeApiKey(t.deps, { principal: null, clientAddress: null }, key.id, { trusted: true });
    expect((await meOnB()).statusCode).toBe(401);
  });
});
