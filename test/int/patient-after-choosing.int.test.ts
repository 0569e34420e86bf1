import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { movableToday } from '../support/movable-clock.ts';
import { aHearingReferral, aListingIn, aProviderWithSites, nhsNumberSequence, placePostcodes, tokenFor } from '../support/referral-rows.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { csrfTokenIn, WebClient } from '../support/web-client.ts';

const TODAY = '2027-03-01';

describe('the patient’s referral after choosing a provider', () => {
  let t: TestApp;
  let referrerKey: string;
  let providerId: string;
  let practiceId: string;
  const nextNhsNumber = nhsNumberSequence('6040');
  let address = 10;

  const api = (method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { authorization: `Bearer ${referrerKey}` }, ...(payload ? { payload } : {}) });
  const statusOf = async (ubrn: string) =>
    await t.deps.db
      .selectFrom('referrals')
      .select(['status', 'provider_organisation_id'])
      .where('ubrn', '=', ubrn)
      .executeTakeFirstOrThrow();
  const messagesTo = (organisationId: string, ubrn: string) =>
    t.deps.db
      .selectFrom('outbox_messages')
      .select('subject')
      .where('organisation_id', '=', organisationId)
      .where('subject', 'like', `%${ubrn.slice(0, 4)}%`)
      .execute();

  /** A referral made over the API, with the patient signed in to it on their own browser and the provider chosen there. */
  async function aPatientWhoChose(): Promise<{ ubrn: string; patient: WebClient }> {
    const created = (
      await api('POST', '/api/v1/referrals', aHearingReferral({ nhsNumber: nextNhsNumber(), dateOfBirth: '1950-05-17' }))
    ).json();
    const patient = new WebClient(t.app, `198.51.100.${(address += 1)}`);
    const start = await patient.get('/referral-status');
    const signedIn = await patient.post('/referral-status', {
      _csrf: csrfTokenIn(start.body),
      reference: created.ubrn,
      accessCode: created.accessCode,
      'dateOfBirth-day': '17',
      'dateOfBirth-month': '5',
      'dateOfBirth-year': '1950',
    });
    expect(signedIn.headers.location).toBe('/referral-status/referral');
    const list = await patient.get('/referral-status/referral');
    const choice = new RegExp(`value="([0-9a-f-]{36}:[0-9a-f-]{36})"[^>]*>\\s*<label[^>]*>\\s*\\d+\\. Sowerby Hearing \\(test\\)`).exec(
      list.body,
    )![1]!;
    expect((await patient.post('/referral-status/choice', { _csrf: csrfTokenIn(list.body), choice })).statusCode).toBe(303);
    return { ubrn: created.ubrn, patient };
  }

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo', clock: movableToday(TODAY) });
    await placePostcodes(t.deps);
    const offerId = (await t.app.inject('/api/v1/offers?service=adult-hearing&commissioner=02T')).json().items[0].id;
    providerId = await aProviderWithSites(t.deps, {
      odsCode: 'TST51',
      name: 'Sowerby Hearing (test)',
      sites: [{ name: 'Sowerby Bridge clinic', postcode: 'HX6 3AB' }],
    });
    await t.deps.db
      .updateTable('sites')
      .set({ phone: '01422 555 0101', address: '1 Wharf Street, Sowerby Bridge' })
      .where('organisation_id', '=', providerId)
      .execute();
    await aListingIn(t.deps, offerId, 'TST51', 'live', TODAY);
    practiceId = (await t.deps.db.selectFrom('organisations').select('id').where('ods_code', '=', 'B84001').executeTakeFirstOrThrow()).id;
    referrerKey = await tokenFor(t.deps, practiceId, 'referrer');
  });
  afterAll(() => t.close());

  it('shows how to reach the chosen provider, its directory page and by when it should accept, with the reference spaced', async () => {
    const { ubrn, patient } = await aPatientWhoChose();
    const page = (await patient.get('/referral-status/referral')).body;
    expect(page).toContain(`Referral ${ubrn.slice(0, 4)} ${ubrn.slice(4, 8)} ${ubrn.slice(8)}`);
    expect(page).toContain('Sowerby Bridge clinic, 1 Wharf Street, Sowerby Bridge, HX6 3AB');
    expect(page).toContain('<a href="tel:014225550101">01422 555 0101</a>');
    expect(page).toContain(`href="/directory/providers/${providerId}"`);
    expect(page).toContain('should accept your referral by 8 March 2027');
    expect(page).toContain('href="/referral-status/change"');
    expect(page).toContain('href="/referral-status/cancel"');
    expect(page).toContain('Sign out of this referral');
  });

  it('changes the choice only after confirming: the referral comes back to choose again and the provider is told', async () => {
    const { ubrn, patient } = await aPatientWhoChose();
    const confirm = await patient.get('/referral-status/change');
    expect(confirm.body).toContain('Choose another provider instead of Sowerby Hearing (test)?');
    expect((await statusOf(ubrn)).status).toBe('sent');
    expect((await patient.post('/referral-status/change', { _csrf: csrfTokenIn(confirm.body) })).statusCode).toBe(303);
    expect(await statusOf(ubrn)).toEqual({ status: 'awaiting-choice', provider_organisation_id: null });
    const page = (await patient.get('/referral-status/referral')).body;
    expect(page).toContain('Your referral has been taken back from Sowerby Hearing (test)');
    expect(page).toContain('Send my referral to this provider');
    expect(await messagesTo(providerId, ubrn)).toEqual([{ subject: expect.stringContaining('withdrawn by the patient') }]);
    const events = await t.deps.db
      .selectFrom('referral_events as e')
      .innerJoin('referrals as r', 'r.id', 'e.referral_id')
      .select(['e.from_status', 'e.to_status', 'e.actor'])
      .where('r.ubrn', '=', ubrn)
      .orderBy('e.seq')
      .execute();
    expect(events.at(-1)).toEqual({ from_status: 'sent', to_status: 'awaiting-choice', actor: 'patient' });
  });

  it('cancels only after confirming, telling the provider and the practice, and refuses once the provider has accepted', async () => {
    const { ubrn, patient } = await aPatientWhoChose();
    const confirm = await patient.get('/referral-status/cancel');
    expect(confirm.body).toContain('Cancel your referral?');
    expect((await patient.post('/referral-status/cancel', { _csrf: csrfTokenIn(confirm.body) })).statusCode).toBe(303);
    expect((await statusOf(ubrn)).status).toBe('cancelled');
    expect((await patient.get('/referral-status/referral')).body).toContain('Your referral has been cancelled.');
    expect(await messagesTo(providerId, ubrn)).toHaveLength(1);
    expect(await messagesTo(practiceId, ubrn)).toHaveLength(1);

    const accepted = await aPatientWhoChose();
    const stale = await accepted.patient.get('/referral-status/cancel');
    await t.deps.db
      .updateTable('referrals')
      .set({ status: 'accepted', accepted_at: new Date() })
      .where('ubrn', '=', accepted.ubrn)
      .execute();
    const refused = await accepted.patient.post('/referral-status/cancel', { _csrf: csrfTokenIn(stale.body) });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('Sowerby Hearing (test) has already accepted it');
    expect((await statusOf(accepted.ubrn)).status).toBe('accepted');
    const page = (await accepted.patient.get('/referral-status/referral')).body;
    expect(page).not.toContain('href="/referral-status/cancel"');
    expect(page).not.toContain('href="/referral-status/change"');
  });

  it('signs the patient out of the referral, so the next person on the computer cannot see it', async () => {
    const { patient } = await aPatientWhoChose();
    const page = await patient.get('/referral-status/referral');
    const out = await patient.post('/referral-status/sign-out', { _csrf: csrfTokenIn(page.body) });
    expect(out.headers.location).toBe('/referral-status/signed-out');
    expect((await patient.get('/referral-status/signed-out')).body).toContain('You have signed out of your referral');
    expect((await patient.get('/referral-status/referral')).headers.location).toBe('/referral-status');
  });
});
