import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendMessage } from '../../src/domains/compliance/compliance.repo.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { apiKeyFor } from '../support/web-client.ts';

describe('API bodies must have the declared types; query strings are still read as text', () => {
  let t: TestApp;
  let commissioner: string;
  let provider: string;
  beforeAll(async () => {
    t = await createTestApp({ seed: 'region' });
    commissioner = await apiKeyFor(t.app, 'commissioner@aqp.example', 'commissioner', 'Offer tools');
    provider = await apiKeyFor(t.app, 'provider.admin@aqp.example', 'provider-admin', 'Provider tools');
  });
  afterAll(() => t.close());

  const call = (token: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
  const draftOffer = async () =>
    (await call(commissioner, 'POST', '/api/v1/offers', { serviceCode: 'adult-hearing', title: 'Hearing', coverage: ['02T'] })).json()
      .id as string;

  it('refuses a boolean where the body wants text, instead of storing "true"', async () => {
    const response = await call(commissioner, 'POST', '/api/v1/offers', { serviceCode: 'adult-hearing', title: true, coverage: ['02T'] });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'validation-failed', errors: [{ field: 'title' }] });
  });

  it('refuses null and text where the body wants a whole number, instead of storing 0', async () => {
    const id = await draftOffer();
    expect(
      (
        await call(commissioner, 'PUT', `/api/v1/offers/${id}/compliance-rule`, {
          suspendOnExpiredEvidence: true,
          graceDays: 7,
          suspendOnCqcLoss: false,
        })
      ).statusCode,
    ).toBe(204);
    for (const graceDays of [null, '14']) {
      const response = await call(commissioner, 'PUT', `/api/v1/offers/${id}/compliance-rule`, {
        suspendOnExpiredEvidence: true,
        graceDays,
        suspendOnCqcLoss: false,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors[0].field).toBe('graceDays');
    }
    expect((await call(commissioner, 'GET', `/api/v1/offers/${id}/compliance-rule`)).json().graceDays).toBe(7);
  });

  it('still accepts null in a field declared nullable', async () => {
    const id = await draftOffer();
    const details = await call(commissioner, 'PUT', `/api/v1/offers/${id}`, {
      title: 'Hearing',
      contractStart: '2027-04-01',
      contractEnd: '2030-03-31',
      windowKind: 'rolling',
      windowOpens: '2027-02-15',
      windowCloses: null,
    });
    expect(details.statusCode, details.body).toBe(204);
  });

  it('still reads numbers from a query string', async () => {
    const response = await call(commissioner, 'GET', '/api/v1/messages?offset=0');
    expect(response.statusCode, response.body).toBe(200);
  });

  it('marks a message read only when the caller’s organisation can see it: 404 for any other id', async () => {
    const own = await t.deps.db.selectFrom('organisations').select('id').where('ods_code', '=', 'QWO').executeTakeFirstOrThrow();
    await sendMessage(t.deps.db, { organisationId: own.id, subject: 'Evidence expiring', body: 'Please renew.' });
    const { items } = (await call(commissioner, 'GET', '/api/v1/messages')).json();
    const message = items.find((item: { subject: string }) => item.subject === 'Evidence expiring');
    expect((await call(commissioner, 'POST', `/api/v1/messages/${message.id}/read`)).statusCode).toBe(204);
    expect((await call(commissioner, 'POST', `/api/v1/messages/${message.id}/read`)).statusCode).toBe(204);
    expect((await call(commissioner, 'POST', `/api/v1/messages/${randomUUID()}/read`)).statusCode).toBe(404);
    expect((await call(provider, 'POST', `/api/v1/messages/${message.id}/read`)).statusCode).toBe(404);
  });

  it('answers 404, not a database error, for a message id shaped only roughly like a UUID', async () => {
    for (const id of ['-'.repeat(36), 'a'.repeat(36), `${randomUUID().slice(0, 35)}g`]) {
      expect((await call(commissioner, 'POST', `/api/v1/messages/${id}/read`)).statusCode, id).toBe(404);
    }
  });
});
