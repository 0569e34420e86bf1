import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NATIONAL_PACK_REVISIONS } from '../../src/domains/catalogue/national-packs.seed.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { movableToday } from '../support/movable-clock.ts';
import { apiKeyFor } from '../support/web-client.ts';

const clock = movableToday('2027-02-01');
/** The latest national hearing pack version, which a new offer adopts. */
const HEARING_LATEST = NATIONAL_PACK_REVISIONS['adult-hearing']!.length;

describe('offers through the API', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await createTestApp({ seed: 'region', clock });
    token = await apiKeyFor(t.app, 'commissioner@aqp.example', 'commissioner', 'Offer tools');
  });
  afterAll(() => t.close());

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  async function draftHearingOffer(coverage = ['02T']) {
    const opened = await call('POST', '/api/v1/offers', {
      serviceCode: 'adult-hearing',
      title: 'Adult hearing services (50 and over)',
      coverage,
    });
    expect(opened.statusCode).toBe(201);
    return opened.json().id as string;
  }

  it('opens a hearing offer with a local 50+ limit, prices it, publishes it, and lists it publicly with protocol and prices', async () => {
    const id = await draftHearingOffer(['02T', 'X2C4Y']);
    const national = (await call('GET', `/api/v1/offers/${id}`)).json();
    expect(national.protocol).toMatchObject({ version: 1, content: { ageMin: 55 } });

    const protocol = { ...national.protocol.content, ageMin: 50 };
    expect((await call('PUT', `/api/v1/offers/${id}/protocol`, protocol)).json()).toEqual({ version: 2 });
    const details = await call('PUT', `/api/v1/offers/${id}`, {
      title: 'Adult hearing services (50 and over)',
      contractStart: '2027-04-01',
      contractEnd: '2030-03-31',
      windowKind: 'rolling',
      windowOpens: '2027-02-15',
      windowCloses: null,
    });
    expect(details.statusCode, details.body).toBe(204);
    const refused = await call('POST', `/api/v1/offers/${id}/status`, { status: 'published' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('Set prices that are in effect on the contract start date');
    expect(
      (
        await call('POST', `/api/v1/offers/${id}/prices`, {
          effectiveFrom: '2027-04-01',
          prices: [
            { complexityBand: 'MONAURAL', pricePence: 45_000 },
            { complexityBand: 'BINAURAL', pricePence: 72_500 },
          ],
        })
      ).statusCode,
    ).toBe(204);
    expect((await call('POST', `/api/v1/offers/${id}/status`, { status: 'published' })).statusCode).toBe(204);

    const listed = await t.app.inject('/api/v1/offers?service=adult-hearing&commissioner=X2C4Y&status=published');
    expect(listed.statusCode).toBe(200);
    const [offer] = listed.json().items;
    expect(offer).toMatchObject({
      id,
      status: 'published',
      reference: expect.stringMatching(/^AQP-\d{5}$/),
      service: { code: 'adult-hearing' },
      packVersion: HEARING_LATEST,
      commissioner: { odsCode: 'QWO' },
      protocol: { version: 2, content: { ageMin: 50 } },
      priceSchedules: [
        {
          effectiveFrom: '2027-04-01',
          prices: [
            { complexityBand: 'BINAURAL', pricePence: 72_500 },
            { complexityBand: 'MONAURAL', pricePence: 45_000 },
          ],
        },
      ],
    });
    expect(offer.coverage.map((c: { odsCode: string }) => c.odsCode).sort()).toEqual(['02T', 'X2C4Y']);
    const history = (await t.app.inject(`/api/v1/offers/${id}`)).json().statusHistory;
    expect(history.map((h: { to: string }) => h.to)).toEqual(['draft', 'published']);
    expect(history[1].by).toBe('API key “Offer tools”');
  });

  it('refuses a price change in the same financial year and accepts next year’s; both stay queryable by date', async () => {
    const id = await draftHearingOffer();
    await call('PUT', `/api/v1/offers/${id}`, {
      title: 'Hearing',
      contractStart: '2027-04-01',
      contractEnd: '2030-03-31',
      windowKind: 'fixed',
      windowOpens: '2027-02-01',
      windowCloses: '2027-03-31',
    });
    await call('POST', `/api/v1/offers/${id}/prices`, {
      effectiveFrom: '2027-04-01',
      prices: [
        { complexityBand: 'MONAURAL', pricePence: 45_000 },
        { complexityBand: 'BINAURAL', pricePence: 72_500 },
      ],
    });
    expect((await call('POST', `/api/v1/offers/${id}/status`, { status: 'published' })).statusCode).toBe(204);

    clock.setToday('2027-06-01');
    const sameYear = await call('POST', `/api/v1/offers/${id}/prices`, {
      effectiveFrom: '2027-10-01',
      prices: [
        { complexityBand: 'MONAURAL', pricePence: 47_000 },
        { complexityBand: 'BINAURAL', pricePence: 75_000 },
      ],
    });
    expect(sameYear.statusCode).toBe(400);
    expect(sameYear.json().errors).toEqual([
      {
        field: 'effectiveFrom',
        message: expect.stringContaining(
          'Prices change at most once a financial year: the current prices took effect on 2027-04-01 (2027/28); a new schedule can take effect from 2028-04-01',
        ),
      },
    ]);
    const nextYear = await call('POST', `/api/v1/offers/${id}/prices`, {
      effectiveFrom: '2028-04-01',
      prices: [
        { complexityBand: 'MONAURAL', pricePence: 47_000 },
        { complexityBand: 'BINAURAL', pricePence: 75_000 },
      ],
    });
    expect(nextYear.statusCode).toBe(204);
    clock.setToday('2027-02-01');

    const priceOn = async (date: string) => (await t.app.inject(`/api/v1/offers/${id}/prices?on=${date}`)).json();
    expect(await priceOn('2027-12-31')).toMatchObject({
      effectiveFrom: '2027-04-01',
      prices: expect.arrayContaining([expect.objectContaining({ complexityBand: 'MONAURAL', pricePence: 45_000 })]),
    });
    expect(await priceOn('2028-04-01')).toMatchObject({
      effectiveFrom: '2028-04-01',
      prices: expect.arrayContaining([expect.objectContaining({ complexityBand: 'MONAURAL', pricePence: 47_000 })]),
    });
    expect((await t.app.inject(`/api/v1/offers/${id}/prices?on=2027-03-31`)).statusCode).toBe(404);
    const audited = await t.deps.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', id)
      .where('action', '=', 'offer.prices')
      .execute();
    expect(audited).toHaveLength(2);
  });

  it('refuses invalid protocols with field-level errors and saves nothing', async () => {
    const id = await draftHearingOffer();
    const current = (await call('GET', `/api/v1/offers/${id}`)).json().protocol.content;
    const cases: [object, string][] = [
      [{ ...current, ageMin: 60, ageMax: 50 }, 'ageMax'],
      [{ ...current, exclusions: [{ id: 'vertigo', question: 'Vertigo?', redirectAdvice: '' }] }, 'exclusions.0.redirectAdvice'],
      [{ ...current, exclusions: [{ id: 'vertigo', question: 'Vertigo?' }] }, 'exclusions.0.redirectAdvice'],
      [{ ...current, routes: ['gp', 'pharmacist'] }, 'routes.1'],
    ];
    for (const [protocol, field] of cases) {
      const response = await call('PUT', `/api/v1/offers/${id}/protocol`, protocol);
      expect(response.statusCode, field).toBe(400);
      expect(response.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect((await call('GET', `/api/v1/offers/${id}`)).json().protocol.version).toBe(1);
  });

  it('keeps drafts to their commissioner, and changes to commissioners of the lead organisation', async () => {
    const id = await draftHearingOffer();
    expect((await t.app.inject(`/api/v1/offers/${id}`)).statusCode).toBe(404);
    expect((await t.app.inject('/api/v1/offers?status=draft')).json().items).toEqual([]);
    expect((await call('GET', '/api/v1/offers?status=draft')).json().items.map((o: { id: string }) => o.id)).toContain(id);
    const providerToken = await apiKeyFor(t.app, 'provider.admin@aqp.example', 'provider-admin', 'Provider tools');
    const attempt = await t.app.inject({
      method: 'POST',
      url: '/api/v1/offers',
      headers: { authorization: `Bearer ${providerToken}` },
      payload: { serviceCode: 'adult-hearing', coverage: ['02T'] },
    });
    expect(attempt.statusCode).toBe(403);
    const change = await t.app.inject({
      method: 'POST',
      url: `/api/v1/offers/${id}/status`,
      headers: { authorization: `Bearer ${providerToken}` },
      payload: { status: 'withdrawn', reason: 'x' },
    });
    expect(change.statusCode).toBe(403);
    expect((await t.app.inject('/api/v1/offers?status=someday')).statusCode).toBe(400);
  });

  it('refuses coverage outside the commissioner’s own organisation and illegal status moves, changing nothing', async () => {
    const outside = await call('POST', '/api/v1/offers', { serviceCode: 'adult-hearing', coverage: ['02T', '15N'] });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().errors[0]).toMatchObject({
      field: 'coverage',
      message: expect.stringContaining('15N is not a sub-ICB location'),
    });
    const noPack = await call('POST', '/api/v1/offers', { serviceCode: 'ct', coverage: ['02T'] });
    expect(noPack.json().errors[0].message).toContain('has no implementation pack yet');
    const id = await draftHearingOffer();
    const open = await call('POST', `/api/v1/offers/${id}/status`, { status: 'open' });
    expect(open.statusCode).toBe(409);
    expect(open.json().code).toBe('invalid-transition');
    const withdraw = await call('POST', `/api/v1/offers/${id}/status`, { status: 'withdrawn' });
    expect(withdraw.json().errors[0].field).toBe('reason');
    expect((await call('GET', `/api/v1/offers/${id}`)).json().status).toBe('draft');
  });

  it('keeps an offer on the pack version it adopted when the national pack moves on', async () => {
    const id = await draftHearingOffer();
    const nationalToken = await apiKeyFor(t.app, 'national.admin@aqp.example', 'national-admin', 'Packs');
    const current = (await t.app.inject('/api/v1/services/adult-hearing')).json().packs[0].content;
    const published = await t.app.inject({
      method: 'POST',
      url: '/api/v1/services/adult-hearing/packs',
      headers: { authorization: `Bearer ${nationalToken}` },
      payload: { changeNote: 'Ages from 60', content: { ...current, protocol: { ...current.protocol, ageMin: 60 } } },
    });
    expect(published.json()).toEqual({ version: HEARING_LATEST + 1 });
    const offer = (await call('GET', `/api/v1/offers/${id}`)).json();
    expect(offer).toMatchObject({ packVersion: HEARING_LATEST, protocol: { content: { ageMin: 55 } } });
    const newer = (await call('POST', '/api/v1/offers', { serviceCode: 'adult-hearing', coverage: ['03R'] })).json().id;
    expect((await call('GET', `/api/v1/offers/${newer}`)).json()).toMatchObject({
      packVersion: HEARING_LATEST + 1,
      protocol: { content: { ageMin: 60 } },
    });
    const pinned = (await call('POST', '/api/v1/offers', { serviceCode: 'adult-hearing', packVersion: 1, coverage: ['03R'] })).json().id;
    expect((await call('GET', `/api/v1/offers/${pinned}`)).json().packVersion).toBe(1);
  });
});
