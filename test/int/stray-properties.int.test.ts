import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { movableToday } from '../support/movable-clock.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { apiKeyFor } from '../support/web-client.ts';

/** Found by the fuzz test: properties a body schema does not name must not reach the database, not even the audit trail. */
describe('properties a request body should not have', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await createTestApp({ seed: 'region', clock: movableToday('2027-02-01') });
    token = await apiKeyFor(t.app, 'commissioner@aqp.example', 'commissioner', 'Offer tools');
  });
  afterAll(() => t.close());

  const call = (method: 'POST' | 'PUT', url: string, payload: object) =>
    t.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, payload });
  const auditDetails = async (action: string) =>
    (
      await t.deps.db
        .selectFrom('audit_events')
        .select('details')
        .where('action', '=', action)
        .orderBy('occurred_at', 'desc')
        .executeTakeFirstOrThrow()
    ).details;
  const stray = { note: 'a note the schema does not name', nested: { deeper: ['x'.repeat(5_000)] } };

  async function draftOffer(): Promise<string> {
    return (await call('POST', '/api/v1/offers', { serviceCode: 'adult-hearing', title: 'Adult hearing', coverage: ['02T'] })).json()
      .id as string;
  }

  it('keeps stray properties of a compliance rule out of the audit trail', async () => {
    const id = await draftOffer();
    const response = await call('PUT', `/api/v1/offers/${id}/compliance-rule`, {
      suspendOnExpiredEvidence: true,
      graceDays: 10,
      suspendOnCqcLoss: false,
      ...stray,
    });
    expect(response.statusCode, response.body).toBe(204);
    expect(await auditDetails('offer.compliance-rule')).toEqual({ suspendOnExpiredEvidence: true, graceDays: 10, suspendOnCqcLoss: false });
  });

  it('keeps stray properties of an offer’s details and prices out of the audit trail', async () => {
    const id = await draftOffer();
    const details = await call('PUT', `/api/v1/offers/${id}`, {
      title: 'Adult hearing',
      contractStart: '2027-04-01',
      contractEnd: '2030-03-31',
      windowKind: 'rolling',
      windowOpens: '2027-02-15',
      windowCloses: null,
      ...stray,
    });
    expect(details.statusCode, details.body).toBe(204);
    expect(Object.keys((await auditDetails('offer.details')) as object)).not.toContain('note');
    const prices = await call('POST', `/api/v1/offers/${id}/prices`, {
      effectiveFrom: '2027-04-01',
      prices: [
        { complexityBand: 'MONAURAL', pricePence: 45_000 },
        { complexityBand: 'BINAURAL', pricePence: 72_500 },
      ],
      ...stray,
    });
    expect(prices.statusCode, prices.body).toBe(204);
    expect(Object.keys((await auditDetails('offer.prices')) as object).sort()).toEqual(['effectiveFrom', 'prices']);
  });
});
