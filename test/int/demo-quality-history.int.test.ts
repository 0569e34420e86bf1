import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/demo.seed.ts';
import { publishedFeedbackFor } from '../../src/domains/provider-quality/feedback.repo.ts';
import { monthBefore } from '../../src/domains/payments/month.rules.ts';
import { addDays } from '../../src/lib/working-days.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { WebClient } from '../support/web-client.ts';

/** The live demo providers that treat patients (DEMO2 is suspended before any history). */
const LIVE = ['DEMO1', 'DEMO3', 'DEMO4', 'DEMO5', 'DEMO6', 'DEMO7', 'DEMO8', 'DEMO9'];

describe('the demo’s year of quality history, as npm start seeds it', () => {
  let t: TestApp;
  let lastMonth: string;
  const providerIds = async () =>
    new Map(
      (await t.deps.db.selectFrom('organisations').select(['id', 'ods_code']).where('ods_code', 'in', LIVE).execute()).map((row) => [
        row.ods_code!,
        row.id,
      ]),
    );

  beforeAll(async () => {
    t = await createTestApp({ seed: 'history' });
    lastMonth = monthBefore(t.deps.clock.today());
  });
  afterAll(() => t.close());

  it('runs the KPIs for each of the last twelve months, giving every live provider measured values for last month', async () => {
    const runs = await t.deps.db.selectFrom('kpi_runs').select('end_month').where('trigger', '=', 'demo').orderBy('end_month').execute();
    expect(runs.length).toBeGreaterThanOrEqual(12);
    expect(runs.at(-1)!.end_month).toBe(lastMonth);
    const measured = await t.deps.db
      .selectFrom('kpi_results as r')
      .innerJoin('organisations as o', 'o.id', 'r.provider_organisation_id')
      .select('o.ods_code')
      .where('r.end_month', '=', lastMonth)
      .where('r.status', 'in', ['met', 'breached'])
      .execute();
    expect(new Set(measured.map((row) => row.ods_code))).toEqual(new Set(LIVE));
  });

  it('has one breach, Kirklees Hearing Centre’s waits, taken to a remedial plan with two milestones still to come', async () => {
    const breaches = await t.deps.db
      .selectFrom('breaches as b')
      .innerJoin('organisations as o', 'o.id', 'b.provider_organisation_id')
      .select(['b.id', 'b.status', 'b.kpi_code', 'o.ods_code'])
      .execute();
    expect(breaches.map((breach) => [breach.ods_code, breach.kpi_code, breach.status])).toEqual([
      ['DEMO3', 'seen-within-16-working-days', 'remedial-plan'],
    ]);
    const milestones = await t.deps.db.selectFrom('breach_milestones').selectAll().where('breach_id', '=', breaches[0]!.id).execute();
    expect(milestones).toHaveLength(2);
    expect(milestones.every((milestone) => milestone.due_on > t.deps.clock.today())).toBe(true);
    const commissioner = new WebClient(t.app);
    await commissioner.signIn('commissioner@aqp.example');
    const page = await commissioner.get(`/quality/breaches/${breaches[0]!.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Contract performance notice issued');
  });

  it('publishes feedback for providers with five answers or more, and nothing for the one with three', async () => {
    const ids = await providerIds();
    const published = await publishedFeedbackFor(t.deps.db, [...ids.values()], addDays(t.deps.clock.today(), -365));
    const answered = await t.deps.db
      .selectFrom('feedback_responses')
      .select(['provider_organisation_id'])
      .select((eb) => eb.fn.countAll().as('n'))
      .groupBy('provider_organisation_id')
      .execute();
    const count = (ods: string) => Number(answered.find((row) => row.provider_organisation_id === ids.get(ods))?.n ?? 0);
    expect(count('DEMO7')).toBe(3);
    expect(published.get(ids.get('DEMO7')!)).toBeNull();
    expect(count('DEMO6')).toBeGreaterThanOrEqual(5);
    expect(published.get(ids.get('DEMO6')!)).toMatchObject({ published: true });
  });

  it('changes nothing when seeded again', async () => {
    const before = await t.deps.db.selectFrom('kpi_runs').select('id').execute();
    await seedDemo(t.deps);
    expect(await t.deps.db.selectFrom('kpi_runs').select('id').execute()).toHaveLength(before.length);
  });
});
