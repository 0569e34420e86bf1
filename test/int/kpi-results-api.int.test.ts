import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aKpiReferral, aMeasuredOffer, type KpiWorld } from '../support/kpi-rows.ts';
import { movableToday } from '../support/movable-clock.ts';
import { tokenFor } from '../support/referral-rows.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { csvTable, expectSameList, pageTable } from '../support/list-csv.ts';
import { WebClient } from '../support/web-client.ts';

const clock = movableToday('2027-01-04');

describe('KPI results over the API: who sees which, and the referrals behind one', () => {
  let t: TestApp;
  let world: KpiWorld;
  const tokens: Record<string, string> = {};
  const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { authorization: `Bearer ${tokens[who]}` }, ...(payload ? { payload } : {}) });
  const itemsFor = async (who: string, query = '') => {
    const response = await call(who, 'GET', `/api/v1/kpi-results?month=2027-01${query}`);
    expect(response.statusCode).toBe(200);
    return response.json().items as { id: string; providerName: string; kpiCode: string; percent: number | null; numerator: number }[];
  };
  const orgId = async (ods: string) =>
    (await t.deps.db.selectFrom('organisations').select('id').where('ods_code', '=', ods).executeTakeFirstOrThrow()).id;

  beforeAll(async () => {
    t = await createTestApp({ seed: 'region', clock });
    world = await aMeasuredOffer(t.deps, 'adult-hearing', ['DEMO1', 'DEMO2'], '2027-01-04');
    for (let index = 0; index < 3; index += 1)
      await aKpiReferral(t.deps, world, 'DEMO1', { sentOn: '2027-01-05', contacts: [{ on: '2027-01-12' }] });
    await aKpiReferral(t.deps, world, 'DEMO2', { sentOn: '2027-01-05' });
    tokens.demo1 = await tokenFor(t.deps, world.providers.DEMO1!.providerId, 'provider-admin');
    tokens.demo2 = await tokenFor(t.deps, world.providers.DEMO2!.providerId, 'provider-clinician');
    tokens.calderdale = await tokenFor(t.deps, world.commissionerId, 'commissioner');
    tokens.otherCommissioner = await tokenFor(t.deps, await orgId('QWO'), 'commissioner');
    tokens.national = await tokenFor(t.deps, await orgId('X24'), 'national-admin');
    tokens.referrer = await tokenFor(t.deps, await orgId('B84001'), 'referrer');
    clock.setToday('2027-01-20');
    const run = await call('calderdale', 'POST', '/api/v1/kpi-runs', { month: '2027-01' });
    expect(run.statusCode).toBe(201);
    expect(run.json()).toMatchObject({ month: '2027-01', results: 4, runId: expect.any(String) });
  });
  afterAll(async () => t.close());

  it('shows a provider only its own results, a commissioner its offers’, national users every one', async () => {
    const own = await itemsFor('demo1');
    expect(own.map((item) => [item.providerName, item.kpiCode, item.numerator, item.percent])).toEqual([
      ['Pennine Hearing Care (demo)', 'bilateral-fittings', 0, null],
      ['Pennine Hearing Care (demo)', 'seen-within-16-working-days', 3, 100],
    ]);
    expect(await itemsFor('demo1', `&provider=${world.providers.DEMO2!.providerId}`)).toEqual([]);
    expect((await itemsFor('demo2')).map((item) => item.providerName)).toEqual([
      'Calder Valley Physiotherapy (demo)',
      'Calder Valley Physiotherapy (demo)',
    ]);
    expect(await itemsFor('calderdale')).toHaveLength(4);
    expect(await itemsFor('calderdale', `&provider=${world.providers.DEMO2!.providerId}&service=adult-hearing`)).toHaveLength(2);
    expect(await itemsFor('otherCommissioner')).toEqual([]);
    expect(await itemsFor('national', `&offer=${world.offerId}`)).toHaveLength(4);
    expect((await call('referrer', 'GET', '/api/v1/kpi-results')).statusCode).toBe(403);
  });

  it('lists the referrals counted behind a result for its provider and commissioner, audited as a view; others are refused', async () => {
    const [, seen] = await itemsFor('demo1');
    const referrals = await call('demo1', 'GET', `/api/v1/kpi-results/${seen!.id}/referrals`);
    expect(referrals.statusCode).toBe(200);
    expect(referrals.json().referrals).toEqual(
      Array.from({ length: 3 }, (_, index) => ({
        position: index + 1,
        ubrn: expect.stringMatching(/^\d{12}$/),
        countedOn: '2027-01-05',
        met: true,
      })),
    );
    expect((await call('calderdale', 'GET', `/api/v1/kpi-results/${seen!.id}/referrals`)).statusCode).toBe(200);
    expect((await call('demo2', 'GET', `/api/v1/kpi-results/${seen!.id}/referrals`)).statusCode).toBe(404);
    expect((await call('otherCommissioner', 'GET', `/api/v1/kpi-results/${seen!.id}/referrals`)).statusCode).toBe(404);
    expect((await call('national', 'GET', `/api/v1/kpi-results/${seen!.id}/referrals`)).statusCode).toBe(403);
    const audit = await t.deps.db
      .selectFrom('audit_events')
      .select(['outcome', 'entity_id'])
      .where('action', '=', 'kpi-result.referrals-view')
      .orderBy('occurred_at')
      .execute();
    expect(audit).toEqual([
      { outcome: 'success', entity_id: seen!.id },
      { outcome: 'success', entity_id: seen!.id },
      { outcome: 'denied', entity_id: null },
      { outcome: 'denied', entity_id: null },
    ]);
  });

  it('runs on demand for commissioners only, refusing a month written wrongly', async () => {
    expect((await call('calderdale', 'POST', '/api/v1/kpi-runs', { month: '2027-1' })).statusCode).toBe(400);
    expect((await call('demo1', 'POST', '/api/v1/kpi-runs', { month: '2027-01' })).statusCode).toBe(403);
    const rerun = await call('otherCommissioner', 'POST', '/api/v1/kpi-runs', { month: '2027-01' });
    expect(rerun.json()).toMatchObject({ results: 0 });
  });
  it('shows the provider its KPIs on a page with value, counts, threshold, status and period, a CSV with a byte order mark, and the referrals behind one', async () => {
    const provider = new WebClient(t.app);
    await provider.signIn('provider.admin@aqp.example');
    const page = await provider.get('/quality/kpis?month=2027-01');
    expect(page.statusCode).toBe(200);
    for (const text of [
      'Seen within 16 working days of referral',
      '100.0%',
      '3 of 3',
      'at least 95%',
      'Not enough data yet',
      '1 Nov 2026 to 31 Jan 2027',
    ])
      expect(page.body).toContain(text);
    expect(page.body).not.toContain('Calder Valley Physiotherapy');
    expect(page.body).toContain('href="/quality/kpis.csv?month=2027-01"');
    const csv = csvTable(await provider.get('/quality/kpis.csv?month=2027-01'), 'kpi-results-2027-01');
    expectSameList(pageTable(page.body), csv);
    expect(csv.head).toEqual(['KPI', 'Offer', 'Service', 'Value', 'Counted', 'Threshold', 'Status', 'Period']);
    expect(csv.rows).toHaveLength(2);
    const link = /href="\/quality\/kpis\/([0-9a-f-]{36})">Seen within 16/.exec(page.body)![1]!;
    const behind = await provider.get(`/quality/kpis/${link}`);
    expect(behind.statusCode).toBe(200);
    expect(behind.headers['cache-control']).toBe('no-store');
    expect(behind.body).toMatch(/6000000000\d\d/);
    const referralsCsv = await provider.get(`/quality/kpis/${link}/referrals.csv`);
    expect(referralsCsv.body.startsWith('\uFEFFReferral (UBRN),Counted on,Met the KPI')).toBe(true);
    const clinician = new WebClient(t.app);
    await clinician.signIn('referrer@aqp.example');
    expect((await clinician.get('/quality/kpis')).statusCode).toBe(403);
    expect((await clinician.get('/quality/kpis.csv')).statusCode).toBe(403);
    const national = new WebClient(t.app);
    await national.signIn('national.admin@aqp.example');
    const everyone = csvTable(await national.get('/quality/kpis.csv?month=2027-01'), 'kpi-results-2027-01');
    expectSameList(pageTable((await national.get('/quality/kpis?month=2027-01')).body), everyone);
    expect(everyone.head[0]).toBe('Provider');
    expect(everyone.rows).toHaveLength(4);
  });
});
