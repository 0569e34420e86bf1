import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBudgetAlerts } from '../../src/domains/budgets/budget-alerts.service.ts';
import { fixedClock } from '../../src/lib/clock.ts';
import { aPricedBackPainOffer, aReferralFor, type ActivityWorld } from '../support/activity-rows.ts';
import { tokenFor } from '../support/referral-rows.ts';
import { aStatement } from '../support/statement-rows.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

const TODAY = '2026-10-15';
const SESSION = 3500;

describe('budget plans, their figures and alerts over the API', () => {
  let t: TestApp;
  let world: ActivityWorld;
  let finance: string;
  let commissioner: string;
  let stranger: string;
  let national: string;
  const orgId = async (ods: string) =>
    (await t.deps.db.selectFrom('organisations').select('id').where('ods_code', '=', ods).executeTakeFirstOrThrow()).id;
  const call = (token: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
  const upload = (token: string, csv: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/budget-plans/import',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'multipart/form-data; boundary=b0undary' },
      payload: `--b0undary\r\nContent-Disposition: form-data; name="file"; filename="plans.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--b0undary--\r\n`,
    });
  const messages = async () =>
    t.deps.db
      .selectFrom('outbox_messages')
      .select(['subject', 'entity_id'])
      .where('organisation_id', '=', world.commissionerId)
      .where('entity_type', '=', 'budget-plan')
      .orderBy('created_at')
      .orderBy('subject')
      .execute();

  beforeAll(async () => {
    t = await createTestApp({ seed: 'region', clock: fixedClock(`${TODAY}T12:00:00Z`) });
    world = await aPricedBackPainOffer(t.deps, TODAY, SESSION);
    finance = await tokenFor(t.deps, world.commissionerId, 'commissioner-finance');
    commissioner = await tokenFor(t.deps, world.commissionerId, 'commissioner');
    stranger = await tokenFor(t.deps, await orgId('03R'), 'commissioner');
    national = await tokenFor(t.deps, await orgId('X24'), 'national-admin');
    const first = await aReferralFor(t.deps, world, { acceptedOn: '2026-05-01' });
    await aReferralFor(t.deps, world, { acceptedOn: '2026-09-01' });
    const finished = await aReferralFor(t.deps, world, { acceptedOn: '2026-05-02' });
    await t.deps.db
      .updateTable('referrals')
      .set({ status: 'discharged', discharged_at: '2026-08-01T10:00:00Z' })
      .where('id', '=', finished.id)
      .execute();
    const on = (referral: { id: string; ubrn: string }, activityDate: string, payment?: 'held') => ({
      referralId: referral.id,
      referralReference: referral.ubrn,
      activityDate,
      pricePence: SESSION,
      ...(payment ? { payment } : {}),
    });
    await aStatement(t.deps, world, {
      month: '2026-06',
      status: 'approved',
      lines: [on(first, '2026-06-03'), on(first, '2026-06-10'), on(finished, '2026-06-11')],
    });
    await aStatement(t.deps, world, { month: '2026-07', status: 'draft', lines: [on(first, '2026-07-01')] });
    await aStatement(t.deps, world, { month: '2026-08', status: 'awaiting-approval', lines: [on(first, '2026-08-05', 'held')] });
  });
  afterAll(async () => t.close());

  it('keeps every change of a plan as a new version, with who set it', async () => {
    const created = await call(finance, 'POST', '/api/v1/budget-plans', {
      serviceCode: 'back-and-neck-pain',
      financialYear: '2026-27',
      amountPence: 1_000_000,
    });
    expect(created.statusCode).toBe(201);
    const { planId } = created.json();
    expect(created.json().version).toBe(1);
    const monthly = [...Array(11).fill(80_000), 120_000];
    const revised = await call(commissioner, 'PUT', `/api/v1/budget-plans/${planId}`, { amountPence: 1_000_000, monthlyPence: monthly });
    expect(revised.json()).toEqual({ planId, version: 2 });
    const plan = (await call(finance, 'GET', `/api/v1/budget-plans/${planId}`)).json();
    expect(plan).toMatchObject({
      version: 2,
      planPence: 1_000_000,
      phasing: 'monthly',
      monthlyPlanPence: monthly,
      setBy: 'commissioner test key',
    });
    const versions = await t.deps.db
      .selectFrom('budget_plan_versions')
      .select(['version', 'phasing'])
      .where('plan_id', '=', planId)
      .orderBy('version')
      .execute();
    expect(versions).toEqual([
      { version: 1, phasing: 'even' },
      { version: 2, phasing: 'monthly' },
    ]);
    const bad = await call(finance, 'PUT', `/api/v1/budget-plans/${planId}`, { amountPence: 1_000_000, monthlyPence: Array(12).fill(1) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].message).toContain('add up to £0.12');
  });

  it('works out actuals from payable statement lines, committed spend from referrals in treatment, and the forecast', async () => {
    const [plan] = (await call(finance, 'GET', '/api/v1/budget-plans')).json().items;
    const figures = (await call(finance, 'GET', `/api/v1/budget-plans/${plan.id}/figures`)).json();
    expect(figures).toMatchObject({ approvedToDatePence: 3 * SESSION, notApprovedToDatePence: SESSION, actualToDatePence: 4 * SESSION });
    expect(
      figures.statements.map((s: { month: string; status: string; payablePence: number }) => [s.month, s.status, s.payablePence]),
    ).toEqual([
      ['2026-06', 'approved', 3 * SESSION],
      ['2026-07', 'draft', SESSION],
    ]);
    expect(figures.committed).toEqual([
      expect.objectContaining({
        referrals: 2,
        expectedUnits: 8,
        unitPricePence: SESSION,
        grossPence: 2 * 8 * SESSION,
        paidPence: 3 * SESSION,
      }),
    ]);
    expect(figures.committedPence).toBe(16 * SESSION - 3 * SESSION);
    expect(figures).toMatchObject({ runRateMonths: ['2026-07', '2026-08', '2026-09'], runRatePence: 1167, monthsRemaining: 6 });
    expect(figures.forecastPence).toBe(4 * SESSION + 13 * SESSION + 6 * 1167);
    expect(figures.months[11].cumulativeForecastPence).toBe(figures.forecastPence);
  });

  it('alerts the commissioner once per threshold crossed, however many runs follow', async () => {
    const forecast = 4 * SESSION + 13 * SESSION + 6 * 1167;
    const created = await call(finance, 'POST', '/api/v1/budget-plans', {
      serviceCode: 'back-and-neck-pain',
      financialYear: '2026-27',
      amountPence: 72_000,
    });
    const { planId } = created.json();
    expect((await messages()).map((m) => m.subject)).toEqual(['Budget alert: MSK back and neck pain 2026-27 forecast at 92.4% of plan']);
    expect(await checkBudgetAlerts(t.deps, { today: TODAY })).toBe(0);
    expect(await checkBudgetAlerts(t.deps.db, { commissionerId: world.commissionerId, today: TODAY })).toBe(0);
    await call(finance, 'PUT', `/api/v1/budget-plans/${planId}`, { amountPence: forecast - 1 });
    expect(await checkBudgetAlerts(t.deps, { today: TODAY })).toBe(0);
    const alerts = await t.deps.db
      .selectFrom('budget_alerts')
      .select('threshold_percent')
      .where('plan_id', '=', planId)
      .orderBy('threshold_percent')
      .execute();
    expect(alerts.map((a) => a.threshold_percent)).toEqual([90, 100]);
    expect((await messages()).map((m) => [m.subject.split(':')[0], m.entity_id])).toEqual([
      ['Budget alert', planId],
      ['Budget overspend forecast', planId],
    ]);
  });

  it('imports a CSV all or nothing, reporting bad lines by number', async () => {
    const bad = await upload(
      finance,
      'service_code,financial_year,amount\nadult-hearing,2027-28,5000\nno-such-service,2027-28,100\nadult-hearing,2027-29,5\n',
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { message: string }) => e.message)).toEqual([
      'Line 4: Enter the financial year as April’s year and the next, like 2026-27',
    ]);
    const unknown = await upload(finance, 'service_code,financial_year,amount\nadult-hearing,2027-28,5000\nno-such-service,2027-28,100\n');
    expect(unknown.json().errors).toEqual([
      { field: 'file', message: 'Line 3: There is no service with the code "no-such-service" on the catalogue' },
    ]);
    expect(await t.deps.db.selectFrom('budget_plans').select('id').where('financial_year', '=', '2027-28').execute()).toEqual([]);
    const good = await upload(
      finance,
      '\uFEFFservice_code,financial_year,amount\nadult-hearing,2027-28,"5,000.00"\nback-and-neck-pain,2027-28,12000\n',
    );
    expect(good.json()).toEqual({ saved: 2 });
    const years = (await call(finance, 'GET', '/api/v1/budget-plans'))
      .json()
      .items.filter((p: { financialYear: string }) => p.financialYear === '2027-28');
    expect(years.map((p: { serviceCode: string; planPence: number }) => [p.serviceCode, p.planPence]).sort()).toEqual([
      ['adult-hearing', 500_000],
      ['back-and-neck-pain', 1_200_000],
    ]);
  });

  it('shows a plan to its own commissioner only, and national users only totals by service', async () => {
    const [plan] = (await call(finance, 'GET', '/api/v1/budget-plans')).json().items;
    expect((await call(stranger, 'GET', `/api/v1/budget-plans/${plan.id}`)).statusCode).toBe(404);
    expect((await call(stranger, 'GET', `/api/v1/budget-plans/${plan.id}/figures`)).statusCode).toBe(404);
    expect((await call(stranger, 'PUT', `/api/v1/budget-plans/${plan.id}`, { amountPence: 1 })).statusCode).toBe(404);
    expect((await call(stranger, 'GET', '/api/v1/budget-plans')).json().items).toEqual([]);
    expect((await call(national, 'GET', `/api/v1/budget-plans/${plan.id}`)).statusCode).toBe(403);
    const totals = (await call(national, 'GET', '/api/v1/budget-totals?year=2026-27')).json();
    expect(totals.services).toEqual([
      expect.objectContaining({
        serviceCode: 'back-and-neck-pain',
        commissioners: 1,
        planPence: 4 * SESSION + 13 * SESSION + 6 * 1167 - 1,
      }),
    ]);
    expect(JSON.stringify(totals)).not.toContain(world.providerId);
  });
});
