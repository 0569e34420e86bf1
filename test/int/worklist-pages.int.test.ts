import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { movableToday } from '../support/movable-clock.ts';
import { aHearingReferral, aListingIn, bornAged, nhsNumberFrom, placePostcodes, tokenFor } from '../support/referral-rows.ts';
import { csrfTokenIn, WebClient } from '../support/web-client.ts';

const TODAY = '2027-03-01';

describe('worklist pages', () => {
  let t: TestApp;
  let apiReferrer: string;
  let providerId: string;

  const as = (token: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
  /** A hearing referral from the demo practice, sent to the demo provider Pennine Hearing Care. */
  const aSentReferral = async (nineDigits: string): Promise<string> => {
    const { ubrn } = (
      await as(
        apiReferrer,
        'POST',
        '/api/v1/referrals',
        aHearingReferral({ dateOfBirth: bornAged(68, TODAY), nhsNumber: nhsNumberFrom(nineDigits) }),
      )
    ).json();
    const entry = (await as(apiReferrer, 'GET', `/api/v1/referrals/${ubrn}/choice-list`))
      .json()
      .entries.find((candidate: { providerOrganisationId: string }) => candidate.providerOrganisationId === providerId);
    expect(
      (await as(apiReferrer, 'POST', `/api/v1/referrals/${ubrn}/choice`, { listingId: entry.listingId, siteId: entry.siteId })).statusCode,
    ).toBe(200);
    return ubrn;
  };
  const spaced = (ubrn: string) => `${ubrn.slice(0, 4)} ${ubrn.slice(4, 8)} ${ubrn.slice(8)}`;

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo', clock: movableToday(TODAY) });
    await placePostcodes(t.deps);
    const offerId = (await t.app.inject('/api/v1/offers?service=adult-hearing&commissioner=02T')).json().items[0].id;
    providerId = (await aListingIn(t.deps, offerId, 'DEMO1', 'live', TODAY)).providerId;
    const practice = await t.deps.db
      .selectFrom('users as u')
      .innerJoin('memberships as m', 'm.user_id', 'u.id')
      .select('m.organisation_id')
      .where('u.email', '=', 'referrer@aqp.example')
      .executeTakeFirstOrThrow();
    apiReferrer = await tokenFor(t.deps, practice.organisation_id, 'referrer');
  });
  afterAll(() => t.close());

  it('lists a sent referral for the provider with its deadline, accepts it once, and explains a second accept from a stale page', async () => {
    const ubrn = await aSentReferral('401023411');
    const clinician = new WebClient(t.app);
    await clinician.signIn('clinician@aqp.example');
    const page = await clinician.get('/worklists/provider');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(spaced(ubrn));
    expect(page.body).toContain(`action="/worklists/provider/${ubrn}/accept"`);
    expect(page.body).toContain('Sent to the provider');
    expect(page.body).toContain('8 March 2027');
    const csrf = csrfTokenIn(page.body);

    const accepted = await clinician.post(`/worklists/provider/${ubrn}/accept`, { _csrf: csrf });
    expect(accepted.statusCode).toBe(303);
    const after = await clinician.get('/worklists/provider');
    expect(after.body).toContain(`Referral ${spaced(ubrn)} accepted.`);
    expect(after.body).toContain('Accepted by the provider');
    expect(after.body).not.toContain(`action="/worklists/provider/${ubrn}/accept"`);

    const stale = await clinician.post(`/worklists/provider/${ubrn}/accept`, { _csrf: csrf });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('The referral could not be accepted');
    expect(stale.body).toContain('it is now accepted by the provider');
  });

  it('shows the practice a returned referral with its reason and comment, and keeps the provider worklist from referrers', async () => {
    const ubrn = await aSentReferral('401023412');
    const provider = await tokenFor(t.deps, providerId, 'provider-admin');
    expect(
      (await as(provider, 'POST', `/api/v1/referrals/${ubrn}/return`, { reasonCode: 'OTHER', comment: 'Patient has moved out of area.' }))
        .statusCode,
    ).toBe(200);
    const referrer = new WebClient(t.app);
    await referrer.signIn('referrer@aqp.example');
    const page = await referrer.get('/worklists/referrer');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(spaced(ubrn));
    expect(page.body).toContain('Returned by the provider (Other: Patient has moved out of area.)');
    expect((await referrer.get('/worklists/provider')).statusCode).toBe(403);
  });
});
