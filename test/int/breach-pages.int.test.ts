import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openBreachesForRun } from '../../src/domains/provider-quality/breach-open.service.ts';
import { aHearingOfferWithLiveProvider, aStoredKpiResult, EIGHT_OF_TEN_SEEN_IN_TIME } from '../support/kpi-result-rows.ts';
import { type MovableClock, movableToday } from '../support/movable-clock.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { WebClient } from '../support/web-client.ts';

const TODAY = '2027-02-10';

describe('the breach pages without JavaScript', () => {
  let t: TestApp;
  let clock: MovableClock;
  const people: Record<string, WebClient> = {};

  const signedIn = async (email: string) => {
    const client = new WebClient(t.app);
    expect((await client.signIn(email)).statusCode).toBe(303);
    return client;
  };
  const aBreach = async () => {
    const world = await aHearingOfferWithLiveProvider(t.deps, TODAY);
    const { runId } = await aStoredKpiResult(t.deps, world, { endMonth: '2027-01', seenAfterWorkingDays: EIGHT_OF_TEN_SEEN_IN_TIME });
    const [id] = await t.deps.db.transaction().execute((trx) => openBreachesForRun(trx, t.deps, runId));
    return id!;
  };
  const stepFrom = (who: string, id: string, step: string, form: Record<string, string>) =>
    people[who]!.submit(`/quality/breaches/${id}`, form, `/quality/breaches/${id}/${step}`);

  beforeAll(async () => {
    clock = movableToday(TODAY);
    t = await createTestApp({ seed: 'region', clock });
    people.commissioner = await signedIn('commissioner@aqp.example');
    people.provider = await signedIn('provider.admin@aqp.example');
  });
  beforeEach(() => clock.setToday(TODAY));
  afterAll(() => t.close());

  it('lists a commissioner’s open breaches and shows one with its figure, history and only the forms its side may use', async () => {
    const id = await aBreach();
    const list = await people.commissioner!.get('/quality/breaches?state=open');
    expect(list.body).toContain(`/quality/breaches/${id}`);
    expect((await people.commissioner!.get('/quality/breaches?state=nonsense')).statusCode).toBe(400);
    const page = await people.commissioner!.get(`/quality/breaches/${id}`);
    expect(page.body).toContain('80.0% (8 of 10) against at least 90%');
    expect(page.body).toContain('Breach found by the KPI run');
    expect(page.body).toContain('Issue the notice');
    expect((await people.provider!.get(`/quality/breaches/${id}`)).body).not.toContain('Issue the notice');
  });

  it('shows a missing notice beside its box (400), and a stale page’s step as refused beside it (409), changing nothing', async () => {
    const id = await aBreach();
    const empty = await stepFrom('commissioner', id, 'notice', { version: '1', text: ' ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toMatch(/id="notice-text-error"[\s\S]*Write the notice/);
    const issued = await stepFrom('commissioner', id, 'notice', { version: '1', text: 'Waits are too long.' });
    expect(issued.statusCode).toBe(303);
    const stale = await stepFrom('commissioner', id, 'withdraw', { version: '1', reason: 'Counted twice' });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toMatch(/id="withdraw-reason-error"[\s\S]*Someone else has changed this breach/);
    const row = await t.deps.db.selectFrom('breaches').select(['status', 'version']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'notice-issued', version: 2 });
  });

  it('records a plan from the form’s rows, a bad date beside its day box, and responds as the provider', async () => {
    const id = await aBreach();
    await stepFrom('commissioner', id, 'notice', { version: '1', text: 'Waits are too long.' });
    expect((await stepFrom('provider', id, 'response', { version: '2', text: 'Extra clinics.' })).statusCode).toBe(303);
    const bad = await stepFrom('commissioner', id, 'plan', {
      version: '3',
      'plan-milestones.0.description': 'Saturday clinics',
      'plan-milestones.0.dueOn-day': '31',
      'plan-milestones.0.dueOn-month': '2',
      'plan-milestones.0.dueOn-year': '2027',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('href="#plan-milestones.0.dueOn-day"');
    const plan = await stepFrom('commissioner', id, 'plan', {
      version: '3',
      'plan-milestones.0.description': 'Saturday clinics',
      'plan-milestones.0.dueOn-day': '1',
      'plan-milestones.0.dueOn-month': '3',
      'plan-milestones.0.dueOn-year': '2027',
    });
    expect(plan.statusCode).toBe(303);
    expect((await people.commissioner!.get(`/quality/breaches/${id}`)).body).toContain('Record milestone 1');
  });
});
