import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionContext } from '../../src/domains/identity/principal.ts';
import { submitActivityLines } from '../../src/domains/payments/activity-submission.service.ts';
import { aPricedBackPainOffer, aPricedOffer, aReferralFor, type ActivityWorld } from '../support/activity-rows.ts';
import { fixedClock } from '../../src/lib/clock.ts';
import { tokenFor } from '../support/referral-rows.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

const TODAY = '2027-03-01';
const SESSION_PENCE = 3500;

describe('activity lines sent by API and recorded on the platform', () => {
  let t: TestApp;
  let world: ActivityWorld;
  let provider: string;
  let otherProvider: string;
  let commissioner: string;
  let otherCommissioner: string;
  let referrer: string;

  const post = (token: string, lines: object[]) =>
    t.app.inject({ method: 'POST', url: '/api/v1/activity-lines', headers: { authorization: `Bearer ${token}` }, payload: { lines } });
  const list = (token: string, month = '2027-02') =>
    t.app.inject({ url: `/api/v1/activity-lines?month=${month}`, headers: { authorization: `Bearer ${token}` } });
  const session = (lineId: string, referralReference: string, overrides: object = {}) => ({
    lineId,
    referralReference,
    currencyCode: 'session',
    activityDate: '2027-02-01',
    attendance: '5',
    complexityBand: 'STANDARD',
    ...overrides,
  });
  const outcomes = (response: { json(): { lines: object[] } }) => response.json().lines;
  const orgId = async (ods: string) =>
    (await t.deps.db.selectFrom('organisations').select('id').where('ods_code', '=', ods).executeTakeFirstOrThrow()).id;

  beforeAll(async () => {
    t = await createTestApp({ seed: 'region', clock: fixedClock(`${TODAY}T12:00:00Z`) });
    world = await aPricedBackPainOffer(t.deps, TODAY, SESSION_PENCE);
    provider = await tokenFor(t.deps, world.providerId, 'provider-admin');
    otherProvider = await tokenFor(t.deps, await orgId('DEMO2'), 'provider-admin');
    commissioner = await tokenFor(t.deps, world.commissionerId, 'commissioner');
    otherCommissioner = await tokenFor(t.deps, await orgId('03R'), 'commissioner');
    referrer = await tokenFor(t.deps, await orgId('B84001'), 'referrer');
  });
  afterAll(async () => t.close());

  it('accepts and prices a good line, and refuses each bad line in the same batch with its coded reason', async () => {
    const { ubrn } = await aReferralFor(t.deps, world, { acceptedOn: '2027-02-01' });
    const response = await post(provider, [
      session('B1-good', ubrn),
      session('B1-unknown', '999999999999'),
      session('B1-future', ubrn, { activityDate: '2027-03-05' }),
      session('B1-currency', ubrn, { currencyCode: 'AS05', activityDate: '2027-02-02' }),
      session('B1-cancelled', ubrn, { attendance: '2', activityDate: '2027-02-03' }),
      session('B1-not-a-date', ubrn, { activityDate: '2027-02-30' }),
      session('B1-before', ubrn, { activityDate: '2027-01-31' }),
    ]);
    expect(response.statusCode).toBe(200);
    expect(outcomes(response)).toEqual([
      { lineId: 'B1-good', outcome: 'accepted', pricePence: SESSION_PENCE },
      expect.objectContaining({ lineId: 'B1-unknown', outcome: 'refused', reasonCode: 'unknown-referral' }),
      expect.objectContaining({ lineId: 'B1-future', outcome: 'refused', reasonCode: 'in-the-future' }),
      expect.objectContaining({ lineId: 'B1-currency', outcome: 'refused', reasonCode: 'currency-not-on-offer' }),
      expect.objectContaining({ lineId: 'B1-cancelled', outcome: 'refused', reasonCode: 'appointment-not-held' }),
      expect.objectContaining({ lineId: 'B1-not-a-date', outcome: 'refused', reasonCode: 'invalid-line' }),
      expect.objectContaining({ lineId: 'B1-before', outcome: 'refused', reasonCode: 'before-acceptance' }),
    ]);
    expect(response.json()).toMatchObject({ received: 7, accepted: 1, refused: 6, alreadyReceived: 0 });
    const audit = await t.deps.db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'activity.submit')
      .where('entity_id', '=', response.json().submissionId)
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ received: 7, accepted: 1, refused: 6 });
  });

  it('adds nothing when the same line ids are sent again, and reports them as already received with their first outcome', async () => {
    const { ubrn } = await aReferralFor(t.deps, world, { acceptedOn: '2027-02-01' });
    const batch = [session('B2-a', ubrn), session('B2-b', ubrn, { attendance: '4', activityDate: '2027-02-02' })];
    expect((await post(provider, batch)).statusCode).toBe(200);
    const stored = await t.deps.db.selectFrom('activity_lines').select('id').execute();

    const again = await post(provider, batch);

    expect(outcomes(again)).toEqual([
      { lineId: 'B2-a', outcome: 'already-received', firstOutcome: 'accepted', pricePence: SESSION_PENCE },
      { lineId: 'B2-b', outcome: 'already-received', firstOutcome: 'refused', reasonCode: 'appointment-not-held', pricePence: null },
    ]);
    expect(await t.deps.db.selectFrom('activity_lines').select('id').execute()).toHaveLength(stored.length);
  });

  it('takes an accepted line back with a reversal at its negative price, and refuses a second reversal of it', async () => {
    const { ubrn } = await aReferralFor(t.deps, world, { acceptedOn: '2027-02-01' });
    await post(provider, [session('B3-wrong', ubrn)]);

    const response = await post(provider, [
      session('B3-undo', ubrn, { kind: 'reversal', reversesLineId: 'B3-wrong' }),
      session('B3-right', ubrn),
      session('B3-undo-again', ubrn, { kind: 'reversal', reversesLineId: 'B3-wrong' }),
    ]);

    expect(outcomes(response)).toEqual([
      { lineId: 'B3-undo', outcome: 'accepted', pricePence: -SESSION_PENCE },
      { lineId: 'B3-right', outcome: 'accepted', pricePence: SESSION_PENCE },
      expect.objectContaining({ lineId: 'B3-undo-again', outcome: 'refused', reasonCode: 'reversal-not-matching' }),
    ]);
  });

  it('refuses the 9th back and neck pain session of one referral as over the cap of 8', async () => {
    const { ubrn } = await aReferralFor(t.deps, world, { acceptedOn: '2027-02-01' });
    const nine = Array.from({ length: 9 }, (_, day) => session(`B4-${day + 1}`, ubrn, { activityDate: `2027-02-0${day + 1}` }));

    const decided = outcomes(await post(provider, nine));

    expect(decided.slice(0, 8).every((line) => (line as { outcome: string }).outcome === 'accepted')).toBe(true);
    expect(decided[8]).toMatchObject({ lineId: 'B4-9', outcome: 'refused', reasonCode: 'over-session-cap' });
  });

  it('refuses a did-not-attend when the offer does not pay for missed appointments', async () => {
    const { ubrn } = await aReferralFor(t.deps, world, { acceptedOn: '2027-02-01' });
    const response = await post(provider, [session('B5-dna', ubrn, { attendance: '3' })]);
    expect(outcomes(response)).toEqual([expect.objectContaining({ lineId: 'B5-dna', outcome: 'refused', reasonCode: 'dna-not-payable' })]);
  });

  it('refuses a line on a referral returned as outside the referral criteria with that reason', async () => {
    const { ubrn } = await aReferralFor(t.deps, world, { returnedWith: 'OUTSIDE_CRITERIA', sentOn: '2027-02-01' });
    const response = await post(provider, [session('B6-returned', ubrn)]);
    expect(outcomes(response)).toEqual([
      expect.objectContaining({ lineId: 'B6-returned', outcome: 'refused', reasonCode: 'outside-criteria' }),
    ]);
  });

  it('writes an accepted, priced line by itself when the provider records an attended session, and a refused one for a DNA', async () => {
    const { ubrn } = await aReferralFor(t.deps, world, { acceptedOn: '2027-02-01' });
    const record = (attendance: string, scheduledFor: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/referrals/${ubrn}/sessions`,
        headers: { authorization: `Bearer ${provider}` },
        payload: { kind: 'session', attendance, scheduledFor },
      });
    expect((await record('attended', '2027-02-10T10:00:00Z')).statusCode).toBe(201);
    expect((await record('did-not-attend', '2027-02-11T10:00:00Z')).statusCode).toBe(201);

    const lines = (await list(provider)).json().items.filter((line: { referralReference: string }) => line.referralReference === ubrn);

    expect(lines).toEqual([
      expect.objectContaining({ source: 'platform', activityDate: '2027-02-10', attendance: '5', status: 'accepted', pricePence: 3500 }),
      expect.objectContaining({
        source: 'platform',
        activityDate: '2027-02-11',
        attendance: '3',
        status: 'refused',
        reasonCode: 'dna-not-payable',
      }),
    ]);
  });

  it('writes the hearing pathway line by itself when the patient is discharged with treatment completed, and none for each visit', async () => {
    const hearing = await aPricedOffer(t.deps, TODAY, { service: 'adult-hearing', band: 'MONAURAL', pricePence: 42000 });
    const { ubrn } = await aReferralFor(t.deps, hearing, { acceptedOn: '2027-02-01' });
    const act = (path: string, payload: object) =>
      t.app.inject({ method: 'POST', url: `/api/v1/referrals/${ubrn}/${path}`, headers: { authorization: `Bearer ${provider}` }, payload });
    expect((await act('sessions', { kind: 'appointment', attendance: 'attended', scheduledFor: '2027-02-15T10:00:00Z' })).statusCode).toBe(
      201,
    );
    expect((await act('discharge', { outcome: 'treatment-completed', aidsFitted: 1 })).statusCode).toBe(200);

    const ofReferral = async (month: string) =>
      (await list(provider, month)).json().items.filter((line: { referralReference: string }) => line.referralReference === ubrn);

    expect(await ofReferral('2027-02')).toEqual([]);
    expect(await ofReferral('2027-03')).toEqual([
      expect.objectContaining({
        source: 'platform',
        currencyCode: 'assessment-and-fitting',
        complexityBand: 'MONAURAL',
        activityDate: TODAY,
        status: 'accepted',
        pricePence: 42000,
      }),
    ]);
  });

  it('lets neither another provider nor a referrer send lines for the referral, and shows lines only to their provider and commissioner', async () => {
    const { ubrn } = await aReferralFor(t.deps, world, { acceptedOn: '2027-02-01' });
    const theirs = await post(otherProvider, [session('B8-theirs', ubrn)]);
    expect(outcomes(theirs)).toEqual([
      expect.objectContaining({ lineId: 'B8-theirs', outcome: 'refused', reasonCode: 'referral-not-accepted' }),
    ]);
    expect((await post(referrer, [session('B8-gp', ubrn)])).statusCode).toBe(403);
    expect((await post(commissioner, [session('B8-icb', ubrn)])).statusCode).toBe(403);
    await post(provider, [session('B8-ours', ubrn)]);

    const seenBy = async (token: string) =>
      (await list(token)).json().items.filter((line: { referralReference: string }) => line.referralReference === ubrn);
    expect((await seenBy(provider)).map((line: { lineId: string }) => line.lineId)).toEqual(['B8-ours']);
    expect((await seenBy(otherProvider)).map((line: { lineId: string }) => line.lineId)).toEqual(['B8-theirs']);
    expect((await seenBy(commissioner)).map((line: { lineId: string }) => line.lineId)).toEqual(['B8-ours']);
    expect(await seenBy(otherCommissioner)).toEqual([]);
  });

  it('reads the current month in England when no month is asked for', async () => {
    const { ubrn } = await aReferralFor(t.deps, world, { acceptedOn: '2027-02-01' });
    await post(provider, [session('B11-february', ubrn), session('B11-march', ubrn, { activityDate: TODAY })]);

    const response = await t.app.inject({ url: '/api/v1/activity-lines', headers: { authorization: `Bearer ${provider}` } });

    expect(response.statusCode).toBe(200);
    expect(response.json().month).toBe('2027-03');
    const ours = response.json().items.filter((line: { referralReference: string }) => line.referralReference === ubrn);
    expect(ours.map((line: { lineId: string }) => line.lineId)).toEqual(['B11-march']);
  });

  it('reads and writes a batch of 500 lines on 50 referrals with the same number of queries as a batch of one line', async () => {
    const key = await t.deps.db
      .selectFrom('api_keys')
      .select('id')
      .where('organisation_id', '=', world.providerId)
      .executeTakeFirstOrThrow();
    const context: ActionContext = {
      principal: {
        kind: 'api-key',
        apiKeyId: key.id,
        name: 'test',
        organisationId: world.providerId,
        organisationName: 'DEMO1',
        role: 'provider-admin',
      },
      clientAddress: null,
    };
    const queriesFor = async (lines: ReturnType<typeof session>[]) => {
      let queries = 0;
      const counter: KyselyPlugin = { transformQuery: (args) => ((queries += 1), args.node), transformResult: async (args) => args.result };
      const deps = { ...t.deps, db: t.deps.db.withPlugin(counter) };
      const report = await submitActivityLines(deps, context, {
        lines: lines.map((line) => ({ ...line, attendance: '5', kind: 'original' })),
        source: 'api',
      });
      return { queries, accepted: report.accepted };
    };
    const one = await aReferralFor(t.deps, world, { acceptedOn: '2027-02-01' });
    const many = await Promise.all(Array.from({ length: 50 }, () => aReferralFor(t.deps, world, { acceptedOn: '2027-02-01' })));
    const batch = many.flatMap(({ ubrn }, index) =>
      Array.from({ length: 10 }, (_, day) => session(`B10-${index}-${day}`, ubrn, { activityDate: `2027-02-${String(day + 10)}` })),
    );

    const single = await queriesFor([session('B10-single', one.ubrn)]);
    const large = await queriesFor(batch);

    expect(single.accepted).toBe(1);
    expect(large.accepted).toBe(400);
    expect(large.queries).toBe(single.queries);
  });

  it('describes both routes in the OpenAPI document, with the reason codes a line may be refused with', async () => {
    const path = (await t.app.inject('/api/v1/openapi.json')).json().paths['/api/v1/activity-lines'];
    expect(Object.keys(path).sort()).toEqual(['get', 'post']);
    expect(JSON.stringify(path.post)).toContain('over-session-cap');
  });

  it('answers an original naming a line to reverse, or a reversal naming none, with a coded problem on that field, storing nothing', async () => {
    const before = (await t.deps.db.selectFrom('activity_lines').select('id').execute()).length;
    const original = await post(provider, [
      session('B10-ok', '700000000001'),
      session('B10-names', '700000000001', { reversesLineId: 'B1-good' }),
    ]);
    const reversal = await post(provider, [session('B10-none', '700000000001', { kind: 'reversal' })]);
    expect([original.statusCode, reversal.statusCode]).toEqual([400, 400]);
    expect(original.json()).toMatchObject({ code: 'validation-failed', errors: [{ field: 'lines.1.reversesLineId' }] });
    expect(reversal.json()).toMatchObject({ code: 'validation-failed', errors: [{ field: 'lines.0.reversesLineId' }] });
    expect((await t.deps.db.selectFrom('activity_lines').select('id').execute()).length).toBe(before);
  });

  it('answers bad batches and bad months with coded problems, storing nothing', async () => {
    const before = (await t.deps.db.selectFrom('activity_lines').select('id').execute()).length;
    const twice = await post(provider, [session('B9-x', '700000000001'), session('B9-x', '700000000001')]);
    expect(twice.statusCode).toBe(400);
    expect(twice.json()).toMatchObject({ code: 'validation-failed' });
    const tooMany = await post(
      provider,
      Array.from({ length: 1001 }, (_, index) => session(`B9-${index}`, '700000000001')),
    );
    expect(tooMany.statusCode).toBe(400);
    expect((await post(provider, [session('platform:contact:1', '700000000001')])).statusCode).toBe(400);
    expect((await list(provider, '2027-13')).statusCode).toBe(400);
    expect((await t.deps.db.selectFrom('activity_lines').select('id').execute()).length).toBe(before);
  });
});
