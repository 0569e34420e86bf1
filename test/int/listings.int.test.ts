import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCompliance } from '../../src/domains/compliance/compliance-run.service.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { aQualifiedListing, giveCompleteAssurance, renewEvidence } from '../support/listing-rows.ts';
import { movableToday } from '../support/movable-clock.ts';
import { apiKeyFor } from '../support/web-client.ts';

const clock = movableToday('2027-03-01');

describe('contracts, going live, compliance suspension and reinstatement', () => {
  let t: TestApp;
  let providerToken: string;
  let commissionerToken: string;
  let offerId: string;

  async function tokenFor(email: string, role: string): Promise<string> {
    return apiKeyFor(t.app, email, role);
  }

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo', clock });
    providerToken = await tokenFor('provider.admin@aqp.example', 'provider-admin');
    commissionerToken = await tokenFor('commissioner@aqp.example', 'commissioner');
    offerId = (await t.app.inject('/api/v1/offers?service=adult-hearing&commissioner=02T')).json().items[0].id;
  });
  afterAll(() => t.close());

  const as = (token: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
  const liveProviders = async () =>
    (await t.app.inject(`/api/v1/offers/${offerId}/providers`)).json().items as {
      provider: { odsCode: string };
      sites: { postcode: string; latitude: number }[];
    }[];

  it('goes live on the contract start date, is suspended when insurance expires, and is restored once it is renewed', async () => {
    const { listingId, providerId } = await aQualifiedListing(t.deps, offerId, 'DEMO1');
    await giveCompleteAssurance(t.deps, providerId, '2028-01-31', { 'indemnity-insurance': '2027-04-20' });

    expect(
      (await as(providerToken, 'POST', `/api/v1/listings/${listingId}/contract`, { contractStart: '2027-02-01' })).json().errors[0].message,
    ).toContain('cannot start in the past');
    const accepted = await as(providerToken, 'POST', `/api/v1/listings/${listingId}/contract`, { contractStart: '2027-04-01' });
    expect(accepted.json()).toEqual({ status: 'contracted' });
    const early = await as(commissionerToken, 'POST', `/api/v1/listings/${listingId}/live`);
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({
      code: 'invalid-transition',
      detail: 'The listing cannot go live before its contract starts on 2027-04-01',
    });
    expect(await liveProviders()).toEqual([]);

    clock.setToday('2027-04-01');
    expect(await runCompliance(t.deps, { triggeredBy: 'test' })).toMatchObject({ listingsLive: 1, listingsSuspended: 0, alertsRaised: 1 });
    expect((await runCompliance(t.deps, { triggeredBy: 'test' })).skipped).toBe(true);
    const [live] = await liveProviders();
    expect(live!.provider.odsCode).toBe('DEMO1');
    expect(live!.sites.map((site) => site.postcode).sort()).toEqual(['HD3 3EA', 'HX1 1UJ', 'WF1 4DG']);
    const messages = (await as(providerToken, 'GET', '/api/v1/messages')).json();
    expect(messages.items[0]).toMatchObject({
      subject: 'Assurance evidence due for renewal',
      body: expect.stringContaining('Indemnity insurance expires on 2027-04-20'),
    });

    clock.setToday('2027-04-21');
    expect(await runCompliance(t.deps, { triggeredBy: 'test' })).toMatchObject({ listingsSuspended: 1 });
    expect(await liveProviders()).toEqual([]);
    const lift = await as(commissionerToken, 'POST', `/api/v1/listings/${listingId}/reinstatement`, { reason: 'Insurer confirmed cover' });
    expect(lift.statusCode).toBe(409);
    expect(lift.json().detail).toContain('Indemnity insurance expired on 2027-04-20');

    await renewEvidence(t.deps, providerId, 'indemnity-insurance', '2028-04-20');
    expect(
      (await as(commissionerToken, 'POST', `/api/v1/listings/${listingId}/reinstatement`, { reason: 'Insurance renewed' })).json(),
    ).toEqual({ status: 'live' });
    expect(await liveProviders()).toHaveLength(1);
    clock.setToday('2027-04-22');
    expect(await runCompliance(t.deps, { triggeredBy: 'test' })).toMatchObject({ listingsSuspended: 0, alertsResolved: 1 });

    const { history } = (await as(providerToken, 'GET', `/api/v1/listings/${listingId}`)).json();
    expect(history.map((h: { to: string }) => h.to)).toEqual(['qualified', 'contracted', 'live', 'suspended', 'live']);
    expect(history[3]).toMatchObject({
      by: 'AQP compliance run',
      reason: expect.stringContaining('Indemnity insurance expired on 2027-04-20'),
    });
    const audit = await t.deps.db
      .selectFrom('audit_events')
      .select(['action', 'actor_user_id', 'actor_api_key_id'])
      .where('entity_id', '=', listingId)
      .orderBy('occurred_at')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['listing.contracted', 'listing.live', 'listing.suspended', 'listing.live']);
    expect(audit[2]).toMatchObject({ actor_user_id: null, actor_api_key_id: null });
    clock.setToday('2027-03-01');
  });

  it('suspends at once when CQC registration is cancelled, unless the offer’s rule says otherwise', async () => {
    const kirklees = (await t.app.inject('/api/v1/offers?service=back-and-neck-pain')).json().items[0].id;
    const { listingId, providerId } = await aQualifiedListing(t.deps, kirklees, 'DEMO2');
    await giveCompleteAssurance(t.deps, providerId, '2029-01-01');
    expect(
      (
        await as(await tokenFor('provider.admin@aqp.example', 'provider-admin'), 'POST', `/api/v1/listings/${listingId}/contract`, {
          contractStart: '2027-03-01',
        })
      ).statusCode,
    ).toBe(404);
    const ruleOff = await as(commissionerToken, 'POST', `/api/v1/listings/${listingId}/suspension`, {});
    expect(ruleOff.json().errors[0].field).toBe('reason');
    await t.app.inject({
      method: 'PUT',
      url: `/api/v1/offers/${kirklees}/compliance-rule`,
      headers: { authorization: `Bearer ${commissionerToken}` },
      payload: { suspendOnExpiredEvidence: true, graceDays: 0, suspendOnCqcLoss: false },
    });
    await t.deps.db.updateTable('listings').set({ status: 'live', contract_start: '2027-03-01' }).where('id', '=', listingId).execute();
    await renewEvidence(t.deps, providerId, 'cqc-registration', '2029-01-01', 'registration-cancelled');
    clock.setToday('2027-03-02');
    expect(await runCompliance(t.deps, { triggeredBy: 'test' })).toMatchObject({ listingsSuspended: 0 });
    await t.app.inject({
      method: 'PUT',
      url: `/api/v1/offers/${kirklees}/compliance-rule`,
      headers: { authorization: `Bearer ${commissionerToken}` },
      payload: { suspendOnExpiredEvidence: true, graceDays: 0, suspendOnCqcLoss: true },
    });
    expect(await runCompliance(t.deps, { triggeredBy: 'test', force: true })).toMatchObject({ listingsSuspended: 1 });
    const alert = await t.deps.db
      .selectFrom('compliance_alerts')
      .select(['kind', 'detail'])
      .where('organisation_id', '=', providerId)
      .where('resolved_at', 'is', null)
      .execute();
    expect(alert).toEqual([{ kind: 'cqc-status', detail: 'CQC registration is registration cancelled' }]);
    clock.setToday('2027-03-01');
  });

  it('refuses changes from anyone but the lead commissioner and the listed provider', async () => {
    const { listingId } = await aQualifiedListing(
      t.deps,
      (await t.app.inject('/api/v1/offers?service=psychological-therapies')).json().items[0].id,
      'DEMO1',
    );
    expect((await as(providerToken, 'POST', `/api/v1/listings/${listingId}/suspension`, { reason: 'x' })).statusCode).toBe(403);
    expect(
      (await as(commissionerToken, 'POST', `/api/v1/listings/${listingId}/contract`, { contractStart: '2027-04-01' })).statusCode,
    ).toBe(403);
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/v1/listings/${listingId}/termination`, payload: { reason: 'x' } })).statusCode,
    ).toBe(401);
    expect((await as(commissionerToken, 'POST', `/api/v1/listings/${listingId}/live`)).json().code).toBe('invalid-transition');
  });
});
