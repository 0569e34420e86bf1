import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCompliance } from '../../src/domains/compliance/compliance-run.service.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { aQualifiedListing, giveCompleteAssurance } from '../support/listing-rows.ts';
import { movableToday } from '../support/movable-clock.ts';
import { WebClient } from '../support/web-client.ts';

const clock = movableToday('2027-03-01');

describe('listing and message pages', () => {
  let t: TestApp;
  let provider: WebClient;
  let commissioner: WebClient;
  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo', clock });
    provider = new WebClient(t.app);
    await provider.signIn('provider.admin@aqp.example');
    commissioner = new WebClient(t.app);
    await commissioner.signIn('commissioner@aqp.example');
  });
  afterAll(() => t.close());

  it('lets the provider accept the contract, the commissioner suspend with a reason, and both see the history and messages', async () => {
    const offerId = (await t.app.inject('/api/v1/offers?service=adult-hearing&commissioner=02T')).json().items[0].id;
    const { listingId, providerId } = await aQualifiedListing(t.deps, offerId, 'DEMO1');
    await giveCompleteAssurance(t.deps, providerId, '2027-03-20');
    const url = `/listings/${listingId}`;
    expect((await provider.get('/listings')).body).toContain(url);

    const missing = await provider.submit(url, {}, `${url}/contract`);
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Enter the date the contract starts');
    expect(missing.body).toContain('Confirm that you accept the NHS Standard Contract for this offer');
    expect(missing.body).toContain('href="#contractStart-day"');
    const accepted = await provider.submit(
      url,
      { 'contractStart-day': '1', 'contractStart-month': '3', 'contractStart-year': '2027', accept: 'yes' },
      `${url}/contract`,
    );
    expect(accepted.statusCode).toBe(303);
    expect((await provider.get(url)).body).toContain('Contract accepted. Your sites are live for this offer from today.');
    expect((await t.app.inject(`/api/v1/offers/${offerId}/providers`)).json().items).toHaveLength(1);

    expect((await provider.post(`${url}/action`, { action: 'suspend', reason: 'x' })).statusCode).toBe(403);
    const noReason = await commissioner.submit(url, { action: 'suspend', reason: '' }, `${url}/action`);
    expect(noReason.body).toContain('Say why the listing is suspended');
    const suspended = await commissioner.submit(
      url,
      { action: 'suspend', reason: 'Serious incident under investigation' },
      `${url}/action`,
    );
    expect(suspended.statusCode).toBe(303);
    expect((await t.app.inject(`/api/v1/offers/${offerId}/providers`)).json().items).toEqual([]);
    const page = await provider.get(url);
    expect(page.body).toContain('Serious incident under investigation');
    expect(page.body).toContain('Suspended');

    const offerPage = await t.app.inject(`/offers/${offerId}`);
    expect(offerPage.body).toContain('No provider is live on this offer yet.');
    expect(offerPage.body).toMatch(/Applications received<\/th><td class="nhsuk-table__cell nhsuk-table__cell--numeric">1</);
    const rule = await commissioner.submit(`/offers/${offerId}/compliance`, {
      suspendOnExpiredEvidence: 'yes',
      graceDays: 'ten',
      suspendOnCqcLoss: 'yes',
    });
    expect(rule.body).toContain('Enter the days of grace as a whole number from 0 to 90');
    expect(
      (
        await commissioner.submit(`/offers/${offerId}/compliance`, {
          suspendOnExpiredEvidence: 'yes',
          graceDays: '14',
          suspendOnCqcLoss: 'no',
        })
      ).statusCode,
    ).toBe(303);
    expect((await t.app.inject(`/offers/${offerId}`)).body).toContain('has expired for more than 14 days');
    expect((await commissioner.get(`/listings?offer=${offerId}`)).body).toContain(url);

    await runCompliance(t.deps, { triggeredBy: 'test' });
    const messages = await provider.get('/messages');
    expect(messages.body).toContain('Assurance evidence due for renewal');
    const id = /action="\/messages\/([0-9a-f-]+)\/read"/.exec(messages.body)![1]!;
    expect((await provider.submit('/messages', {}, `/messages/${id}/read`)).statusCode).toBe(303);
    expect((await commissioner.post(`/messages/${id}/read`, { _csrf: 'x' })).statusCode).toBe(403);
  });
});
