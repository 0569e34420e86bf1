import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { aPricedBackPainOffer, aReferralFor, type ActivityWorld } from '../support/activity-rows.ts';
import { anAcceptedLine } from '../support/line-query-rows.ts';
import { type MovableClock, movableToday } from '../support/movable-clock.ts';
import { aPersonIn } from '../support/referral-rows.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { WebClient } from '../support/web-client.ts';

const TODAY = '2027-03-01';

describe('the line and query pages', () => {
  let t: TestApp;
  let clock: MovableClock;
  let world: ActivityWorld;
  const people: Record<string, WebClient> = {};

  const orgId = async (ods: string) =>
    (await t.deps.db.selectFrom('organisations').select('id').where('ods_code', '=', ods).executeTakeFirstOrThrow()).id;
  const aLine = async () => {
    const referral = await aReferralFor(t.deps, world, { acceptedOn: '2027-02-01' });
    return { ...(await anAcceptedLine(t.deps, world, referral, { receivedAt: `${TODAY}T09:00:00Z` })), ubrn: referral.ubrn };
  };
  const signedIn = async (email: string) => {
    const client = new WebClient(t.app);
    expect((await client.signIn(email)).statusCode).toBe(303);
    return client;
  };
  const raiseFromPage = async (lineId: string, form: Record<string, string> = { reasonCode: 'activity-not-evidenced' }) =>
    people.finance!.submit(`/payments/lines/${lineId}`, form, `/payments/lines/${lineId}/query`);
  const queryIdFrom = (location: unknown) => String(location).split('/').at(-1)!;

  beforeAll(async () => {
    clock = movableToday(TODAY);
    t = await createTestApp({ seed: 'region', clock });
    world = await aPricedBackPainOffer(t.deps, TODAY, 3500);
    await aPersonIn(t.deps, await orgId('03R'), { email: 'wakefield.finance@test.example', name: 'Wes', role: 'commissioner-finance' });
    await aPersonIn(t.deps, await orgId('DEMO2'), { email: 'demo2.admin@test.example', name: 'Dee', role: 'provider-admin' });
    people.finance = await signedIn('finance@aqp.example');
    people.provider = await signedIn('provider.admin@aqp.example');
    people.strangerFinance = await signedIn('wakefield.finance@test.example');
    people.otherProvider = await signedIn('demo2.admin@test.example');
    people.contractManager = await signedIn('commissioner@aqp.example');
  });
  beforeEach(() => clock.setToday(TODAY));
  afterAll(() => t.close());

  it('lets a finance user query a line from its page, with errors next to the fields, and audits the line as seen', async () => {
    const line = await aLine();
    const page = await people.finance!.get(`/payments/lines/${line.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(line.ubrn);
    expect(page.body).toContain('Query this line');
    expect(page.body).toContain('Query by 31 March 2027');

    const unchosen = await raiseFromPage(line.id, {});
    expect(unchosen.statusCode).toBe(400);
    expect(unchosen.body).toContain('<title>Error: ');
    expect(unchosen.body).toMatch(/id="reasonCode-error"[\s\S]*Choose a reason for the query/);
    const bare = await raiseFromPage(line.id, { reasonCode: 'other', comment: ' ' });
    expect(bare.body).toMatch(/id="comment-error"[\s\S]*Explain the reason for the query/);

    const raised = await raiseFromPage(line.id, { reasonCode: 'other', comment: 'No session note for this day.' });
    expect(raised.statusCode).toBe(303);
    const query = await people.finance!.get(String(raised.headers.location));
    expect(query.body).toContain('Waiting for the provider’s answer');
    expect(query.body).toContain('15 March 2027');
    expect(query.body).toContain('Withdraw the query and pay the line');
    const seen = await t.deps.db.selectFrom('audit_events').select('details').where('action', '=', 'activity-line.view').execute();
    expect(seen.map((row) => row.details)).toContainEqual(expect.objectContaining({ referralReference: line.ubrn, page: 'line-page' }));
  });

  it('takes the provider’s answer and the finance user’s decision, refusing “not paid” before the answer beside the choice', async () => {
    const line = await aLine();
    const id = queryIdFrom((await raiseFromPage(line.id)).headers.location);
    const unheard = await people.finance!.submit(`/payments/queries/${id}`, { outcome: 'not-paid' }, `/payments/queries/${id}/resolution`);
    expect(unheard.statusCode).toBe(409);
    expect(unheard.body).toMatch(/id="outcome-error"[\s\S]*never refused unheard/);

    const blank = await people.provider!.submit(`/payments/queries/${id}`, { answer: '' }, `/payments/queries/${id}/answer`);
    expect(blank.statusCode).toBe(400);
    expect(blank.body).toMatch(/id="answer-error"[\s\S]*Enter your answer to the query/);
    const answered = await people.provider!.submit(
      `/payments/queries/${id}`,
      { answer: 'Attended; note uploaded.' },
      `/payments/queries/${id}/answer`,
    );
    expect(answered.statusCode).toBe(303);

    const decisionPage = await people.finance!.get(`/payments/queries/${id}`);
    expect(decisionPage.body).toContain('Is the line paid?');
    expect(decisionPage.body).toContain('Attended; note uploaded.');
    const unchosen = await people.finance!.submit(`/payments/queries/${id}`, {}, `/payments/queries/${id}/resolution`);
    expect(unchosen.body).toMatch(/id="outcome-error"[\s\S]*Choose whether the line is paid or not paid/);
    const decided = await people.finance!.submit(`/payments/queries/${id}`, { outcome: 'not-paid' }, `/payments/queries/${id}/resolution`);
    expect(decided.statusCode).toBe(303);
    expect((await people.provider!.get(`/payments/queries/${id}`)).body).toContain('Resolved: not paid');
    expect((await people.provider!.get(`/payments/lines/${line.id}`)).body).toContain('Resolved: not paid');
  });

  it('lists each side’s queries, filters them by state with an unknown state shown beside the filter, and flags overdue ones', async () => {
    const line = await aLine();
    await raiseFromPage(line.id);
    expect((await people.provider!.get('/payments/queries')).body).toContain(line.providerLineId);
    expect((await people.finance!.get('/payments/queries?state=raised')).body).toContain(line.providerLineId);
    expect((await people.finance!.get('/payments/queries?state=resolved-paid')).body).not.toContain(`>${line.providerLineId}<`);
    const unknown = await people.finance!.get('/payments/queries?state=stuck');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toMatch(/id="state-error"/);

    clock.setToday('2027-03-16');
    const later = await people.finance!.get('/payments/queries?state=lapsed-unanswered');
    expect(later.body).toContain(line.providerLineId);
    expect(later.body).toContain('Answer overdue');
    expect((await people.strangerFinance!.get('/payments/queries')).body).not.toContain(line.providerLineId);
  });

  it('hides a line and its query from other commissioners and providers, and refuses contract managers', async () => {
    const line = await aLine();
    const id = queryIdFrom((await raiseFromPage(line.id)).headers.location);
    for (const stranger of [people.strangerFinance!, people.otherProvider!]) {
      expect((await stranger.get(`/payments/lines/${line.id}`)).statusCode).toBe(404);
      expect((await stranger.get(`/payments/queries/${id}`)).statusCode).toBe(404);
    }
    expect((await people.contractManager!.get('/payments/queries')).statusCode).toBe(403);
    expect((await people.provider!.get(`/payments/lines/${line.id}`)).body).not.toContain('Query this line');
  });

  it('offers finance users and providers the queries task on their home page', async () => {
    for (const person of [people.finance!, people.provider!]) expect((await person.get('/')).body).toContain('href="/payments/queries"');
  });
});
