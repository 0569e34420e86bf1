import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runKpis } from '../../src/domains/provider-quality/kpi-run.service.ts';
import { aKpiReferral, aMeasuredOffer, type KpiWorld, storedResultsOf } from '../support/kpi-rows.ts';
import { movableToday } from '../support/movable-clock.ts';
import { tokenFor } from '../support/referral-rows.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

const SYSTEM = { principal: null, clientAddress: null };
const clock = movableToday('2026-12-01');

describe('the KPI engine works each provider’s KPIs out from the record and stores them', () => {
  let t: TestApp;
  const resultOf = (offerId: string, code: string, endMonth: string) =>
    t.deps.db
      .selectFrom('kpi_results')
      .selectAll()
      .where('offer_id', '=', offerId)
      .where('kpi_code', '=', code)
      .where('end_month', '=', endMonth)
      .executeTakeFirstOrThrow();
  const run = (endMonth: string) => runKpis(t.deps, SYSTEM, { endMonth, trigger: 'on-demand' });

  beforeAll(async () => {
    t = await createTestApp({ seed: 'region', clock });
  });
  afterAll(async () => t.close());

  describe('hearing: seen within 16 working days at the offer’s own 90% threshold', () => {
    let hearing: KpiWorld;
    beforeAll(async () => {
      clock.setToday('2026-12-01');
      hearing = await aMeasuredOffer(t.deps, 'adult-hearing', ['DEMO1'], '2026-12-01');
      const commissioner = await tokenFor(t.deps, hearing.commissionerId, 'commissioner');
      const set = await t.app.inject({
        method: 'PUT',
        url: `/api/v1/offers/${hearing.offerId}/kpis/seen-within-16-working-days`,
        headers: { authorization: `Bearer ${commissioner}` },
        payload: { thresholdPercent: 90, reason: 'Local waiting-time ambition for 2026/27' },
      });
      expect(set.statusCode).toBe(204);
      // Received Thursday 17 December 2026: Christmas Day and Monday 28 December (Boxing Day's substitute) and New Year's
      // Day are not working days, so the 16th working day after it is Wednesday 13 January 2027 (Friday 8 January without them).
      for (let index = 0; index < 8; index += 1)
        await aKpiReferral(t.deps, hearing, 'DEMO1', { sentOn: '2026-12-17', contacts: [{ on: '2027-01-13' }] });
      await aKpiReferral(t.deps, hearing, 'DEMO1', { sentOn: '2026-12-17', contacts: [{ on: '2027-01-14' }] });
      await aKpiReferral(t.deps, hearing, 'DEMO1', { sentOn: '2026-12-17', contacts: [{ on: '2027-01-05', attended: false }] });
      clock.setToday('2027-01-20');
    });

    it('scores 8 of 10 seen within 16 working days as 80.0%, in breach of the 90% local threshold, counting bank holidays out', async () => {
      const first = await run('2026-12');
      expect(first).toMatchObject({ endMonth: '2026-12', skipped: false, runId: expect.any(String), breachesOpened: [expect.any(String)] });
      const result = await resultOf(hearing.offerId, 'seen-within-16-working-days', '2026-12');
      expect(result).toMatchObject({
        numerator: 8,
        denominator: 10,
        percent_tenths: 800,
        threshold_percent: 90,
        direction: 'at-least',
        status: 'breached',
        period: 'quarter',
        period_from: '2026-10-01',
        period_to: '2026-12-31',
        provider_organisation_id: hearing.providers.DEMO1!.providerId,
        commissioner_organisation_id: hearing.commissionerId,
        run_id: first.runId,
      });
      const counts = await t.deps.db.selectFrom('kpi_result_counts').selectAll().where('result_id', '=', result.id).execute();
      expect(counts.map((count) => [count.counted_on, count.met]).sort()).toEqual([
        ...Array.from({ length: 2 }, () => ['2026-12-17', false]),
        ...Array.from({ length: 8 }, () => ['2026-12-17', true]),
      ]);
      const breach = await t.deps.db
        .selectFrom('breaches')
        .selectAll()
        .where('id', '=', first.breachesOpened[0]!)
        .executeTakeFirstOrThrow();
      expect(breach).toMatchObject({ kpi_result_id: result.id, status: 'open', numerator: 8, denominator: 10, threshold_percent: 90 });
    });

    it('gives identical stored values when the job runs again: the same rows, updated in place, no second row', async () => {
      const before = await storedResultsOf(t.deps, '2026-12');
      const again = await run('2026-12');
      const after = await storedResultsOf(t.deps, '2026-12');
      expect(after).toEqual(before);
      expect(again.breachesOpened).toEqual([]);
      expect(before.results.length).toBeGreaterThan(0);
      const rows = await t.deps.db.selectFrom('kpi_results').select(['run_id']).where('end_month', '=', '2026-12').execute();
      expect(new Set(rows.map((row) => row.run_id))).toEqual(new Set([again.runId]));
      const runs = await t.deps.db.selectFrom('kpi_runs').selectAll().where('end_month', '=', '2026-12').execute();
      expect(runs.map((one) => [one.trigger, one.results, one.finished_at !== null])).toEqual([
        ['on-demand', before.results.length, true],
        ['on-demand', before.results.length, true],
      ]);
    });

    it('opens no breach on the month to date, whose period has not ended', async () => {
      const toDate = await run('2027-01');
      expect(await resultOf(hearing.offerId, 'seen-within-16-working-days', '2027-01')).toMatchObject({ status: 'breached' });
      expect(toDate.breachesOpened).toEqual([]);
    });

    it('keeps the pack’s 95% for a month before the local threshold applied from', async () => {
      await run('2026-11');
      expect(await resultOf(hearing.offerId, 'seen-within-16-working-days', '2026-11')).toMatchObject({
        threshold_percent: 95,
        denominator: 0,
        percent_tenths: null,
        status: 'not-enough-data',
      });
    });
  });

  it('counts talking therapies courses finished in the quarter: waits to first treatment within 6 and 18 weeks, and recovery', async () => {
    clock.setToday('2026-09-01');
    const therapies = await aMeasuredOffer(t.deps, 'psychological-therapies', ['DEMO2'], '2026-09-01');
    const course = (firstOn: string, lastScores: [number, number], more: { on: string; attended: boolean }[] = []) =>
      aKpiReferral(t.deps, therapies, 'DEMO2', {
        sentOn: '2026-09-01',
        dischargedOn: '2027-02-15',
        contacts: [...more, { on: firstOn, phq9: 15, gad7: 10 }, { on: '2027-02-10', phq9: lastScores[0], gad7: lastScores[1] }],
      });
    // 6 weeks after 1 September 2026 is 13 October; 18 weeks is 5 January 2027.
    for (let index = 0; index < 6; index += 1) await course('2026-10-01', [5, 4]);
    await course('2026-10-13', [12, 4]);
    await course('2026-12-01', [12, 4], [{ on: '2026-10-01', attended: false }]);
    await course('2026-12-01', [12, 4]);
    await course('2027-01-20', [9, 9]);
    await aKpiReferral(t.deps, therapies, 'DEMO2', {
      sentOn: '2026-09-01',
      dischargedOn: '2027-02-15',
      contacts: [
        { on: '2026-09-20', phq9: 5, gad7: 3 },
        { on: '2027-02-10', phq9: 4, gad7: 2 },
      ],
    });
    await aKpiReferral(t.deps, therapies, 'DEMO2', { sentOn: '2026-09-01', contacts: [{ on: '2026-09-10', phq9: 20, gad7: 15 }] });
    clock.setToday('2027-04-02');
    await run('2027-03');
    const value = async (code: string) => {
      const result = await resultOf(therapies.offerId, code, '2027-03');
      return [result.numerator, result.denominator, result.percent_tenths, result.status];
    };
    expect(await value('first-treatment-within-6-weeks')).toEqual([8, 11, 727, 'breached']);
    expect(await value('first-treatment-within-18-weeks')).toEqual([10, 11, 909, 'breached']);
    expect(await value('recovery-rate')).toEqual([6, 10, 600, 'met']);
  });

  it('counts ultrasound reports within 2 and 5 working days of the scan, with Easter 2027’s bank holidays honoured, an unreported one only once its limit has passed', async () => {
    clock.setToday('2027-03-01');
    const ultrasound = await aMeasuredOffer(t.deps, 'non-obstetric-ultrasound', ['DEMO1'], '2027-03-01');
    // Scanned Thursday 25 March 2027: Good Friday (26th) and Easter Monday (29th) are bank holidays, so Wednesday 31 March
    // is the 2nd working day after the scan (it would be the 4th without them) and Thursday 1 April the 3rd.
    const scanned = (reportedOn?: string) =>
      aKpiReferral(t.deps, ultrasound, 'DEMO1', {
        sentOn: '2027-03-15',
        contacts: [{ on: '2027-03-25', ...(reportedOn ? { reportedOn } : {}) }],
      });
    for (let index = 0; index < 7; index += 1) await scanned('2027-03-31');
    await scanned('2027-04-01');
    await scanned('2027-04-01');
    await scanned();
    clock.setToday('2027-04-02');
    await run('2027-03');
    const value = async (code: string) => {
      const result = await resultOf(ultrasound.offerId, code, '2027-03');
      return [result.numerator, result.denominator, result.percent_tenths, result.threshold_percent, result.status];
    };
    expect(await value('report-within-2-working-days')).toEqual([7, 10, 700, 80, 'breached']);
    // The unreported scan's 5 working days run to Tuesday 6 April: on 2 April it has neither met nor missed that KPI.
    expect(await value('report-within-5-working-days')).toEqual([9, 9, 1000, 100, 'not-enough-data']);
    expect(await value('scanned-within-10-working-days')).toEqual([10, 10, 1000, 80, 'met']);
    clock.setToday('2027-04-07');
    await run('2027-03');
    expect(await value('report-within-5-working-days')).toEqual([9, 10, 900, 100, 'breached']);
  });

  it('reads "not enough data yet" below the minimum count, never a breach, and counts podiatry’s priorities apart', async () => {
    clock.setToday('2027-05-01');
    const podiatry = await aMeasuredOffer(t.deps, 'podiatry', ['DEMO2'], '2027-05-01');
    for (let index = 0; index < 12; index += 1)
      await aKpiReferral(t.deps, podiatry, 'DEMO2', {
        sentOn: '2027-05-04',
        contacts: [{ on: index === 0 ? '2027-06-02' : '2027-06-01' }],
      });
    for (let index = 0; index < 3; index += 1)
      await aKpiReferral(t.deps, podiatry, 'DEMO2', { sentOn: '2027-05-04', priority: 'urgent', contacts: [{ on: '2027-05-10' }] });
    clock.setToday('2027-06-15');
    await run('2027-06');
    const routine = await resultOf(podiatry.offerId, 'routine-within-4-weeks', '2027-06');
    const urgent = await resultOf(podiatry.offerId, 'urgent-within-2-weeks', '2027-06');
    expect([routine.numerator, routine.denominator, routine.percent_tenths, routine.status]).toEqual([11, 12, 917, 'breached']);
    expect([urgent.numerator, urgent.denominator, urgent.percent_tenths, urgent.minimum_count, urgent.status]).toEqual([
      3,
      3,
      1000,
      10,
      'not-enough-data',
    ]);
  });

  it('refuses a month not started yet or written wrongly, storing nothing', async () => {
    clock.setToday('2027-06-15');
    await expect(run('2027-07')).rejects.toMatchObject({ code: 'validation-failed' });
    await expect(run('June')).rejects.toMatchObject({ code: 'validation-failed' });
    expect(await t.deps.db.selectFrom('kpi_runs').select('id').where('end_month', '=', '2027-07').execute()).toEqual([]);
  });
});
