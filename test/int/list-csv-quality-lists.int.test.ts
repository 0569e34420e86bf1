import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBreach } from '../../src/domains/provider-quality/breach.repo.ts';
import { openBreachesForRun } from '../../src/domains/provider-quality/breach-open.service.ts';
import { aHearingOfferWithLiveProvider, aStoredKpiResult, EIGHT_OF_TEN_SEEN_IN_TIME } from '../support/kpi-result-rows.ts';
import type { ActivityWorld } from '../support/activity-rows.ts';
import { feedbackGiven } from '../support/quality-rows.ts';
import { csvTable, expectSameList, pageAndCsv, pageTable, signedInClient } from '../support/list-csv.ts';
import { type MovableClock, movableToday } from '../support/movable-clock.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

const TODAY = '2027-02-10';

describe('CSV downloads of the quality lists: breaches, quality returns and patient feedback', () => {
  let t: TestApp;
  let clock: MovableClock;
  const worlds: ActivityWorld[] = [];
  const signedIn = (email: string) => signedInClient(t.app, email);
  const aBreachFor = async (providerOds: string) => {
    const world = await aHearingOfferWithLiveProvider(t.deps, TODAY, providerOds);
    worlds.push(world);
    const { runId } = await aStoredKpiResult(t.deps, world, { endMonth: '2027-01', seenAfterWorkingDays: EIGHT_OF_TEN_SEEN_IN_TIME });
    const [id] = await t.deps.db.transaction().execute((trx) => openBreachesForRun(trx, t.deps, runId));
    return (await findBreach(t.deps.db, id!))!;
  };

  beforeAll(async () => {
    clock = movableToday(TODAY);
    t = await createTestApp({ seed: 'region', clock });
  });
  afterAll(() => t.close());

  it('downloads the breaches each side sees for the same state, a provider only its own, and refuses a referrer', async () => {
    const ours = await aBreachFor('DEMO1');
    const theirs = await aBreachFor('DEMO2');
    const commissioner = await signedIn('commissioner@aqp.example');
    const all = await pageAndCsv(commissioner, '/quality/breaches?state=open', 'breaches');
    expect(all.href).toBe('/quality/breaches.csv?state=open');
    expectSameList(all.page, all.csv);
    expect(all.csv.head).toEqual(['Breach', 'Found on', 'Provider', 'KPI', 'Figure', 'Status']);
    expect(all.csv.rows.map((row) => row[0])).toEqual(expect.arrayContaining([ours.reference, theirs.reference]));
    expect(all.csv.rows).toHaveLength(all.page.rows.length);

    const provider = await signedIn('provider.admin@aqp.example');
    const own = await pageAndCsv(provider, '/quality/breaches', 'breaches');
    expectSameList(own.page, own.csv);
    expect(own.csv.head[2]).toBe('Commissioner');
    expect(own.csv.rows.map((row) => row[0])).toEqual([ours.reference]);

    expect((await commissioner.get('/quality/breaches.csv?state=nonsense')).statusCode).toBe(400);
    expect((await (await signedIn('referrer@aqp.example')).get('/quality/breaches.csv')).statusCode).toBe(403);
  });

  it('downloads the quality returns owed, the commissioner’s with each provider and a provider’s own only, and refuses a referrer', async () => {
    clock.setToday('2027-05-10');
    const commissioner = await signedIn('commissioner@aqp.example');
    const all = await pageAndCsv(commissioner, '/quality/returns', 'quality-returns');
    expectSameList(all.page, all.csv);
    expect(all.csv.head).toEqual(['Offer', 'Provider', 'Quarter', 'Due', 'Submitted', 'Status']);
    expect(all.csv.rows).toHaveLength(all.page.rows.length);
    const providers = new Set(all.csv.rows.map((row) => row[1]));
    expect(providers.size).toBeGreaterThan(1);

    const provider = await signedIn('provider.admin@aqp.example');
    const own = await pageAndCsv(provider, '/quality/returns', 'quality-returns');
    expectSameList(own.page, own.csv);
    expect(own.csv.head).toEqual(['Offer', 'Quarter', 'Due', 'Submitted', 'Status']);
    expect(own.csv.rows.length).toBeLessThan(all.csv.rows.length);

    expect((await (await signedIn('referrer@aqp.example')).get('/quality/returns.csv')).statusCode).toBe(403);
  });

  it('downloads every patient comment, not one page, audited as downloaded, a provider’s own only, and refuses a referrer', async () => {
    const [ours, theirs] = worlds as [ActivityWorld, ActivityWorld];
    await feedbackGiven(t.deps, ours, Array<'very-good'>(30).fill('very-good'), '2027-05-01');
    await feedbackGiven(t.deps, theirs, ['poor'], '2027-05-03');
    await t.deps.db.updateTable('feedback_responses').set({ comment: '=1+1 Waited too long\nbut kind staff' }).execute();
    const downloads = () => t.deps.db.selectFrom('audit_events').select('id').where('action', '=', 'feedback.comments-download').execute();

    const commissioner = await signedIn('commissioner@aqp.example');
    const all = await pageAndCsv(commissioner, '/quality/feedback', 'feedback-comments');
    const comments = pageTable((await commissioner.get('/quality/feedback')).body, 1);
    expectSameList(comments, all.csv);
    expect(all.csv.head).toEqual(['Answered on', 'Answer', 'Offer', 'Provider', 'Comment']);
    expect(comments.rows).toHaveLength(25);
    expect(all.csv.rows).toHaveLength(31);
    expect(all.csv.rows[0]![4]).toBe("'=1+1 Waited too long but kind staff");
    expect(await downloads()).toHaveLength(1);

    const provider = await signedIn('provider.admin@aqp.example');
    const own = csvTable(await provider.get('/quality/feedback.csv'), 'feedback-comments');
    expect(own.rows).toHaveLength(30);
    expect(own.rows.map((row) => row[1])).not.toContain('Poor');
    expect(await downloads()).toHaveLength(2);

    expect((await (await signedIn('referrer@aqp.example')).get('/quality/feedback.csv')).statusCode).toBe(403);
    expect(await downloads()).toHaveLength(2);
  });
});
