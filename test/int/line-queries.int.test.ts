import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { queryPaymentsOf } from '../../src/domains/payments/line-query-read.service.ts';
import { aPricedBackPainOffer, aReferralFor, type ActivityWorld } from '../support/activity-rows.ts';
import { anAcceptedLine } from '../support/line-query-rows.ts';
import { type MovableClock, movableToday } from '../support/movable-clock.ts';
import { tokenFor } from '../support/referral-rows.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

const TODAY = '2027-03-01';

describe('queries on activity lines over the API', () => {
  let t: TestApp;
  let clock: MovableClock;
  let world: ActivityWorld;
  const keys: Record<string, string> = {};

  const call = (key: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { authorization: `Bearer ${keys[key]}` }, ...(payload ? { payload } : {}) });
  const orgId = async (ods: string) =>
    (await t.deps.db.selectFrom('organisations').select('id').where('ods_code', '=', ods).executeTakeFirstOrThrow()).id;
  const aLine = async (receivedAt = `${TODAY}T09:00:00Z`) =>
    anAcceptedLine(t.deps, world, await aReferralFor(t.deps, world, { acceptedOn: '2027-02-01' }), {
      receivedAt,
      activityDate: '2027-02-26',
    });
  const raise = (lineId: string, body: object = { reasonCode: 'activity-not-evidenced' }, key = 'icbFinance') =>
    call(key, 'POST', `/api/v1/activity-lines/${lineId}/query`, body);
  const answer = (id: string, text = 'The session notes are attached to the referral.', key = 'provider') =>
    call(key, 'POST', `/api/v1/line-queries/${id}/answer`, { answer: text });
  const resolve = (id: string, outcome: string, key = 'icbFinance') =>
    call(key, 'POST', `/api/v1/line-queries/${id}/resolution`, { outcome });
  const messagesTo = async (organisationId: string, queryId: string) =>
    t.deps.db
      .selectFrom('outbox_messages')
      .select(['subject', 'body'])
      .where('organisation_id', '=', organisationId)
      .where('entity_id', '=', queryId)
      .orderBy('created_at')
      .execute();

  beforeAll(async () => {
    clock = movableToday(TODAY);
    t = await createTestApp({ seed: 'region', clock });
    world = await aPricedBackPainOffer(t.deps, TODAY, 3500);
    keys.icbFinance = await tokenFor(t.deps, await orgId('QWO'), 'commissioner-finance');
    keys.placeFinance = await tokenFor(t.deps, world.commissionerId, 'commissioner-finance');
    keys.strangerFinance = await tokenFor(t.deps, await orgId('03R'), 'commissioner-finance');
    keys.contractManager = await tokenFor(t.deps, await orgId('QWO'), 'commissioner');
    keys.provider = await tokenFor(t.deps, world.providerId, 'provider-admin');
    keys.otherProvider = await tokenFor(t.deps, await orgId('DEMO2'), 'provider-admin');
  });
  beforeEach(() => clock.setToday(TODAY));
  afterAll(() => t.close());

  it('raises, answers and resolves a query not paid, holding the line until then and telling the other side at each step', async () => {
    const line = await aLine();
    const raised = await raise(line.id, { reasonCode: 'other', comment: 'No attendance record for this day.' });
    expect(raised.statusCode).toBe(201);
    const query = raised.json();
    expect(query).toMatchObject({ lineId: line.id, state: 'raised', raisedOn: TODAY, answerBy: '2027-03-15', resolveBy: null });
    expect(query.periods).toMatchObject({ raiseWithinWorkingDays: 20, answerWithinWorkingDays: 10, resolveWithinWorkingDays: 10 });
    expect((await messagesTo(world.providerId, query.id))[0]!.body).toContain('Answer by 2027-03-15');
    expect((await queryPaymentsOf(t.deps.db, [line.id], TODAY)).get(line.id)).toBe('held');

    clock.setToday('2027-03-03');
    expect((await answer(query.id)).json()).toMatchObject({ state: 'answered', resolveBy: '2027-03-17' });
    for (const commissioner of [world.commissionerId, await orgId('QWO')])
      expect((await messagesTo(commissioner, query.id)).map((message) => message.body)).toEqual([
        expect.stringContaining('Decide whether it is paid by 2027-03-17'),
      ]);

    clock.setToday('2027-03-04');
    expect((await resolve(query.id, 'not-paid')).json()).toMatchObject({
      state: 'resolved-not-paid',
      resolution: { resolvedOn: '2027-03-04' },
    });
    expect((await messagesTo(world.providerId, query.id)).at(-1)!.body).toContain('The line will not be paid.');
    expect((await queryPaymentsOf(t.deps.db, [line.id], '2027-03-04')).get(line.id)).toBe('not-paid');
    const audit = await t.deps.db.selectFrom('audit_events').select('action').where('entity_id', '=', query.id).orderBy('id').execute();
    expect(audit.map((row) => row.action)).toEqual(['line-query.raise', 'line-query.answer', 'line-query.resolve']);
  });

  it('lets a finance user find a line’s id in the month’s activity lines and query it by that id', async () => {
    const line = await aLine();
    const month = await call('icbFinance', 'GET', '/api/v1/activity-lines?month=2027-02');
    expect(month.statusCode).toBe(200);
    const listed = month.json().items.find((item: { lineId: string }) => item.lineId === line.providerLineId);
    expect(listed.id).toBe(line.id);
    expect((await raise(listed.id)).statusCode).toBe(201);
  });

  it('resolves an answered query paid, by a finance user of the place paying for the line', async () => {
    const line = await aLine();
    const query = (await raise(line.id, { reasonCode: 'wrong-complexity-band' }, 'placeFinance')).json();
    await answer(query.id, 'The band was agreed at assessment.');
    const resolved = await resolve(query.id, 'paid', 'placeFinance');
    expect(resolved.json()).toMatchObject({ state: 'resolved-paid' });
    expect((await queryPaymentsOf(t.deps.db, [line.id], TODAY)).get(line.id)).toBe('paid');
  });

  it('lets finance withdraw a query before it is answered (the line is paid), but never refuse it unheard', async () => {
    const line = await aLine();
    const query = (await raise(line.id)).json();
    const unheard = await resolve(query.id, 'not-paid');
    expect(unheard.statusCode).toBe(409);
    expect(unheard.json()).toMatchObject({ code: 'invalid-transition' });
    expect((await call('icbFinance', 'GET', `/api/v1/line-queries/${query.id}`)).json()).toMatchObject({ state: 'raised' });

    expect((await resolve(query.id, 'paid')).json()).toMatchObject({ state: 'resolved-paid', answer: null });
    expect((await messagesTo(world.providerId, query.id)).at(-1)!.subject).toContain('withdrawn');
    expect((await answer(query.id)).statusCode).toBe(409);
  });

  it('lapses an unanswered query to not paid, and an answered but unresolved one to paid, by the dates alone', async () => {
    const unanswered = (await raise((await aLine()).id)).json();
    const unresolved = (await raise((await aLine()).id)).json();
    await answer(unresolved.id);

    clock.setToday('2027-03-15');
    expect((await call('provider', 'GET', `/api/v1/line-queries/${unanswered.id}`)).json()).toMatchObject({ state: 'raised' });
    clock.setToday('2027-03-16');
    expect((await call('provider', 'GET', `/api/v1/line-queries/${unanswered.id}`)).json()).toMatchObject({
      state: 'lapsed-unanswered',
      overdueStep: 'answer',
    });
    expect((await answer(unanswered.id)).statusCode).toBe(409);
    const lapsed = await call('icbFinance', 'GET', '/api/v1/line-queries?state=lapsed-unanswered');
    expect(lapsed.json().items.map((item: { id: string }) => item.id)).toContain(unanswered.id);
    expect((await queryPaymentsOf(t.deps.db, [unanswered.lineId], '2027-03-16')).get(unanswered.lineId)).toBe('not-paid');

    expect((await queryPaymentsOf(t.deps.db, [unresolved.lineId], '2027-03-15')).get(unresolved.lineId)).toBe('held');
    clock.setToday('2027-03-16');
    expect((await call('icbFinance', 'GET', `/api/v1/line-queries/${unresolved.id}`)).json()).toMatchObject({ state: 'lapsed-unresolved' });
    expect((await resolve(unresolved.id, 'not-paid')).statusCode).toBe(409);
    expect((await queryPaymentsOf(t.deps.db, [unresolved.lineId], '2027-03-16')).get(unresolved.lineId)).toBe('paid');
  });

  it('shows each side only its own queries, and to strangers and contract managers they do not exist or are not theirs to work', async () => {
    const line = await aLine();
    const query = (await raise(line.id)).json();
    expect((await raise(line.id, undefined, 'strangerFinance')).statusCode).toBe(404);
    expect((await call('strangerFinance', 'GET', `/api/v1/line-queries/${query.id}`)).statusCode).toBe(404);
    expect((await resolve(query.id, 'paid', 'strangerFinance')).statusCode).toBe(404);
    expect((await answer(query.id, 'Not ours', 'otherProvider')).statusCode).toBe(404);
    expect((await call('otherProvider', 'GET', `/api/v1/line-queries/${query.id}`)).statusCode).toBe(404);
    expect((await call('contractManager', 'GET', `/api/v1/line-queries/${query.id}`)).statusCode).toBe(403);
    expect((await call('provider', 'POST', `/api/v1/line-queries/${query.id}/resolution`, { outcome: 'paid' })).statusCode).toBe(403);
    expect((await call('strangerFinance', 'GET', '/api/v1/line-queries')).json().items).toEqual([]);
    expect((await call('otherProvider', 'GET', '/api/v1/line-queries')).json().items).toEqual([]);
    const own = await call('provider', 'GET', '/api/v1/line-queries');
    expect(own.json().items.map((item: { id: string }) => item.id)).toContain(query.id);
    const denied = await t.deps.db.selectFrom('audit_events').select('outcome').where('action', '=', 'activity-line.view').execute();
    expect(denied.map((row) => row.outcome)).toContain('denied');
  });

  it('refuses bad input with coded problems, and a second, late or refused-line query by the line’s state', async () => {
    const line = await aLine();
    const unknown = await raise(line.id, { reasonCode: 'too-expensive' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe('validation-failed');
    const bare = await raise(line.id, { reasonCode: 'other' });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().errors).toEqual([{ field: 'comment', message: 'Explain the reason for the query' }]);
    expect((await call('icbFinance', 'GET', '/api/v1/line-queries?state=stuck')).statusCode).toBe(400);

    const query = (await raise(line.id)).json();
    expect((await raise(line.id)).json()).toMatchObject({ status: 409, code: 'conflict' });
    const blank = await answer(query.id, '   ');
    expect(blank.json()).toMatchObject({ status: 400, errors: [{ field: 'answer', message: 'Enter your answer to the query' }] });
    expect((await resolve(query.id, 'maybe')).statusCode).toBe(400);

    const refused = await anAcceptedLine(t.deps, world, await aReferralFor(t.deps, world, { acceptedOn: '2027-02-01' }), {
      receivedAt: `${TODAY}T09:00:00Z`,
      status: 'refused',
    });
    expect((await raise(refused.id)).json()).toMatchObject({ status: 409, code: 'invalid-transition' });
    const old = await aLine('2027-01-20T09:00:00Z');
    const late = await raise(old.id);
    expect(late.json()).toMatchObject({ status: 409, code: 'invalid-transition' });
    expect(late.json().detail).toContain('no longer be queried');
    expect((await raise('not-a-line')).statusCode).toBe(404);
  });

  it('lets only one of two finance users raise a line’s query or resolve it when they act at the same moment', async () => {
    const line = await aLine();
    const raises = await Promise.all([raise(line.id), raise(line.id, undefined, 'placeFinance')]);
    expect(raises.map((response) => response.statusCode).sort()).toEqual([201, 409]);
    const query = raises.find((response) => response.statusCode === 201)!.json();
    await answer(query.id);
    const decisions = await Promise.all([resolve(query.id, 'paid'), resolve(query.id, 'not-paid', 'placeFinance')]);
    expect(decisions.map((response) => response.statusCode).sort()).toEqual([200, 409]);
    const winner = decisions.find((response) => response.statusCode === 200)!.json();
    expect((await call('provider', 'GET', `/api/v1/line-queries/${query.id}`)).json().resolution).toEqual(winner.resolution);
    const resolutions = await t.deps.db
      .selectFrom('audit_events')
      .select('id')
      .where('entity_id', '=', query.id)
      .where('action', '=', 'line-query.resolve')
      .execute();
    expect(resolutions).toHaveLength(1);
  });

  it('tells the month close how thousands of queried lines stand in one query, leaving unqueried lines out', async () => {
    const line = await aLine();
    await raise(line.id);
    let queries = 0;
    const counter: KyselyPlugin = { transformQuery: (args) => ((queries += 1), args.node), transformResult: async (args) => args.result };
    const unqueried = Array.from({ length: 5000 }, (_, index) => `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`);
    const payments = await queryPaymentsOf(t.deps.db.withPlugin(counter), [...unqueried, line.id], TODAY);
    expect(queries).toBe(1);
    expect([...payments]).toEqual([[line.id, 'held']]);
  });
});
