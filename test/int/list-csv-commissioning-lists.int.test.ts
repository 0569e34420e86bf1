import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoPrioritisation } from '../../src/demo/prioritisation.demo-seed.ts';
import { createRun } from '../../src/domains/prioritisation/run.service.ts';
import { contextOf } from '../support/application-rows.ts';
import { csvTable, expectSameList, pageAndCsv, signedInClient } from '../support/list-csv.ts';
import { movableToday } from '../support/movable-clock.ts';
import { aProposalOfTheDemoIcb } from '../support/proposal-rows.ts';
import { aPersonIn } from '../support/referral-rows.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

const TODAY = '2027-03-01';

describe('CSV downloads of the commissioning lists: proposals, the region’s review queue and prioritisations', () => {
  let t: TestApp;
  const signedIn = (email: string) => signedInClient(t.app, email);

  beforeAll(async () => {
    t = await createTestApp({ seed: 'region', clock: movableToday(TODAY) });
  });
  afterAll(() => t.close());

  it('downloads every proposal of the commissioner, not one page, and the reviewer’s tab for the same state, each to its own role', async () => {
    for (let n = 1; n <= 27; n += 1) await aProposalOfTheDemoIcb(t.deps, `Community service ${n}`, 'submitted');
    await aProposalOfTheDemoIcb(t.deps, 'Minor skin surgery', 'approved');

    const commissioner = await signedIn('commissioner@aqp.example');
    const own = await pageAndCsv(commissioner, '/proposals', 'proposals');
    expect(own.href).toBe('/proposals.csv');
    expectSameList(own.page, own.csv);
    expect(own.csv.head).toEqual(['Service', 'Status', 'Region', 'Last changed']);
    expect(own.page.rows).toHaveLength(25);
    expect(own.csv.rows).toHaveLength(28);

    const reviewer = await signedIn('regional.reviewer@aqp.example');
    const waiting = await pageAndCsv(reviewer, '/proposals/review', 'proposals-submitted');
    expect(waiting.href).toBe('/proposals/review.csv?status=submitted');
    expectSameList(waiting.page, waiting.csv);
    expect(waiting.csv.head).toEqual(['Service', 'Proposed by', 'Status', 'Submitted']);
    expect(waiting.csv.rows).toHaveLength(27);
    const approved = await pageAndCsv(reviewer, '/proposals/review?status=approved', 'proposals-approved');
    expectSameList(approved.page, approved.csv);
    expect(approved.csv.rows.map((row) => row[0])).toEqual(['Minor skin surgery']);

    const wakefield = await t.deps.db.selectFrom('organisations').select('id').where('ods_code', '=', '03R').executeTakeFirstOrThrow();
    await aPersonIn(t.deps, wakefield.id, { email: 'wakefield.commissioner@test.example', name: 'Wyn', role: 'commissioner' });
    const stranger = await signedIn('wakefield.commissioner@test.example');
    expect(csvTable(await stranger.get('/proposals.csv'), 'proposals').rows).toEqual([]);
    expect((await reviewer.get('/proposals.csv')).statusCode).toBe(403);
    expect((await commissioner.get('/proposals/review.csv')).statusCode).toBe(403);
  });

  it('downloads every prioritisation of the commissioner, not one page, the region’s notified ones for its reviewer, and refuses a provider', async () => {
    await seedDemoPrioritisation(t.deps);
    const context = await contextOf(t.deps.db, 'commissioner@aqp.example', 'commissioner');
    for (let n = 1; n <= 26; n += 1)
      await createRun(t.deps, context, { title: `Priorities ${n}`, yearLabel: '2027/28', members: [context.principal!.organisationId] });

    const commissioner = await signedIn('commissioner@aqp.example');
    const own = await pageAndCsv(commissioner, '/prioritisation', 'prioritisations');
    expectSameList(own.page, own.csv);
    expect(own.csv.head).toEqual(['Prioritisation', 'Plan year', 'Commissioner', 'Status', 'Started']);
    expect(own.page.rows).toHaveLength(25);
    expect(own.csv.rows.length).toBeGreaterThanOrEqual(27);

    const reviewer = await signedIn('regional.reviewer@aqp.example');
    const notified = await pageAndCsv(reviewer, '/prioritisation', 'prioritisations');
    expectSameList(notified.page, notified.csv);
    expect(notified.csv.head.at(-1)).toBe('Notified');
    expect(notified.csv.rows.map((row) => row[0])).not.toContain('Priorities 1');

    expect((await (await signedIn('provider.admin@aqp.example')).get('/prioritisation.csv')).statusCode).toBe(403);
  });
});
