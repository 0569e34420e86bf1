import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aPricedBackPainOffer, aReferralFor, type ActivityWorld } from '../support/activity-rows.ts';
import { anAcceptedLine } from '../support/line-query-rows.ts';
import { csvTable, expectSameList, pageAndCsv, signedInClient } from '../support/list-csv.ts';
import { type MovableClock, movableToday } from '../support/movable-clock.ts';
import { aPersonIn } from '../support/referral-rows.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { WebClient } from '../support/web-client.ts';

const TODAY = '2027-03-01';

describe('CSV downloads of the payment lists: activity lines, queries on them and budgets', () => {
  let t: TestApp;
  let clock: MovableClock;
  let world: ActivityWorld;
  const people: Record<string, WebClient> = {};

  const orgId = async (ods: string) =>
    (await t.deps.db.selectFrom('organisations').select('id').where('ods_code', '=', ods).executeTakeFirstOrThrow()).id;
  const signedIn = (email: string) => signedInClient(t.app, email);
  /** A line queried by the finance officer from the line's page. */
  const aQueriedLine = async () => {
    const referral = await aReferralFor(t.deps, world, { acceptedOn: '2027-02-01' });
    const line = await anAcceptedLine(t.deps, world, referral, { receivedAt: `${TODAY}T09:00:00Z` });
    const form = { reasonCode: 'activity-not-evidenced' };
    expect((await people.finance!.submit(`/payments/lines/${line.id}`, form, `/payments/lines/${line.id}/query`)).statusCode).toBe(303);
    return line;
  };

  beforeAll(async () => {
    clock = movableToday(TODAY);
    t = await createTestApp({ seed: 'region', clock });
    world = await aPricedBackPainOffer(t.deps, TODAY, 3500);
    await aPersonIn(t.deps, await orgId('03R'), { email: 'wakefield.finance@test.example', name: 'Wes', role: 'commissioner-finance' });
    await aPersonIn(t.deps, await orgId('DEMO2'), { email: 'demo2.admin@test.example', name: 'Dee', role: 'provider-admin' });
    people.finance = await signedIn('finance@aqp.example');
    people.provider = await signedIn('provider.admin@aqp.example');
  });
  afterAll(() => t.close());

  it('downloads each side’s queries for the same state, overdue ones flagged, none to another organisation, and refuses a contract manager', async () => {
    const lines = [await aQueriedLine(), await aQueriedLine()];
    clock.setToday('2027-03-16');
    const finance = await pageAndCsv(people.finance!, '/payments/queries?state=lapsed-unanswered', 'line-queries');
    expect(finance.href).toBe('/payments/queries.csv?state=lapsed-unanswered');
    expectSameList(finance.page, finance.csv);
    expect(finance.csv.head).toEqual(['Line', 'Activity date', 'Provider', 'Reason', 'Raised', 'Status', 'Next step by']);
    expect(finance.csv.rows.map((row) => row[0]).sort()).toEqual(lines.map((line) => line.providerLineId).sort());
    expect(finance.csv.rows[0]![6]).toBe('Answer overdue');

    const provider = await pageAndCsv(people.provider!, '/payments/queries', 'line-queries');
    expectSameList(provider.page, provider.csv);
    expect(provider.csv.head[2]).toBe('Commissioner');
    expect(provider.csv.rows).toHaveLength(2);

    for (const stranger of ['wakefield.finance@test.example', 'demo2.admin@test.example'])
      expect(csvTable(await (await signedIn(stranger)).get('/payments/queries.csv'), 'line-queries').rows).toEqual([]);
    expect((await people.finance!.get('/payments/queries.csv?state=stuck')).statusCode).toBe(400);
    expect((await (await signedIn('commissioner@aqp.example')).get('/payments/queries.csv')).statusCode).toBe(403);
  });

  it('downloads the commissioner’s budget plans as the page lists them, none to another commissioner, and refuses a provider', async () => {
    for (const financialYear of ['2026-27', '2027-28']) {
      const form = { serviceCode: 'back-and-neck-pain', financialYear, amount: '1,000' };
      expect((await people.finance!.submit('/payments/budgets/new', form)).statusCode).toBe(303);
    }
    const { page, href, csv } = await pageAndCsv(people.finance!, '/payments/budgets', 'budgets');
    expect(href).toBe('/payments/budgets.csv');
    expectSameList(page, csv);
    expect(csv.head).toEqual(['Service', 'Year', 'Plan', 'Actual to date', 'Forecast', 'Forecast of plan', 'Status']);
    expect(csv.rows.map((row) => row[1]).sort()).toEqual(['2026-27', '2027-28']);
    expect(csv.rows[0]![2]).toBe('£1,000.00');

    expect(csvTable(await (await signedIn('wakefield.finance@test.example')).get('/payments/budgets.csv'), 'budgets').rows).toEqual([]);
    expect((await people.provider!.get('/payments/budgets.csv')).statusCode).toBe(403);
  });

  it('downloads every activity line of the month, not one page, audited as seen like the page, none of another provider’s', async () => {
    const referral = await aReferralFor(t.deps, world, { acceptedOn: '2026-11-02' });
    for (let day = 1; day <= 26; day += 1)
      await anAcceptedLine(t.deps, world, referral, {
        receivedAt: '2026-12-31T09:00:00Z',
        activityDate: `2026-12-${String(Math.min(day, 28)).padStart(2, '0')}`,
      });
    const views = () => t.deps.db.selectFrom('audit_events').select('id').where('action', '=', 'activity-lines.view').execute();

    const seenBefore = (await views()).length;
    const { page, href, csv } = await pageAndCsv(people.provider!, '/payments/activity?month=2026-12', 'activity-lines');
    expect(href).toBe('/payments/activity.csv?month=2026-12');
    expectSameList(page, csv);
    expect(csv.head).toEqual(['Date', 'Line id', 'Referral', 'Currency and band', 'Attendance', 'Status', 'Reason not paid', 'Price']);
    expect(page.rows).toHaveLength(25);
    expect(csv.rows).toHaveLength(26);
    expect((await views()).length).toBe(seenBefore + 2);

    expect(csvTable(await (await signedIn('demo2.admin@test.example')).get(href), 'activity-lines').rows).toEqual([]);
    expect((await people.finance!.get(href)).statusCode).toBe(403);
    expect((await people.provider!.get('/payments/activity.csv?month=Dec')).statusCode).toBe(400);
  });
});
