import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { movableToday } from '../support/movable-clock.ts';
import {
  aHearingReferral,
  aListingIn,
  aProviderWithSites,
  bornAged,
  nhsNumberSequence,
  placePostcodes,
  tokenFor,
} from '../support/referral-rows.ts';

const TODAY = '2027-03-01';
const clock = movableToday(TODAY);

describe('provider actions and worklists', () => {
  let t: TestApp;
  let referrer: string;
  let practiceId: string;
  let provider: string;
  let providerId: string;

  const as = (token: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
  const offerFor = async (service: string) =>
    (await t.app.inject(`/api/v1/offers?service=${service}&commissioner=02T`)).json().items[0].id as string;
  const nextNhsNumber = nhsNumberSequence('5010');
  const backReferral = () => ({
    serviceCode: 'back-and-neck-pain',
    priority: 'routine',
    route: 'gp',
    bodyArea: 'Lower back',
    clinicalInformation: 'Mechanical low back pain for six weeks.',
    answers: { 'red-flags': false, 'pregnant-over-35-weeks': false },
    patient: {
      nhsNumber: nextNhsNumber(),
      givenName: 'Ben',
      familyName: 'Back',
      dateOfBirth: '1980-05-05',
      sex: 'male',
      postcode: 'HX1 1PW',
    },
  });
  /** Refers, offers the list and chooses the test provider: the referral is sent to it. */
  const aSentReferral = async (body: object = backReferral()): Promise<{ ubrn: string; acceptBy: string }> => {
    const created = await as(referrer, 'POST', '/api/v1/referrals', body);
    expect(created.statusCode).toBe(201);
    const { ubrn } = created.json();
    const list = (await as(referrer, 'GET', `/api/v1/referrals/${ubrn}/choice-list`)).json();
    const entry = list.entries.find((candidate: { providerOrganisationId: string }) => candidate.providerOrganisationId === providerId);
    const sent = await as(referrer, 'POST', `/api/v1/referrals/${ubrn}/choice`, { listingId: entry.listingId, siteId: entry.siteId });
    expect(sent.statusCode).toBe(200);
    return { ubrn, acceptBy: sent.json().acceptBy };
  };
  const anAcceptedReferral = async () => {
    const { ubrn } = await aSentReferral();
    expect((await as(provider, 'POST', `/api/v1/referrals/${ubrn}/accept`)).statusCode).toBe(200);
    return ubrn;
  };
  const referrerItems = async () =>
    (await as(referrer, 'GET', '/api/v1/worklists/referrer?pageSize=200')).json().items as {
      ubrn: string;
      attention: string;
      [key: string]: unknown;
    }[];

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo', clock });
    await placePostcodes(t.deps);
    const practice = await t.deps.db.selectFrom('organisations').select('id').where('ods_code', '=', 'B84001').executeTakeFirstOrThrow();
    practiceId = practice.id;
    referrer = await tokenFor(t.deps, practiceId, 'referrer');
    providerId = await aProviderWithSites(t.deps, {
      odsCode: 'TWL01',
      name: 'Calder Back Care (test)',
      sites: [{ name: 'Halifax back clinic', postcode: 'HX3 6BP' }],
    });
    await aListingIn(t.deps, await offerFor('back-and-neck-pain'), 'TWL01', 'live', TODAY);
    await aListingIn(t.deps, await offerFor('adult-hearing'), 'TWL01', 'live', TODAY);
    provider = await tokenFor(t.deps, providerId, 'provider-clinician');
  });
  afterAll(() => t.close());

  it('closes a back-and-neck-pain episode at its 8th attended session, tells the practice, and shows it in the referrer worklist', async () => {
    const ubrn = await anAcceptedReferral();
    const session = (attendance: string) =>
      as(provider, 'POST', `/api/v1/referrals/${ubrn}/sessions`, { kind: 'session', attendance, scheduledFor: '2027-03-01T09:30:00Z' });
    expect(
      (
        await as(provider, 'POST', `/api/v1/referrals/${ubrn}/sessions`, { kind: 'appointment', scheduledFor: '2027-03-02T09:30:00Z' })
      ).json(),
    ).toMatchObject({ sessionsAttended: 0, sessionCap: 8, status: 'accepted' });
    expect((await session('did-not-attend')).json()).toMatchObject({ sessionsAttended: 0, status: 'accepted' });
    for (let n = 1; n <= 7; n += 1)
      expect((await session('attended')).json()).toMatchObject({ sessionsAttended: n, sessionCap: 8, status: 'accepted' });
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/worklists/provider', headers: { authorization: `Bearer ${provider}` } })).json()
        .items,
    ).toEqual(expect.arrayContaining([expect.objectContaining({ ubrn, status: 'accepted', sessionsAttended: 7, sessionCap: 8 })]));
    expect(await referrerItems()).not.toContainEqual(expect.objectContaining({ ubrn }));

    const eighth = await session('attended');
    expect(eighth.statusCode).toBe(201);
    expect(eighth.json()).toMatchObject({ sessionsAttended: 8, status: 'episode-closed' });
    expect(await referrerItems()).toContainEqual(
      expect.objectContaining({ ubrn, status: 'episode-closed', attention: 'episode-closed', sessionsAttended: 8, sessionCap: 8 }),
    );
    const referral = await t.deps.db.selectFrom('referrals').select(['id', 'status']).where('ubrn', '=', ubrn).executeTakeFirstOrThrow();
    const message = await t.deps.db
      .selectFrom('outbox_messages')
      .select(['organisation_id', 'subject', 'body'])
      .where('entity_id', '=', referral.id)
      .executeTakeFirstOrThrow();
    expect(message).toMatchObject({
      organisation_id: practiceId,
      subject: expect.stringContaining('needs re-referral'),
      body: expect.stringContaining('all 8 sessions'),
    });
    const contacts = await t.deps.db
      .selectFrom('referral_contacts')
      .select(['kind', 'attendance'])
      .where('referral_id', '=', referral.id)
      .execute();
    expect(contacts).toHaveLength(10);
    const events = await t.deps.db
      .selectFrom('referral_events')
      .select(['to_status', 'actor'])
      .where('referral_id', '=', referral.id)
      .orderBy('seq')
      .execute();
    expect(events.map((event) => event.to_status)).toEqual(['awaiting-choice', 'sent', 'accepted', 'episode-closed']);
    expect((await session('attended')).statusCode).toBe(409);
  });

  it('refuses a return for further information without a comment, and shows the practice the reason once returned with one', async () => {
    const { ubrn } = await aSentReferral();
    const bare = await as(provider, 'POST', `/api/v1/referrals/${ubrn}/return`, {
      reasonCode: 'FURTHER_INFORMATION_REQUIRED',
      comment: '  ',
    });
    expect(bare.statusCode).toBe(400);
    expect(bare.json()).toMatchObject({ code: 'validation-failed', errors: [{ field: 'comment' }] });
    expect((await as(provider, 'POST', `/api/v1/referrals/${ubrn}/return`, { reasonCode: 'NOT_A_CODE' })).json().errors).toEqual([
      expect.objectContaining({ field: 'reasonCode' }),
    ]);
    expect((await t.deps.db.selectFrom('referrals').select('status').where('ubrn', '=', ubrn).executeTakeFirstOrThrow()).status).toBe(
      'sent',
    );

    const returned = await as(provider, 'POST', `/api/v1/referrals/${ubrn}/return`, {
      reasonCode: 'FURTHER_INFORMATION_REQUIRED',
      comment: 'Please send the X-ray report.',
    });
    expect(returned.json()).toEqual({ ubrn, status: 'returned' });
    expect(await referrerItems()).toContainEqual(
      expect.objectContaining({
        ubrn,
        attention: 'returned',
        returnReasonCode: 'FURTHER_INFORMATION_REQUIRED',
        returnReasonLabel: 'Further information required',
        returnComment: 'Please send the X-ray report.',
      }),
    );
    expect((await as(provider, 'POST', `/api/v1/referrals/${ubrn}/accept`)).statusCode).toBe(409);
  });

  it('shows the practice a referral not accepted by its deadline only once today is past it, with the working days overdue', async () => {
    const { ubrn, acceptBy } = await aSentReferral();
    try {
      clock.setToday(acceptBy);
      expect(await referrerItems()).not.toContainEqual(expect.objectContaining({ ubrn }));
      clock.setToday('2027-03-15');
      expect(acceptBy < '2027-03-15').toBe(true);
      const overdue = (await referrerItems()).find((item) => item.ubrn === ubrn);
      expect(overdue).toMatchObject({ status: 'sent', attention: 'overdue', acceptBy, workingDaysOverdue: expect.any(Number) });
      expect(overdue!.workingDaysOverdue).toBeGreaterThan(0);
      const late = (await as(provider, 'GET', '/api/v1/worklists/provider'))
        .json()
        .items.find((item: { ubrn: string }) => item.ubrn === ubrn);
      expect(late.workingDaysOverdue).toBe(overdue!.workingDaysOverdue);
    } finally {
      clock.setToday(TODAY);
    }
    const providerList = (await as(provider, 'GET', '/api/v1/worklists/provider')).json();
    expect(providerList.items).toContainEqual(expect.objectContaining({ ubrn, status: 'sent', acceptBy }));
    expect(providerList.items.findIndex((item: { status: string }) => item.status === 'accepted')).not.toBe(0);
  });

  it('lets exactly one of two accepts of the same referral win; the other gets a 409 conflict', async () => {
    const { ubrn } = await aSentReferral();
    const other = await tokenFor(t.deps, providerId, 'provider-admin');
    const accept = (token: string) => as(token, 'POST', `/api/v1/referrals/${ubrn}/accept`);
    const responses = process.env.TEST_DATABASE_URL
      ? await Promise.all([accept(provider), accept(other)])
      : [await accept(provider), await accept(other)];
    expect(responses.map((response) => response.statusCode).sort()).toEqual([200, 409]);
    expect(responses.find((response) => response.statusCode === 409)!.json()).toMatchObject({
      code: 'conflict',
      detail: expect.stringContaining('accepted by the provider'),
    });
    const referral = await t.deps.db
      .selectFrom('referrals')
      .select(['id', 'status', 'version'])
      .where('ubrn', '=', ubrn)
      .executeTakeFirstOrThrow();
    expect(referral).toMatchObject({ status: 'accepted', version: 3 });
    const accepts = await t.deps.db
      .selectFrom('referral_events')
      .select('to_status')
      .where('referral_id', '=', referral.id)
      .where('to_status', '=', 'accepted')
      .execute();
    expect(accepts).toHaveLength(1);
  });

  it('lets the practice cancel with a coded reason (OTHER needs a comment), discharges with an outcome, and audits every view', async () => {
    const { ubrn } = await aSentReferral(aHearingReferral({ dateOfBirth: bornAged(70, TODAY), nhsNumber: nextNhsNumber() }));
    expect((await as(referrer, 'POST', `/api/v1/referrals/${ubrn}/cancel`, { reasonCode: 'OTHER' })).json()).toMatchObject({
      code: 'validation-failed',
      errors: [{ field: 'comment' }],
    });
    expect((await as(provider, 'POST', `/api/v1/referrals/${ubrn}/cancel`, { reasonCode: 'NO_LONGER_REQUIRED' })).statusCode).toBe(403);
    expect((await as(referrer, 'POST', `/api/v1/referrals/${ubrn}/cancel`, { reasonCode: 'INTEND_PRIVATE' })).json()).toEqual({
      ubrn,
      status: 'cancelled',
    });
    expect(
      await t.deps.db.selectFrom('referrals').select(['cancel_reason_code', 'status']).where('ubrn', '=', ubrn).executeTakeFirstOrThrow(),
    ).toEqual({ cancel_reason_code: 'INTEND_PRIVATE', status: 'cancelled' });
    expect((await as(provider, 'POST', `/api/v1/referrals/${ubrn}/accept`)).statusCode).toBe(409);

    const treated = await anAcceptedReferral();
    expect((await as(provider, 'POST', `/api/v1/referrals/${treated}/discharge`, { outcome: 'cured' })).json().errors).toEqual([
      expect.objectContaining({ field: 'outcome' }),
    ]);
    expect((await as(provider, 'POST', `/api/v1/referrals/${treated}/discharge`, { outcome: 'treatment-completed' })).json()).toEqual({
      ubrn: treated,
      status: 'discharged',
    });
    const row = await t.deps.db
      .selectFrom('referrals')
      .select(['id', 'discharge_outcome', 'discharged_at'])
      .where('ubrn', '=', treated)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ discharge_outcome: 'treatment-completed', discharged_at: expect.any(Date) });
    const views = await t.deps.db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'referral.view')
      .where('entity_id', '=', row.id)
      .execute();
    expect(views.map((view) => (view.details as { page: string }).page)).toEqual(expect.arrayContaining(['api-accept', 'api-discharge']));
    const worklistViews = await t.deps.db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'referral.worklist-view')
      .execute();
    expect(worklistViews.some((view) => (view.details as { ubrns: string[] }).ubrns.length > 0)).toBe(true);

    const stranger = await tokenFor(
      t.deps,
      (await t.deps.db.selectFrom('organisations').select('id').where('ods_code', '=', 'DEMO2').executeTakeFirstOrThrow()).id,
      'provider-admin',
    );
    expect((await as(stranger, 'POST', `/api/v1/referrals/${treated}/discharge`, { outcome: 'treatment-completed' })).statusCode).toBe(404);
  });
});
