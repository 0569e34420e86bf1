import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aMeasuredOffer, type KpiWorld } from '../support/kpi-rows.ts';
import { movableToday } from '../support/movable-clock.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { WebClient } from '../support/web-client.ts';

const clock = movableToday('2027-02-10');

describe('an offer’s KPIs page: the pack’s and the offer’s thresholds, set by the lead commissioner', () => {
  let t: TestApp;
  let world: KpiWorld;
  beforeAll(async () => {
    t = await createTestApp({ seed: 'region', clock });
    world = await aMeasuredOffer(t.deps, 'podiatry', ['DEMO2'], '2027-02-10', 'QWO');
  });
  afterAll(async () => t.close());

  it('shows anyone each KPI with the pack’s threshold and how it is valued, without the form', async () => {
    const page = await t.app.inject(`/offers/${world.offerId}/kpis`);
    expect(page.statusCode).toBe(200);
    for (const text of ['Routine referrals seen within 4 weeks', 'at least 95%', 'at most 10%', 'Each quarter, from 10 counted'])
      expect(page.body).toContain(text);
    expect(page.body).not.toContain('Save thresholds');
  });

  it('puts a wrong threshold beside its box and saves nothing, then saves a good one from this month, audited and in the history', async () => {
    const commissioner = new WebClient(t.app);
    await commissioner.signIn('commissioner@aqp.example');
    const url = `/offers/${world.offerId}/kpis`;
    const wrong = await commissioner.submit(url, {
      'threshold-routine-within-4-weeks': '150',
      'threshold-urgent-within-2-weeks': 'ninety',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('The threshold for “Routine referrals seen within 4 weeks” must be from 1 to 100');
    expect(wrong.body).toContain('Enter the threshold for “Urgent referrals seen within 2 weeks” as a whole percent');
    expect(await t.deps.db.selectFrom('offer_kpi_thresholds').select('id').execute()).toEqual([]);
    const saved = await commissioner.submit(url, { 'threshold-routine-within-4-weeks': '90%', reason: 'Local ambition' });
    expect(saved.statusCode).toBe(303);
    const api = (await t.app.inject(`/api/v1/offers/${world.offerId}/kpis`)).json();
    expect(api.kpis[0]).toMatchObject({ code: 'routine-within-4-weeks', nationalThresholdPercent: 95, localThresholdPercent: 90 });
    expect(api.kpis[0].measuredAs).toMatchObject({
      thresholdPercent: 90,
      measure: { kind: 'first-seen-within-weeks', weeks: 4, priority: 'routine' },
    });
    expect(api.history).toEqual([
      expect.objectContaining({
        kpiCode: 'routine-within-4-weeks',
        thresholdPercent: 90,
        appliesFrom: '2027-02',
        reason: 'Local ambition',
      }),
    ]);
    const audit = await t.deps.db.selectFrom('audit_events').select('details').where('action', '=', 'offer.kpi-threshold').execute();
    expect(audit).toHaveLength(1);
    expect((await commissioner.get(url)).body).toContain('at least 90%');
  });

  it('refuses thresholds to anyone but a commissioner of the organisation leading the offer', async () => {
    const calderdale = await aMeasuredOffer(t.deps, 'podiatry', [], '2027-02-10', '02T');
    const commissioner = new WebClient(t.app);
    await commissioner.signIn('commissioner@aqp.example');
    const url = `/offers/${calderdale.offerId}/kpis`;
    expect((await commissioner.get(url)).body).not.toContain('Save thresholds');
    expect((await commissioner.submit('/offers/new', { 'threshold-routine-within-4-weeks': '80' }, url)).statusCode).toBe(403);
  });
});
