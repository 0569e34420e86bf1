import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { movableToday } from '../support/movable-clock.ts';
import { anOffer } from '../support/offer-rows.ts';
import { aListingIn } from '../support/referral-rows.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { aReferralInTreatment } from '../support/treatment-rows.ts';
import { WebClient } from '../support/web-client.ts';

const TODAY = '2027-03-10';

describe('outcomes in the record on the provider’s pages, and on the referral page for both sides', () => {
  let t: TestApp;
  let clinician: WebClient;
  let gp: WebClient;
  const listings: Record<string, { offerId: string; listingId: string; providerId: string }> = {};

  const inTreatment = (service: string) => aReferralInTreatment(t.deps, listings[service]!);
  const recordContact = (ubrn: string, form: Record<string, string>) =>
    clinician.submit(
      `/referrals/${ubrn}/contacts/new`,
      { kind: 'session', 'when-day': '8', 'when-month': '3', 'when-year': '2027', time: '10:15', attendance: 'attended', ...form },
      `/referrals/${ubrn}/contacts`,
    );
  const contactsOf = (referralId: string) =>
    t.deps.db
      .selectFrom('referral_contacts')
      .select(['id', 'phq9_score', 'gad7_score', 'reported_on'])
      .where('referral_id', '=', referralId)
      .execute();

  beforeAll(async () => {
    t = await createTestApp({ seed: 'region', clock: movableToday(TODAY) });
    for (const service of ['psychological-therapies', 'non-obstetric-ultrasound', 'adult-hearing', 'back-and-neck-pain']) {
      const offer = await anOffer(t.deps.db).forService(service).coveringOds('02T').withStatus('open').withPackProtocol().insert();
      listings[service] = { offerId: offer.id, ...(await aListingIn(t.deps, offer.id, 'DEMO1', 'live', TODAY)) };
    }
    clinician = new WebClient(t.app);
    await clinician.signIn('clinician@aqp.example');
    gp = new WebClient(t.app);
    await gp.signIn('referrer@aqp.example');
  });
  afterAll(() => t.close());

  it('asks for PHQ-9 and GAD-7 for talking therapies only, shows errors beside them, and records them', async () => {
    const { id, ubrn } = await inTreatment('psychological-therapies');
    const form = (await clinician.get(`/referrals/${ubrn}/contacts/new`)).body;
    expect(form).toMatch(/Did the patient attend\?[\s\S]*PHQ-9 score[\s\S]*GAD-7 score/);
    const back = await inTreatment('back-and-neck-pain');
    expect((await clinician.get(`/referrals/${back.ubrn}/contacts/new`)).body).not.toContain('PHQ-9');

    const missing = await recordContact(ubrn, {});
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toMatch(/id="phq9Score-error"[\s\S]*Enter the PHQ-9 score from this session/);
    expect(missing.body).toMatch(/id="gad7Score-error"[\s\S]*Enter the GAD-7 score from this session/);
    const wrong = await recordContact(ubrn, { phq9Score: 'ten', gad7Score: '22' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toMatch(/id="phq9Score-error"[\s\S]*whole number from 0 to 27/);
    expect(wrong.body).toMatch(/id="gad7Score-error"[\s\S]*whole number from 0 to 21/);
    expect(wrong.body).toContain('value="ten"');
    expect(await contactsOf(id)).toEqual([]);

    const missed = await recordContact(ubrn, { attendance: 'did-not-attend', phq9Score: '3' });
    expect(missed.body).toMatch(/id="phq9Score-error"[\s\S]*only for a session the patient attended/);
    expect(await contactsOf(id)).toEqual([]);
    expect((await recordContact(ubrn, { attendance: 'did-not-attend' })).statusCode).toBe(303);
    expect((await recordContact(ubrn, { phq9Score: '14', gad7Score: '9' })).statusCode).toBe(303);
    expect((await contactsOf(id)).map((contact) => [contact.phq9_score, contact.gad7_score])).toEqual([
      [null, null],
      [14, 9],
    ]);
    for (const side of [clinician, gp]) expect((await side.get(`/referrals/${ubrn}`)).body).toContain('PHQ-9 14, GAD-7 9');
  });

  it('records a scan’s report date with the test or from the referral page later, refusing a date before the test or in the future', async () => {
    const { id, ubrn } = await inTreatment('non-obstetric-ultrasound');
    expect((await clinician.get(`/referrals/${ubrn}/contacts/new`)).body).toContain('Date the report was sent (optional)');
    const early = await recordContact(ubrn, { 'reportedOn-day': '7', 'reportedOn-month': '3', 'reportedOn-year': '2027' });
    expect(early.statusCode).toBe(400);
    expect(early.body).toMatch(/id="reportedOn-error"[\s\S]*on or after the day of the test/);
    expect(early.body).toContain('href="#reportedOn-day"');
    expect((await recordContact(ubrn, { 'reportedOn-day': '9' })).body).toMatch(
      /id="reportedOn-error"[\s\S]*must include a month and year/,
    );
    expect(await contactsOf(id)).toEqual([]);

    expect((await recordContact(ubrn, { 'reportedOn-day': '9', 'reportedOn-month': '3', 'reportedOn-year': '2027' })).statusCode).toBe(303);
    expect((await recordContact(ubrn, {})).statusCode).toBe(303);
    const unreported = (await contactsOf(id)).find((contact) => contact.reported_on === null)!;
    const page = (await clinician.get(`/referrals/${ubrn}`)).body;
    expect(page).toContain('Report sent 9 March 2027');
    expect(page).toContain(`href="/referrals/${ubrn}/contacts/${unreported.id}/report">Record the report`);
    expect((await gp.get(`/referrals/${ubrn}`)).body).not.toContain('Record the report');
    expect((await gp.get(`/referrals/${ubrn}/contacts/${unreported.id}/report`)).statusCode).toBe(403);

    const reportPage = `/referrals/${ubrn}/contacts/${unreported.id}/report`;
    expect((await clinician.get(reportPage)).body).toContain('The test took place on 8 March 2027');
    const future = await clinician.submit(reportPage, { 'reportedOn-day': '11', 'reportedOn-month': '3', 'reportedOn-year': '2027' });
    expect(future.statusCode).toBe(400);
    expect(future.body).toMatch(/id="reportedOn-error"[\s\S]*today or in the past/);
    expect((await clinician.submit(reportPage, {})).body).toMatch(/id="reportedOn-error"[\s\S]*Enter the date the report was sent/);
    expect((await contactsOf(id)).filter((contact) => contact.reported_on === null)).toHaveLength(1);
    expect(
      (await clinician.submit(reportPage, { 'reportedOn-day': '10', 'reportedOn-month': '3', 'reportedOn-year': '2027' })).statusCode,
    ).toBe(303);
    expect((await gp.get(`/referrals/${ubrn}`)).body).toContain('Report sent 10 March 2027');
    expect((await clinician.get(`/referrals/${ubrn}/contacts/00000000-0000-4000-8000-000000000000/report`)).statusCode).toBe(404);
  });

  it('asks how many hearing aids were fitted at an adult-hearing discharge, requires an answer, and shows it to both sides', async () => {
    const { id, ubrn } = await inTreatment('adult-hearing');
    const form = (await clinician.get(`/referrals/${ubrn}/discharge`)).body;
    expect(form).toContain('How many hearing aids were fitted?');
    expect(form).toMatch(/name="aidsFitted" type="radio" value="2"/);
    const back = await inTreatment('back-and-neck-pain');
    expect((await clinician.get(`/referrals/${back.ubrn}/discharge`)).body).not.toContain('hearing aids');

    const missing = await clinician.submit(`/referrals/${ubrn}/discharge`, { outcome: 'treatment-completed' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toMatch(/id="aidsFitted-error"[\s\S]*Select how many hearing aids were fitted/);
    expect((await clinician.submit(`/referrals/${ubrn}/discharge`, { outcome: 'treatment-completed', aidsFitted: '7' })).statusCode).toBe(
      400,
    );
    const unchanged = await t.deps.db
      .selectFrom('referrals')
      .select(['status', 'aids_fitted'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(unchanged).toEqual({ status: 'accepted', aids_fitted: null });

    expect((await clinician.submit(`/referrals/${ubrn}/discharge`, { outcome: 'treatment-completed', aidsFitted: '1' })).statusCode).toBe(
      303,
    );
    for (const side of [clinician, gp])
      expect((await side.get(`/referrals/${ubrn}`)).body).toMatch(/Hearing aids fitted[\s\S]*One hearing aid/);
  });
});
