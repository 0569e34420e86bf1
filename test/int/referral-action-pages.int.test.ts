import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate } from '../../src/http/web/format.ts';
import { movableToday } from '../support/movable-clock.ts';
import { aHearingReferral, aListingIn, bornAged, nhsNumberSequence, placePostcodes, tokenFor } from '../support/referral-rows.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { WebClient } from '../support/web-client.ts';

const TODAY = '2027-03-01';

describe('acting on a referral from its page', () => {
  let t: TestApp;
  let referrerKey: string;
  let providerId: string;
  let clinician: WebClient;
  let gp: WebClient;

  const api = (method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { authorization: `Bearer ${referrerKey}` }, ...(payload ? { payload } : {}) });
  const nextNhsNumber = nhsNumberSequence('6020');
  const backReferral = () => ({
    serviceCode: 'back-and-neck-pain',
    priority: 'routine',
    route: 'gp',
    bodyArea: 'Neck',
    clinicalInformation: 'Neck pain after a fall; no red flags.',
    answers: { 'red-flags': false, 'pregnant-over-35-weeks': false },
    patient: {
      nhsNumber: nextNhsNumber(),
      givenName: 'Nell',
      familyName: 'Neck',
      dateOfBirth: '1975-07-07',
      sex: 'female',
      postcode: 'HX1 1PW',
    },
  });
  const aReferral = async (body: object = backReferral()): Promise<string> => {
    const created = await api('POST', '/api/v1/referrals', body);
    expect(created.statusCode).toBe(201);
    return created.json().ubrn;
  };
  const aSentReferral = async (body?: object): Promise<string> => {
    const ubrn = await aReferral(body);
    const entry = (await api('GET', `/api/v1/referrals/${ubrn}/choice-list`))
      .json()
      .entries.find((candidate: { providerOrganisationId: string }) => candidate.providerOrganisationId === providerId);
    expect((await api('POST', `/api/v1/referrals/${ubrn}/choice`, { listingId: entry.listingId, siteId: entry.siteId })).statusCode).toBe(
      200,
    );
    return ubrn;
  };
  const anAcceptedReferral = async (): Promise<string> => {
    const ubrn = await aSentReferral();
    expect((await clinician.submit(`/referrals/${ubrn}`, {}, `/referrals/${ubrn}/accept`)).statusCode).toBe(303);
    return ubrn;
  };
  const recordSession = (ubrn: string, form: Record<string, string>) =>
    clinician.submit(
      `/referrals/${ubrn}/contacts/new`,
      { 'when-day': '1', 'when-month': '3', 'when-year': '2027', time: '10:15', ...form },
      `/referrals/${ubrn}/contacts`,
    );

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo', clock: movableToday(TODAY) });
    await placePostcodes(t.deps);
    const offer = (await t.app.inject('/api/v1/offers?service=back-and-neck-pain&commissioner=02T')).json().items[0].id;
    providerId = (await aListingIn(t.deps, offer, 'DEMO1', 'live', TODAY)).providerId;
    await aListingIn(
      t.deps,
      (await t.app.inject('/api/v1/offers?service=adult-hearing&commissioner=02T')).json().items[0].id,
      'DEMO1',
      'live',
      TODAY,
    );
    const practice = await t.deps.db.selectFrom('organisations').select('id').where('ods_code', '=', 'B84001').executeTakeFirstOrThrow();
    referrerKey = await tokenFor(t.deps, practice.id, 'referrer');
    clinician = new WebClient(t.app);
    await clinician.signIn('clinician@aqp.example');
    gp = new WebClient(t.app);
    await gp.signIn('referrer@aqp.example');
  });
  afterAll(() => t.close());

  it('returns a sent referral with a coded reason, insisting on a comment where the code needs one, and the practice sees why', async () => {
    const ubrn = await aSentReferral();
    const page = await clinician.get(`/referrals/${ubrn}`);
    expect(page.body).toContain('Accept referral');
    expect(page.body).toContain(`href="/referrals/${ubrn}/return"`);

    const bare = await clinician.submit(`/referrals/${ubrn}/return`, { reasonCode: 'FURTHER_INFORMATION_REQUIRED' });
    expect(bare.statusCode).toBe(400);
    expect(bare.body).toContain('<title>Error: ');
    expect(bare.body).toMatch(/id="comment-error"[\s\S]*needs a comment/);
    expect((await clinician.submit(`/referrals/${ubrn}/return`, {})).body).toMatch(/id="reasonCode-error"[\s\S]*Choose a reason/);

    const returned = await clinician.submit(`/referrals/${ubrn}/return`, {
      reasonCode: 'FURTHER_INFORMATION_REQUIRED',
      comment: 'Please send the X-ray report.',
    });
    expect(returned.statusCode).toBe(303);
    const after = await clinician.get(`/referrals/${ubrn}`);
    expect(after.body).toContain('Returned to the referrer');
    expect(after.body).toContain('Further information required: Please send the X-ray report.');
    expect(after.body).not.toContain('Accept referral');
    expect((await gp.get('/worklists/referrer')).body).toContain(
      'Returned by the provider (Further information required: Please send the X-ray report.)',
    );
    expect((await gp.get(`/referrals/${ubrn}/return`)).statusCode).toBe(403);
  });

  it('records an appointment and sessions from the page until the 8th attended session closes the episode, and the practice sees it', async () => {
    const ubrn = await anAcceptedReferral();
    const accepted = (await clinician.get(`/referrals/${ubrn}`)).body;
    expect(accepted).toContain('Record an appointment or session');
    expect(accepted).not.toContain('Pathway');
    const badTime = await recordSession(ubrn, { kind: 'appointment', time: 'teatime' });
    expect(badTime.statusCode).toBe(400);
    expect(badTime.body).toMatch(/id="time-error"[\s\S]*Enter a time like 14:30/);
    const future = await recordSession(ubrn, { kind: 'session', attendance: 'attended', 'when-day': '9' });
    expect(future.statusCode).toBe(400);
    expect(future.body).toMatch(/id="when-error"[\s\S]*today or in the past/);
    expect((await recordSession(ubrn, { kind: 'session' })).body).toMatch(/id="attendance-error"[\s\S]*attended the session/);

    expect((await recordSession(ubrn, { kind: 'appointment', 'when-day': '8', time: '2:30pm' })).statusCode).toBe(303);
    expect((await recordSession(ubrn, { kind: 'session', attendance: 'did-not-attend' })).statusCode).toBe(303);
    for (let n = 1; n <= 7; n += 1)
      expect((await recordSession(ubrn, { kind: 'session', attendance: 'attended', note: `Session ${n}` })).statusCode).toBe(303);
    expect((await clinician.get(`/referrals/${ubrn}`)).body).toContain('7 of 8 (the episode closes at 8)');
    expect((await recordSession(ubrn, { kind: 'session', attendance: 'attended' })).statusCode).toBe(303);

    const closed = await clinician.get(`/referrals/${ubrn}`);
    expect(closed.body).toContain('the episode is closed and the referring practice has been told');
    expect(closed.body).toContain('8 March 2027 at 2:30pm');
    expect(closed.body).toContain('Did not attend');
    expect(closed.body).toContain('Session cap of 8 reached');
    expect(closed.body).not.toContain('Record an appointment or session');
    expect((await gp.get('/worklists/referrer')).body).toContain('Episode closed: the patient needs re-referral');
    expect((await recordSession(ubrn, { kind: 'session', attendance: 'attended' })).statusCode).toBe(409);
  });

  it('shows a hearing referral’s minimum pathway of 3 years from the day it is accepted', async () => {
    const ubrn = await aSentReferral(aHearingReferral({ dateOfBirth: bornAged(70, TODAY), nhsNumber: nextNhsNumber() }));
    expect((await clinician.get(`/referrals/${ubrn}`)).body).toContain('At least 3 years with the chosen provider, from acceptance');
    expect((await clinician.submit(`/referrals/${ubrn}`, {}, `/referrals/${ubrn}/accept`)).statusCode).toBe(303);
    const { accepted_at: acceptedAt } = await t.deps.db
      .selectFrom('referrals')
      .select('accepted_at')
      .where('ubrn', '=', ubrn)
      .executeTakeFirstOrThrow();
    const threeYearsOn = new Date(acceptedAt!.getTime());
    threeYearsOn.setUTCFullYear(threeYearsOn.getUTCFullYear() + 3);
    expect((await gp.get(`/referrals/${ubrn}`)).body).toContain(
      `At least 3 years with the chosen provider: until ${formatDate(threeYearsOn)}`,
    );
  });

  it('discharges a patient in treatment with an outcome', async () => {
    const ubrn = await anAcceptedReferral();
    const missing = await clinician.submit(`/referrals/${ubrn}/discharge`, {});
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toMatch(/id="outcome-error"[\s\S]*Choose the outcome/);
    expect(
      (
        await clinician.submit(`/referrals/${ubrn}/discharge`, {
          outcome: 'treatment-completed',
          comment: 'Exercises to continue at home.',
        })
      ).statusCode,
    ).toBe(303);
    const page = await gp.get(`/referrals/${ubrn}`);
    expect(page.body).toContain('Discharged');
    expect(page.body).toContain('Treatment completed: Exercises to continue at home.');
    expect(page.body).not.toContain(`/referrals/${ubrn}/cancel`);
    const referral = await t.deps.db
      .selectFrom('referrals')
      .select(['status', 'discharge_outcome'])
      .where('ubrn', '=', ubrn)
      .executeTakeFirstOrThrow();
    expect(referral).toEqual({ status: 'discharged', discharge_outcome: 'treatment-completed' });
  });

  it('lets the practice cancel with a coded reason and keeps the provider off the cancel page', async () => {
    const ubrn = await aReferral();
    expect((await gp.get(`/referrals/${ubrn}`)).body).toContain(`href="/referrals/${ubrn}/cancel"`);
    const other = await gp.submit(`/referrals/${ubrn}/cancel`, { reasonCode: 'OTHER' });
    expect(other.statusCode).toBe(400);
    expect(other.body).toMatch(/id="comment-error"/);
    expect((await gp.submit(`/referrals/${ubrn}/cancel`, { reasonCode: 'NO_LONGER_REQUIRED' })).statusCode).toBe(303);
    expect((await gp.get(`/referrals/${ubrn}`)).body).toContain('No longer required');
    const sent = await aSentReferral();
    expect((await clinician.get(`/referrals/${sent}/cancel`)).statusCode).toBe(403);
  });

  it('explains a stale accept from the referral page as a conflict and audits every view of the referral', async () => {
    const ubrn = await aSentReferral();
    const page = await clinician.get(`/referrals/${ubrn}`);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    expect((await clinician.post(`/referrals/${ubrn}/accept`, { _csrf: csrf })).statusCode).toBe(303);
    const stale = await clinician.post(`/referrals/${ubrn}/accept`, { _csrf: csrf });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('The referral could not be accepted');
    const referral = await t.deps.db.selectFrom('referrals').select('id').where('ubrn', '=', ubrn).executeTakeFirstOrThrow();
    const views = await t.deps.db
      .selectFrom('audit_events')
      .select(['details'])
      .where('action', '=', 'referral.view')
      .where('entity_id', '=', referral.id)
      .execute();
    expect(views.map((row) => (row.details as { page: string }).page)).toEqual(
      expect.arrayContaining(['referral', 'accept', 'accept-refused']),
    );
  });
});
