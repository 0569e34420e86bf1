import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedFeedbackFor } from '../../src/domains/provider-quality/feedback.repo.ts';
import { DEMO_PASSWORD } from '../../src/demo/region.demo-seed.ts';
import { hashPassword } from '../../src/domains/identity/password.ts';
import { insertMembership, insertUser } from '../../src/domains/identity/user.repo.ts';
import { movableToday } from '../support/movable-clock.ts';
import { aHearingReferral, aListingIn, aProviderWithSites, nhsNumberSequence, placePostcodes, tokenFor } from '../support/referral-rows.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { csrfTokenIn, WebClient } from '../support/web-client.ts';

const TODAY = '2027-03-01';
const SECRET_COMMENT = 'The audiologist Mrs Example at the Wharf Street clinic was kind';

describe('the Friends and Family Test after discharge', () => {
  let t: TestApp;
  let referrerKey: string;
  let providerKey: string;
  let commissionerKey: string;
  let otherProviderKey: string;
  let providerId: string;
  const nextNhsNumber = nhsNumberSequence('6041');
  let address = 10;

  const as = (key: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { authorization: `Bearer ${key}` }, ...(payload ? { payload } : {}) });

  /** A referral made over the API, chosen by the patient on their own browser, accepted and (unless told not to) discharged by the provider. */
  async function aPatientOfTheProvider(discharged = true): Promise<{ ubrn: string; patient: WebClient }> {
    const created = (
      await as(referrerKey, 'POST', '/api/v1/referrals', aHearingReferral({ nhsNumber: nextNhsNumber(), dateOfBirth: '1950-05-17' }))
    ).json();
    const patient = new WebClient(t.app, `198.51.100.${(address += 1)}`);
    const start = await patient.get('/referral-status');
    await patient.post('/referral-status', {
      _csrf: csrfTokenIn(start.body),
      reference: created.ubrn,
      accessCode: created.accessCode,
      'dateOfBirth-day': '17',
      'dateOfBirth-month': '5',
      'dateOfBirth-year': '1950',
    });
    const list = await patient.get('/referral-status/referral');
    const choice = /value="([0-9a-f-]{36}:[0-9a-f-]{36})"[^>]*>\s*<label[^>]*>\s*\d+\. Feedback Hearing \(test\)/.exec(list.body)![1]!;
    expect((await patient.post('/referral-status/choice', { _csrf: csrfTokenIn(list.body), choice })).statusCode).toBe(303);
    expect((await as(providerKey, 'POST', `/api/v1/referrals/${created.ubrn}/accept`)).statusCode).toBe(200);
    if (discharged)
      expect(
        (await as(providerKey, 'POST', `/api/v1/referrals/${created.ubrn}/discharge`, { outcome: 'treatment-completed', aidsFitted: 2 }))
          .statusCode,
      ).toBe(200);
    return { ubrn: created.ubrn, patient };
  }

  async function aProviderAdmin(email: string): Promise<void> {
    const userId = await insertUser(t.deps.db, { email, displayName: 'Feedback Admin', passwordHash: await hashPassword(DEMO_PASSWORD) });
    await insertMembership(t.deps.db, { userId, organisationId: providerId, role: 'provider-admin' });
  }

  const answer = (patient: WebClient, form: Record<string, string>) => patient.submit('/referral-status/feedback', form);

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo', clock: movableToday(TODAY) });
    await placePostcodes(t.deps);
    const offerId = (await t.app.inject('/api/v1/offers?service=adult-hearing&commissioner=02T')).json().items[0].id;
    providerId = await aProviderWithSites(t.deps, {
      odsCode: 'TST61',
      name: 'Feedback Hearing (test)',
      sites: [{ name: 'Sowerby Bridge clinic', postcode: 'HX6 3AB' }],
    });
    await aListingIn(t.deps, offerId, 'TST61', 'live', TODAY);
    const other = await aProviderWithSites(t.deps, {
      odsCode: 'TST62',
      name: 'Other Hearing (test)',
      sites: [{ name: 'Leeds clinic', postcode: 'LS1 4AP' }],
    });
    const practiceId = (await t.deps.db.selectFrom('organisations').select('id').where('ods_code', '=', 'B84001').executeTakeFirstOrThrow())
      .id;
    const commissionerId = (
      await t.deps.db.selectFrom('organisations').select('id').where('ods_code', '=', 'QWO').executeTakeFirstOrThrow()
    ).id;
    referrerKey = await tokenFor(t.deps, practiceId, 'referrer');
    providerKey = await tokenFor(t.deps, providerId, 'provider-admin');
    otherProviderKey = await tokenFor(t.deps, other, 'provider-admin');
    commissionerKey = await tokenFor(t.deps, commissionerId, 'commissioner');
  });
  afterAll(() => t.close());

  it('asks nothing before discharge, and refuses an answer sent anyway (409)', async () => {
    const { patient } = await aPatientOfTheProvider(false);
    expect((await patient.get('/referral-status/referral')).body).not.toContain('/referral-status/feedback');
    expect((await patient.get('/referral-status/feedback')).headers.location).toBe('/referral-status/referral');
    const page = await patient.get('/referral-status/referral');
    const early = await patient.post('/referral-status/feedback', { _csrf: csrfTokenIn(page.body), answer: 'good' });
    expect(early.statusCode).toBe(409);
    expect(early.body).toContain('once your care with the provider has finished');
  });

  it('shows the question with five answers after discharge, and errors next to the fields for no answer and a long comment', async () => {
    const { patient } = await aPatientOfTheProvider();
    expect((await patient.get('/referral-status/referral')).body).toContain('href="/referral-status/feedback"');
    const form = await patient.get('/referral-status/feedback');
    expect(form.body).toContain('Overall, how was your experience of our service?');
    expect(form.body.match(/name="answer"/g)).toHaveLength(5);
    const empty = await answer(patient, { comment: 'x'.repeat(2001) });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toMatch(/href="#answer">\s*Select how your experience of the service was/);
    expect(empty.body).toContain('Your comment must be 2,000 characters or fewer');
    expect(await t.deps.db.selectFrom('feedback_responses').select('id').execute()).toHaveLength(0);
  });

  it('stores one answer with the provider and offer copied, thanks the patient and refuses a second answer', async () => {
    const { ubrn, patient } = await aPatientOfTheProvider();
    const first = await answer(patient, { answer: 'very-good', comment: `${SECRET_COMMENT}\r\nThank you` });
    expect(first.headers.location).toBe('/referral-status/referral');
    const status = (await patient.get('/referral-status/referral')).body;
    expect(status).toContain('Thank you for telling us about your experience.');
    expect(status).not.toContain('href="/referral-status/feedback"');
    const stored = await t.deps.db
      .selectFrom('feedback_responses as f')
      .innerJoin('referrals as r', 'r.id', 'f.referral_id')
      .select(['f.answer', 'f.comment', 'f.provider_organisation_id', 'f.answered_on', 'r.offer_id as referral_offer', 'f.offer_id'])
      .where('r.ubrn', '=', ubrn)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ answer: 'very-good', comment: `${SECRET_COMMENT}\nThank you`, provider_organisation_id: providerId });
    expect(stored.offer_id).toBe(stored.referral_offer);
    const page = await patient.get('/referral-status/referral');
    const second = await patient.post('/referral-status/feedback', { _csrf: csrfTokenIn(page.body), answer: 'very-poor' });
    expect(second.statusCode).toBe(409);
    expect(second.body).toContain('You have already told us about your experience for this referral');
    expect((await t.deps.db.selectFrom('feedback_responses').select('answer').where('answer', '=', 'very-poor').execute()).length).toBe(0);
    const audit = await t.deps.db.selectFrom('audit_events').select('details').where('action', '=', 'feedback.give').execute();
    expect(audit).toHaveLength(1);
  });

  it('publishes nothing with 4 answers and the shares with 5, the same in the API, the page and for the directory', async () => {
    for (const given of ['good', 'very-good', 'poor']) await answer((await aPatientOfTheProvider()).patient, { answer: given });
    expect((await publishedFeedbackFor(t.deps.db, [providerId], '2027-01-01')).get(providerId)).toBeNull();
    const four = (await as(providerKey, 'GET', '/api/v1/feedback')).json();
    expect(four.summaries).toEqual([expect.objectContaining({ providerId, responses: 4, published: false })]);
    expect(four.summaries[0]).not.toHaveProperty('positivePercent');
    await answer((await aPatientOfTheProvider()).patient, { answer: 'neither-good-nor-poor' });
    expect((await publishedFeedbackFor(t.deps.db, [providerId], '2027-01-01')).get(providerId)).toEqual({
      published: true,
      responses: 5,
      positivePercent: 60,
      negativePercent: 20,
    });
    expect((await publishedFeedbackFor(t.deps.db, [providerId], '2027-03-02')).get(providerId)).toBeNull();
    const five = (await as(commissionerKey, 'GET', '/api/v1/feedback')).json();
    expect(five.summaries).toEqual([expect.objectContaining({ responses: 5, published: true, positivePercent: 60, negativePercent: 20 })]);
    expect(five.comments.items).toEqual([expect.objectContaining({ answeredOn: TODAY, answer: 'very-good' })]);
    expect(JSON.stringify(five.comments)).not.toMatch(/ubrn|referral|patient/i);
  });

  it('shows comments to the provider and commissioner only, never on a public page, and audits each read', async () => {
    const staff = new WebClient(t.app);
    expect((await staff.get('/quality/feedback')).statusCode).not.toBe(200);
    await aProviderAdmin('feedback.admin@example.test');
    await staff.signIn('feedback.admin@example.test');
    const apiPage = await as(providerKey, 'GET', '/api/v1/feedback');
    expect(apiPage.json().comments.items[0].comment).toContain(SECRET_COMMENT);
    const provider = (await staff.get('/quality/feedback')).body;
    expect(provider).toContain(SECRET_COMMENT);
    expect(provider).toContain('60%');
    expect((await as(otherProviderKey, 'GET', '/api/v1/feedback')).json()).toMatchObject({ summaries: [], comments: { total: 0 } });
    expect((await as(referrerKey, 'GET', '/api/v1/feedback')).statusCode).toBe(403);
    for (const url of [
      `/directory/providers/${providerId}`,
      '/referral-status/referral',
      '/api/v1/directory?service=adult-hearing&postcode=HX6%203AB',
    ])
      expect((await t.app.inject(url)).body).not.toContain('audiologist');
    const views = await t.deps.db
      .selectFrom('audit_events')
      .select('organisation_id')
      .where('action', '=', 'feedback.comments-view')
      .execute();
    expect(views.length).toBeGreaterThanOrEqual(3);
  });

  it('refuses a start date that is not a date with a coded problem', async () => {
    const bad = await as(commissionerKey, 'GET', '/api/v1/feedback?since=yesterday');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'validation-failed' });
  });
});
