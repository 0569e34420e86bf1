import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placePostcodes } from '../support/referral-rows.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { apiKeyFor, WebClient } from '../support/web-client.ts';

describe('small defects at the edge', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: 'region' });
    await placePostcodes(t.deps);
  });
  afterAll(() => t.close());

  it('answers a body over the size limit with 413, a problem for the API and a page for people', async () => {
    const token = await apiKeyFor(t.app, 'commissioner@aqp.example', 'commissioner', 'Offer tools');
    const huge = JSON.stringify({ serviceCode: 'adult-hearing', title: 'x'.repeat(1024 * 1024 + 1), coverage: ['02T'] });
    const api = await t.app.inject({
      method: 'POST',
      url: '/api/v1/offers',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: huge,
    });
    expect(api.statusCode).toBe(413);
    expect(api.json()).toMatchObject({ status: 413, code: 'too-large' });
    const page = await new WebClient(t.app, '10.40.0.1').post('/sign-in', { email: 'x'.repeat(1024 * 1024 + 1) });
    expect(page.statusCode).toBe(413);
    expect(page.body).toContain('larger than this service accepts');
  });

  it('says in the OpenAPI document that the open data needs no key, and that the rest does', async () => {
    const paths = (await t.app.inject('/api/v1/openapi.json')).json().paths;
    for (const path of [
      '/api/v1/services',
      '/api/v1/services/{code}',
      '/api/v1/offers',
      '/api/v1/offers/{id}',
      '/api/v1/directory',
      '/api/v1/directory/providers/{code}',
      '/api/v1/map',
    ]) {
      expect(paths[path].get.security, path).toEqual([]);
    }
    expect(paths['/api/v1/offers'].post.security).toBeUndefined();
    expect(paths['/api/v1/messages'].get.security).toBeUndefined();
  });

  it('shows the problem page, not "does not commission that service", when the database fails on the new-referral page', async () => {
    const referrer = new WebClient(t.app, '10.40.0.2');
    await referrer.signIn('referrer@aqp.example');
    expect((await referrer.get('/referrals/new/no-such-service')).statusCode).toBe(404);
    await sql`ALTER TABLE offers RENAME TO offers_away`.execute(t.deps.db);
    try {
      const outage = await referrer.get('/referrals/new/adult-hearing');
      expect(outage.statusCode).toBe(500);
      expect(outage.body).not.toContain('does not commission');
    } finally {
      await sql`ALTER TABLE offers_away RENAME TO offers`.execute(t.deps.db);
    }
  });
});
