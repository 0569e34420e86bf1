import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { aQualifiedListing, giveCompleteAssurance } from '../support/listing-rows.ts';
import { movableToday } from '../support/movable-clock.ts';
import { apiKeyFor, WebClient } from '../support/web-client.ts';

const clock = movableToday('2027-03-01');

describe('notices to the provider when a commissioner suspends, reinstates or terminates its listing', () => {
  let t: TestApp;
  let commissionerToken: string;
  let providerToken: string;

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo', clock });
    commissionerToken = await apiKeyFor(t.app, 'commissioner@aqp.example', 'commissioner');
    providerToken = await apiKeyFor(t.app, 'provider.admin@aqp.example', 'provider-admin');
  });
  afterAll(() => t.close());

  const as = (token: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
  const messagesAbout = async (organisationId: string, listingId: string) =>
    t.deps.db
      .selectFrom('outbox_messages')
      .select(['subject', 'body'])
      .where('organisation_id', '=', organisationId)
      .where('entity_type', '=', 'listing')
      .where('entity_id', '=', listingId)
      .orderBy('created_at')
      .orderBy('subject')
      .execute();

  /** A live listing of the demo provider on the lead commissioner's offer for the service (one listing per offer). */
  async function aLiveListing(service: string): Promise<{ listingId: string; providerId: string }> {
    const offerId = (await t.app.inject(`/api/v1/offers?service=${service}`)).json().items[0].id;
    const listing = await aQualifiedListing(t.deps, offerId, 'DEMO1');
    await giveCompleteAssurance(t.deps, listing.providerId, '2029-01-31');
    await t.deps.db
      .updateTable('listings')
      .set({ status: 'live', contract_start: '2027-03-01' })
      .where('id', '=', listing.listingId)
      .execute();
    return listing;
  }

  it('tells the provider, through the API, why its listing was suspended, lifted and terminated and what happens next', async () => {
    const { listingId, providerId } = await aLiveListing('adult-hearing');

    expect(
      (await as(commissionerToken, 'POST', `/api/v1/listings/${listingId}/suspension`, { reason: 'Serious incident under investigation' }))
        .statusCode,
    ).toBe(204);
    expect(
      (
        await as(commissionerToken, 'POST', `/api/v1/listings/${listingId}/reinstatement`, {
          reason: 'Investigation closed with no findings',
        })
      ).json(),
    ).toEqual({ status: 'live' });
    expect(
      (await as(commissionerToken, 'POST', `/api/v1/listings/${listingId}/termination`, { reason: 'Contract breached repeatedly' }))
        .statusCode,
    ).toBe(204);

    const [suspended, reinstated, terminated] = await messagesAbout(providerId, listingId);
    expect(suspended).toMatchObject({
      subject: 'Listing suspended',
      body: expect.stringContaining('Serious incident under investigation'),
    });
    expect(suspended!.body).toContain('Patients cannot choose you for this offer until the commissioner lifts the suspension');
    expect(reinstated).toMatchObject({
      subject: 'Listing suspension lifted',
      body: expect.stringContaining('Investigation closed with no findings'),
    });
    expect(reinstated!.body).toContain('Patients can choose you for this offer again');
    expect(terminated).toMatchObject({ subject: 'Listing terminated', body: expect.stringContaining('Contract breached repeatedly') });
    expect(terminated!.body).toContain('you may apply again');

    const inbox = (await as(providerToken, 'GET', '/api/v1/messages')).json();
    expect(inbox.items.map((m: { subject: string }) => m.subject)).toEqual(
      expect.arrayContaining(['Listing suspended', 'Listing suspension lifted', 'Listing terminated']),
    );
    expect(inbox.items.find((m: { subject: string }) => m.subject === 'Listing suspended').body).toContain('AQP-');
  });

  it('sends nothing when the change is refused, so no notice tells of a change that did not happen', async () => {
    const { listingId, providerId } = await aLiveListing('back-and-neck-pain');
    expect(
      (await as(commissionerToken, 'POST', `/api/v1/listings/${listingId}/reinstatement`, { reason: 'Not suspended' })).statusCode,
    ).toBe(409);
    expect((await as(commissionerToken, 'POST', `/api/v1/listings/${listingId}/suspension`, { reason: '  ' })).statusCode).toBe(400);
    expect(await messagesAbout(providerId, listingId)).toEqual([]);
  });

  it('tells the provider on its messages page when the commissioner suspends on the listing page', async () => {
    const { listingId } = await aLiveListing('psychological-therapies');
    const commissioner = new WebClient(t.app);
    await commissioner.signIn('commissioner@aqp.example');
    const provider = new WebClient(t.app);
    await provider.signIn('provider.admin@aqp.example');

    const url = `/listings/${listingId}`;
    expect(
      (await commissioner.submit(url, { action: 'suspend', reason: 'Patient safety concern raised by the CCG' }, `${url}/action`))
        .statusCode,
    ).toBe(303);
    const page = await provider.get('/messages');
    expect(page.body).toContain('Listing suspended');
    expect(page.body).toContain('Patient safety concern raised by the CCG');
  });
});
