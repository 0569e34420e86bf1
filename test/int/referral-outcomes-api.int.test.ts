import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { movableToday } from '../support/movable-clock.ts';
import { anOffer } from '../support/offer-rows.ts';
import { aListingIn, tokenFor } from '../support/referral-rows.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { aReferralInTreatment } from '../support/treatment-rows.ts';

const TODAY = '2027-03-10';

describe('outcomes in the record over the API: scores, report dates and hearing aids fitted', () => {
  let t: TestApp;
  let provider: string;
  let referrer: string;
  const listings: Record<string, { offerId: string; listingId: string; providerId: string }> = {};

  const as = (token: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
  const inTreatment = (service: string) => aReferralInTreatment(t.deps, listings[service]!);
  const session = (ubrn: string, body: object) =>
    as(provider, 'POST', `/api/v1/referrals/${ubrn}/sessions`, { kind: 'session', scheduledFor: '2027-03-08T10:00:00Z', ...body });
  const contactsOf = (referralId: string) =>
    t.deps.db
      .selectFrom('referral_contacts')
      .select(['attendance', 'phq9_score', 'gad7_score', 'reported_on'])
      .where('referral_id', '=', referralId)
      .orderBy('scheduled_for')
      .execute();
  const fieldsOf = (response: { json(): { errors?: { field: string }[] } }) => response.json().errors?.map((error) => error.field);

  beforeAll(async () => {
    t = await createTestApp({ seed: 'region', clock: movableToday(TODAY) });
    for (const service of ['psychological-therapies', 'non-obstetric-ultrasound', 'adult-hearing', 'back-and-neck-pain']) {
      const offer = await anOffer(t.deps.db).forService(service).coveringOds('02T').withStatus('open').withPackProtocol().insert();
      listings[service] = { offerId: offer.id, ...(await aListingIn(t.deps, offer.id, 'DEMO1', 'live', TODAY)) };
    }
    provider = await tokenFor(t.deps, listings['adult-hearing']!.providerId, 'provider-clinician');
    const practice = await t.deps.db.selectFrom('organisations').select('id').where('ods_code', '=', 'B84001').executeTakeFirstOrThrow();
    referrer = await tokenFor(t.deps, practice.id, 'referrer');
  });
  afterAll(() => t.close());

  it('requires PHQ-9 and GAD-7 in range at an attended talking-therapies session, writing nothing until they are right', async () => {
    const { id, ubrn } = await inTreatment('psychological-therapies');
    const missing = await session(ubrn, { attendance: 'attended' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({
      code: 'validation-failed',
      errors: [
        { field: 'phq9Score', message: 'Enter the PHQ-9 score from this session' },
        { field: 'gad7Score', message: 'Enter the GAD-7 score from this session' },
      ],
    });
    const outOfRange = await session(ubrn, { attendance: 'attended', phq9Score: 28, gad7Score: -1 });
    expect(outOfRange.statusCode).toBe(400);
    expect(outOfRange.json().errors).toEqual([
      { field: 'phq9Score', message: 'The PHQ-9 score must be a whole number from 0 to 27' },
      { field: 'gad7Score', message: 'The GAD-7 score must be a whole number from 0 to 21' },
    ]);
    const fraction = await session(ubrn, { attendance: 'attended', phq9Score: 12.5, gad7Score: 9 });
    expect([fraction.statusCode, fraction.json().code, fieldsOf(fraction)]).toEqual([400, 'validation-failed', ['phq9Score']]);
    const missed = await session(ubrn, { attendance: 'did-not-attend', phq9Score: 12, gad7Score: 9 });
    expect([missed.statusCode, fieldsOf(missed)]).toEqual([400, ['phq9Score']]);
    expect(await contactsOf(id)).toEqual([]);
    const referral = await t.deps.db.selectFrom('referrals').select('sessions_attended').where('id', '=', id).executeTakeFirstOrThrow();
    expect(referral.sessions_attended).toBe(0);

    const first = await session(ubrn, { attendance: 'attended', phq9Score: 15, gad7Score: 12, scheduledFor: '2027-02-15T10:00:00Z' });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ ubrn, contactId: expect.any(String), sessionsAttended: 1 });
    expect((await session(ubrn, { attendance: 'did-not-attend' })).statusCode).toBe(201);
    expect(
      (await session(ubrn, { attendance: 'attended', phq9Score: 6, gad7Score: 5, scheduledFor: '2027-03-09T10:00:00Z' })).statusCode,
    ).toBe(201);
    expect(await contactsOf(id)).toEqual([
      { attendance: 'attended', phq9_score: 15, gad7_score: 12, reported_on: null },
      { attendance: 'did-not-attend', phq9_score: null, gad7_score: null, reported_on: null },
      { attendance: 'attended', phq9_score: 6, gad7_score: 5, reported_on: null },
    ]);

    for (const reader of [provider, referrer]) {
      const read = (await as(reader, 'GET', `/api/v1/referrals/${ubrn}`)).json();
      expect(read.outcomes).toEqual({
        aidsFitted: null,
        scoredSessions: [
          { contactId: first.json().contactId, on: '2027-02-15', phq9Score: 15, gad7Score: 12 },
          { contactId: expect.any(String), on: '2027-03-09', phq9Score: 6, gad7Score: 5 },
        ],
        tests: [],
        recovery: { atStart: true, recovered: true },
      });
    }
  });

  it('refuses scores for a service that does not take them', async () => {
    const { id, ubrn } = await inTreatment('back-and-neck-pain');
    const refused = await session(ubrn, { attendance: 'attended', phq9Score: 12, gad7Score: 9 });
    expect(refused.json()).toMatchObject({
      code: 'validation-failed',
      errors: [{ field: 'phq9Score', message: 'PHQ-9 and GAD-7 scores are recorded only for talking therapies' }],
    });
    expect(await contactsOf(id)).toEqual([]);
  });

  it('records the day a scan’s report was sent with the test or later, never before the test or in the future', async () => {
    const { id, ubrn } = await inTreatment('non-obstetric-ultrasound');
    const future = await session(ubrn, { attendance: 'attended', reportedOn: '2027-03-11' });
    expect([future.statusCode, future.json().errors]).toEqual([
      400,
      [{ field: 'reportedOn', message: 'The date the report was sent must be today or in the past' }],
    ]);
    const early = await session(ubrn, { attendance: 'attended', reportedOn: '2027-03-07' });
    expect(early.json().errors).toEqual([
      { field: 'reportedOn', message: 'The date the report was sent must be on or after the day of the test' },
    ]);
    expect(await contactsOf(id)).toEqual([]);

    const withReport = await session(ubrn, { attendance: 'attended', reportedOn: '2027-03-08', scheduledFor: '2027-03-08T09:00:00Z' });
    expect(withReport.statusCode).toBe(201);
    const test = (await session(ubrn, { attendance: 'attended' })).json().contactId as string;
    const report = (reportedOn: string, contactId = test) =>
      as(provider, 'POST', `/api/v1/referrals/${ubrn}/sessions/${contactId}/report`, { reportedOn });
    expect((await report('2027-03-11')).json()).toMatchObject({ code: 'validation-failed', errors: [{ field: 'reportedOn' }] });
    expect((await report('2027-03-07')).statusCode).toBe(400);
    expect((await report('2027-02-30')).statusCode).toBe(400);
    expect((await contactsOf(id)).map((contact) => contact.reported_on)).toEqual(['2027-03-08', null]);
    expect((await report('2027-03-09')).json()).toEqual({ ubrn, contactId: test, testOn: '2027-03-08', reportedOn: '2027-03-09' });
    expect((await contactsOf(id)).map((contact) => contact.reported_on)).toEqual(['2027-03-08', '2027-03-09']);

    const missedTest = (await session(ubrn, { attendance: 'did-not-attend' })).json().contactId as string;
    expect((await report('2027-03-09', missedTest)).json()).toMatchObject({ status: 409, code: 'invalid-transition' });
    expect((await report('2027-03-09', '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await report('2027-03-09', 'not-an-id')).statusCode).toBe(404);
    const other = await inTreatment('non-obstetric-ultrasound');
    expect((await as(provider, 'POST', `/api/v1/referrals/${other.ubrn}/sessions/${test}/report`, { reportedOn: TODAY })).statusCode).toBe(
      404,
    );
    expect((await as(referrer, 'POST', `/api/v1/referrals/${ubrn}/sessions/${test}/report`, { reportedOn: TODAY })).statusCode).toBe(403);

    expect((await as(referrer, 'GET', `/api/v1/referrals/${ubrn}`)).json().outcomes.tests).toEqual([
      { contactId: withReport.json().contactId, testOn: '2027-03-08', reportedOn: '2027-03-08' },
      { contactId: test, testOn: '2027-03-08', reportedOn: '2027-03-09' },
    ]);
  });

  it('records no report for a service that is not a scan', async () => {
    const { ubrn } = await inTreatment('adult-hearing');
    const contactId = (await session(ubrn, { attendance: 'attended' })).json().contactId as string;
    expect((await as(provider, 'POST', `/api/v1/referrals/${ubrn}/sessions/${contactId}/report`, { reportedOn: TODAY })).statusCode).toBe(
      404,
    );
    expect((await session(ubrn, { attendance: 'attended', reportedOn: TODAY })).json().errors).toEqual([
      { field: 'reportedOn', message: 'A report date is recorded only for a scan' },
    ]);
  });

  it('requires hearing aids fitted (0, 1 or 2) at an adult-hearing discharge and refuses it elsewhere, discharging nothing on bad input', async () => {
    const { id, ubrn } = await inTreatment('adult-hearing');
    const discharge = (body: object, reference = ubrn) =>
      as(provider, 'POST', `/api/v1/referrals/${reference}/discharge`, { outcome: 'treatment-completed', ...body });
    const stateOf = (referralId: string) =>
      t.deps.db.selectFrom('referrals').select(['status', 'aids_fitted']).where('id', '=', referralId).executeTakeFirstOrThrow();
    expect((await discharge({})).json()).toMatchObject({
      code: 'validation-failed',
      errors: [{ field: 'aidsFitted', message: 'Select how many hearing aids were fitted' }],
    });
    expect((await discharge({ aidsFitted: 3 })).json().errors).toEqual([
      { field: 'aidsFitted', message: 'Hearing aids fitted must be 0, 1 or 2' },
    ]);
    expect(fieldsOf(await discharge({ aidsFitted: 'two' }))).toEqual(['aidsFitted']);
    expect(await stateOf(id)).toEqual({ status: 'accepted', aids_fitted: null });

    expect((await discharge({ aidsFitted: 2 })).json()).toEqual({ ubrn, status: 'discharged' });
    expect(await stateOf(id)).toEqual({ status: 'discharged', aids_fitted: 2 });
    expect((await as(referrer, 'GET', `/api/v1/referrals/${ubrn}`)).json().outcomes.aidsFitted).toBe(2);

    const talking = await inTreatment('psychological-therapies');
    expect((await discharge({ aidsFitted: 0 }, talking.ubrn)).json().errors).toEqual([
      { field: 'aidsFitted', message: 'Hearing aids fitted is recorded only for adult hearing' },
    ]);
    expect((await discharge({}, talking.ubrn)).statusCode).toBe(200);
    expect(await stateOf(talking.id)).toEqual({ status: 'discharged', aids_fitted: null });
  });
});
