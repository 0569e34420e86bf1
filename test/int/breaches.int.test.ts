import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openBreachesForRun } from '../../src/domains/provider-quality/breach-open.service.ts';
import { openBreachCount } from '../../src/domains/provider-quality/breach-read.service.ts';
import type { ActivityWorld } from '../support/activity-rows.ts';
import { aHearingOfferWithLiveProvider, aStoredKpiResult, EIGHT_OF_TEN_SEEN_IN_TIME } from '../support/kpi-result-rows.ts';
import { type MovableClock, movableToday } from '../support/movable-clock.ts';
import { tokenFor } from '../support/referral-rows.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

const TODAY = '2027-02-10';

describe('KPI breaches over the API', () => {
  let t: TestApp;
  let clock: MovableClock;
  const keys: Record<string, string> = {};
  let ids: { icb: string; provider: string };

  const call = (key: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { authorization: `Bearer ${keys[key]}` }, ...(payload ? { payload } : {}) });
  const step = (key: string, id: string, path: string, body: object) => call(key, 'POST', `/api/v1/breaches/${id}/${path}`, body);
  const orgId = async (ods: string) =>
    (await t.deps.db.selectFrom('organisations').select('id').where('ods_code', '=', ods).executeTakeFirstOrThrow()).id;
  const read = async (id: string) => (await call('commissioner', 'GET', `/api/v1/breaches/${id}`)).json();
  const auditOf = async (id: string) =>
    await t.deps.db.selectFrom('audit_events').select(['action', 'actor_api_key_id']).where('entity_id', '=', id).orderBy('id').execute();
  const messagesOf = (id: string) =>
    t.deps.db
      .selectFrom('outbox_messages')
      .select(['organisation_id', 'subject', 'body'])
      .where('entity_id', '=', id)
      .orderBy('created_at')
      .execute();

  /** A breach opened from a fresh hearing offer's 80% month, as the KPI run leaves it. */
  async function aBreach(endMonth = '2027-01'): Promise<{ id: string; world: ActivityWorld }> {
    const world = await aHearingOfferWithLiveProvider(t.deps, TODAY);
    const { runId } = await aStoredKpiResult(t.deps, world, { endMonth, seenAfterWorkingDays: EIGHT_OF_TEN_SEEN_IN_TIME });
    const [id] = await t.deps.db.transaction().execute((trx) => openBreachesForRun(trx, t.deps, runId));
    return { id: id!, world };
  }

  beforeAll(async () => {
    clock = movableToday(TODAY);
    t = await createTestApp({ seed: 'region', clock });
    ids = { icb: await orgId('QWO'), provider: await orgId('DEMO1') };
    keys.commissioner = await tokenFor(t.deps, ids.icb, 'commissioner');
    keys.otherCommissioner = await tokenFor(t.deps, await orgId('03R'), 'commissioner');
    keys.finance = await tokenFor(t.deps, ids.icb, 'commissioner-finance');
    keys.provider = await tokenFor(t.deps, ids.provider, 'provider-admin');
    keys.clinician = await tokenFor(t.deps, ids.provider, 'provider-clinician');
    keys.otherProvider = await tokenFor(t.deps, await orgId('DEMO2'), 'provider-admin');
  });
  beforeEach(() => clock.setToday(TODAY));
  afterAll(() => t.close());

  it('opens a breach for 8 of 10 hearing patients seen within 16 working days against 90%, audited as AQP and told to both sides; a re-run opens none', async () => {
    const world = await aHearingOfferWithLiveProvider(t.deps, TODAY);
    const result = await aStoredKpiResult(t.deps, world, { endMonth: '2027-01', seenAfterWorkingDays: EIGHT_OF_TEN_SEEN_IN_TIME });
    expect(result.status).toBe('breached');
    const opened = await t.deps.db.transaction().execute((trx) => openBreachesForRun(trx, t.deps, result.runId));
    expect(opened).toHaveLength(1);
    expect(await t.deps.db.transaction().execute((trx) => openBreachesForRun(trx, t.deps, result.runId))).toEqual([]);

    const breach = await read(opened[0]!);
    expect(breach).toMatchObject({
      status: 'open',
      openedOn: TODAY,
      version: 1,
      nextSteps: ['notice', 'close'],
      kpi: { resultId: result.resultId, numerator: 8, denominator: 10, percent: 80, thresholdPercent: 90, endMonth: '2027-01' },
      history: [{ action: 'open', toStatus: 'open', by: 'AQP' }],
    });
    expect(await auditOf(opened[0]!)).toEqual([{ action: 'breach.open', actor_api_key_id: null }]);
    const messages = await messagesOf(opened[0]!);
    expect(messages.map((message) => message.organisation_id).sort()).toEqual([ids.icb, ids.provider].sort());
    expect(messages[0]!.body).toContain('80.0% (8 of 10) against at least 90%');
  });

  it('never opens a breach for a result met or without enough data', async () => {
    const world = await aHearingOfferWithLiveProvider(t.deps, TODAY);
    const few = await aStoredKpiResult(t.deps, world, { endMonth: '2026-11', seenAfterWorkingDays: [20, 20, 20, 20] });
    const met = await aStoredKpiResult(t.deps, world, { endMonth: '2026-12', seenAfterWorkingDays: [3, 3, 3, 3, 3, 3, 3, 3, 3, 17] });
    expect([few.status, met.status]).toEqual(['not-enough-data', 'met']);
    for (const run of [few.runId, met.runId])
      expect(await t.deps.db.transaction().execute((trx) => openBreachesForRun(trx, t.deps, run))).toEqual([]);
  });

  it('takes a breach from notice to suspension of the listing, each step locked, versioned, audited and told to the other side', async () => {
    const { id, world } = await aBreach();
    const notice = await step('commissioner', id, 'notice', { version: 1, text: 'Waits for a first appointment are too long.' });
    expect(notice.statusCode).toBe(200);
    // Wednesday 10 February 2027 + 5 working days = Wednesday 17 February.
    expect(notice.json()).toMatchObject({
      status: 'notice-issued',
      version: 2,
      notice: { issuedOn: TODAY, respondBy: '2027-02-17' },
      nextSteps: ['withdraw'],
    });
    expect((await step('commissioner', id, 'escalate', { version: 2, reason: 'No answer' })).json()).toMatchObject({
      code: 'invalid-transition',
      detail: expect.stringContaining('still has time to respond'),
    });

    clock.setToday('2027-02-12');
    const response = await step('provider', id, 'response', {
      version: 2,
      text: 'An audiologist left; we are recruiting and adding clinics.',
    });
    expect(response.json()).toMatchObject({ status: 'responded', version: 3, response: { meetBy: '2027-02-26' } });

    const plan = await step('commissioner', id, 'plan', {
      version: 3,
      milestones: [{ description: 'Saturday clinics running', dueOn: '2027-03-01' }],
    });
    expect(plan.json()).toMatchObject({
      status: 'remedial-plan',
      planAgreedOn: '2027-02-12',
      milestones: [{ number: 1, current: true, missed: false }],
    });

    clock.setToday('2027-03-02');
    expect((await read(id)).milestones[0]).toMatchObject({ missed: true });
    const missed = await step('commissioner', id, 'milestones/1', { version: 4, outcome: 'missed' });
    expect(missed.json()).toMatchObject({ status: 'remedial-plan', version: 5, nextSteps: ['escalate'] });
    expect(
      (await step('commissioner', id, 'escalate', { version: 5, reason: 'The Saturday clinics did not start.' })).json(),
    ).toMatchObject({ status: 'escalated' });
    const suspended = await step('commissioner', id, 'suspend', { version: 6, reason: 'Patients are waiting too long.' });
    expect(suspended.json()).toMatchObject({ status: 'suspended', finishedOn: '2027-03-02', nextSteps: [] });

    const listing = await t.deps.db.selectFrom('listings').select('status').where('id', '=', world.listingId).executeTakeFirstOrThrow();
    expect(listing.status).toBe('suspended');
    expect((await auditOf(id)).map((row) => row.action)).toEqual([
      'breach.open',
      'breach.notice',
      'breach.response',
      'breach.plan',
      'breach.milestone-missed',
      'breach.escalate',
      'breach.suspend',
    ]);
    expect((await auditOf(world.listingId)).map((row) => row.action)).toContain('listing.suspended');
    const subjects = (await messagesOf(id)).map(
      (message) => `${message.organisation_id === ids.icb ? 'icb' : 'provider'}: ${message.subject}`,
    );
    expect(subjects.slice(2)).toEqual([
      expect.stringMatching(/^provider: Contract performance notice BR-/),
      expect.stringMatching(/^icb: Response to contract performance notice BR-/),
      expect.stringMatching(/^provider: Remedial action plan agreed/),
      expect.stringMatching(/^provider: Milestone missed/),
      expect.stringMatching(/^provider: KPI breach BR-\d+ escalated/),
    ]);
    const listingNotice = await t.deps.db
      .selectFrom('outbox_messages')
      .select('body')
      .where('entity_id', '=', world.listingId)
      .executeTakeFirstOrThrow();
    expect(listingNotice.body).toContain('has suspended your listing');
    expect(listingNotice.body).toContain('KPI breach BR-');
    expect((await read(id)).history.map((event: { action: string }) => event.action)).toEqual([
      'open',
      'notice',
      'response',
      'plan',
      'milestone-missed',
      'escalate',
      'suspend',
    ]);
  });

  it('closes a breach once every milestone of its plan is met, and not before', async () => {
    const { id } = await aBreach();
    await step('commissioner', id, 'notice', { version: 1, text: 'Waits are too long.' });
    await step('provider', id, 'response', { version: 2, text: 'Extra clinics.' });
    await step('commissioner', id, 'plan', { version: 3, milestones: [{ description: 'Extra clinics', dueOn: '2027-03-01' }] });
    const early = await step('commissioner', id, 'close', { version: 4, reason: 'Done' });
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toContain('Every milestone must be met');
    clock.setToday('2027-02-20');
    expect((await step('commissioner', id, 'milestones/1', { version: 4, outcome: 'met', metOn: '2027-02-19' })).json()).toMatchObject({
      milestones: [{ metOn: '2027-02-19' }],
      nextSteps: ['close'],
    });
    expect((await step('commissioner', id, 'close', { version: 5, reason: 'Waits are back under 16 working days.' })).json()).toMatchObject(
      { status: 'closed' },
    );
  });

  it('withdraws a notice with a reason the provider is told', async () => {
    const { id } = await aBreach();
    await step('commissioner', id, 'notice', { version: 1, text: 'Waits are too long.' });
    expect((await step('commissioner', id, 'withdraw', { version: 2, reason: '' })).statusCode).toBe(400);
    expect((await step('commissioner', id, 'withdraw', { version: 2, reason: 'Two referrals were counted twice.' })).json()).toMatchObject({
      status: 'withdrawn',
    });
    expect((await messagesOf(id)).at(-1)!.body).toContain('Reason: Two referrals were counted twice.');
  });

  it('refuses the wrong role (403) and hides a breach from organisations on neither side (404)', async () => {
    const { id } = await aBreach();
    expect((await step('provider', id, 'notice', { version: 1, text: 'x' })).statusCode).toBe(403);
    expect((await step('finance', id, 'notice', { version: 1, text: 'x' })).statusCode).toBe(403);
    expect((await step('otherCommissioner', id, 'notice', { version: 1, text: 'x' })).statusCode).toBe(404);
    expect((await call('otherProvider', 'GET', `/api/v1/breaches/${id}`)).statusCode).toBe(404);
    expect((await call('clinician', 'GET', `/api/v1/breaches/${id}`)).json()).toMatchObject({ nextSteps: [] });
    await step('commissioner', id, 'notice', { version: 1, text: 'Waits are too long.' });
    expect((await step('clinician', id, 'response', { version: 2, text: 'x' })).statusCode).toBe(403);
    expect((await call('otherProvider', 'GET', '/api/v1/breaches')).json().items.map((item: { id: string }) => item.id)).not.toContain(id);
  });

  it('refuses steps out of order (409) and a stale version (409), changing nothing', async () => {
    const { id } = await aBreach();
    const before = await read(id);
    const outOfOrder = await step('provider', id, 'response', { version: 1, text: 'Early' });
    expect(outOfOrder.statusCode).toBe(409);
    expect(outOfOrder.json().code).toBe('invalid-transition');
    expect(
      (await step('commissioner', id, 'plan', { version: 1, milestones: [{ description: 'x', dueOn: '2027-03-01' }] })).statusCode,
    ).toBe(409);
    await step('commissioner', id, 'notice', { version: 1, text: 'Waits are too long.' });
    const stale = await step('commissioner', id, 'withdraw', { version: 1, reason: 'Counted twice' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'conflict', detail: expect.stringContaining('Someone else has changed this breach') });
    const after = await read(id);
    expect(after.history).toHaveLength(before.history.length + 1);
    expect(after).toMatchObject({ status: 'notice-issued', version: 2 });
  });

  it('shows every bad milestone beside its field and writes nothing of a refused plan or suspension', async () => {
    const { id, world } = await aBreach();
    await step('commissioner', id, 'notice', { version: 1, text: 'Waits are too long.' });
    await step('provider', id, 'response', { version: 2, text: 'Extra clinics.' });
    const bad = await step('commissioner', id, 'plan', {
      version: 3,
      milestones: [
        { description: ' ', dueOn: '2027-02-10' },
        { description: 'Second', dueOn: '2027-02-31' },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((error: { field: string }) => error.field)).toEqual(['milestones.1.dueOn']);
    const early = await step('commissioner', id, 'plan', { version: 3, milestones: [{ description: ' ', dueOn: '2027-02-10' }] });
    expect(early.json().errors.map((error: { field: string }) => error.field)).toEqual(['milestones.0.description', 'milestones.0.dueOn']);
    expect(await t.deps.db.selectFrom('breach_milestones').select('number').where('breach_id', '=', id).execute()).toEqual([]);

    await step('commissioner', id, 'escalate', { version: 3, reason: 'The response proposes nothing dated.' });
    await t.deps.db.updateTable('listings').set({ status: 'qualified' }).where('id', '=', world.listingId).execute();
    const refused = await step('commissioner', id, 'suspend', { version: 4, reason: 'Patients wait too long.' });
    expect(refused.statusCode).toBe(409);
    expect(await read(id)).toMatchObject({ status: 'escalated', version: 4 });
    expect((await auditOf(id)).map((row) => row.action).at(-1)).toBe('breach.escalate');
  });

  it('counts the open breaches of a commissioner and of a provider for their home pages', async () => {
    const icb = {
      kind: 'api-key',
      apiKeyId: 'k',
      name: 'k',
      organisationId: ids.icb,
      organisationName: 'ICB',
      role: 'commissioner',
    } as const;
    const stranger = { ...icb, organisationId: await orgId('03R') };
    const before = await openBreachCount(t.deps, icb);
    await aBreach();
    expect(await openBreachCount(t.deps, icb)).toBe(before + 1);
    expect(await openBreachCount(t.deps, stranger)).toBe(0);
    const open = (await call('provider', 'GET', '/api/v1/breaches?state=open')).json().items;
    expect(open.every((item: { status: string }) => !['closed', 'withdrawn', 'suspended'].includes(item.status))).toBe(true);
  });
});
