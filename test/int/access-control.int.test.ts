import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { WebClient } from '../support/web-client.ts';

describe('access by role and organisation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: 'region' });
  });
  afterAll(() => t.close());

  it('refuses a provider user a commissioner page with 403 and writes an audit row', async () => {
    const client = new WebClient(t.app);
    await client.signIn('provider.admin@aqp.example');
    const response = await client.get('/commissioning');
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('You do not have permission to see this page');
    const denied = await t.deps.db
      .selectFrom('audit_events as a')
      .innerJoin('users as u', 'u.id', 'a.actor_user_id')
      .select(['a.action', 'a.outcome', 'a.role', 'a.entity_id', 'a.client_address', 'u.email'])
      .where('a.action', '=', 'access-denied')
      .execute();
    expect(denied).toEqual([
      {
        action: 'access-denied',
        outcome: 'denied',
        role: 'provider-admin',
        entity_id: 'GET /commissioning',
        client_address: '127.0.0.1',
        email: 'provider.admin@aqp.example',
      },
    ]);
  });

  it('shows the commissioner their commissioning workspace with the sub-ICB locations', async () => {
    const client = new WebClient(t.app);
    await client.signIn('commissioner@aqp.example');
    const response = await client.get('/commissioning');
    expect(response.statusCode).toBe(200);
    for (const code of ['02T', 'X2C4Y', '03R']) expect(response.body).toContain(code);
  });

  it('keeps platform administration to platform administrators', async () => {
    const referrer = new WebClient(t.app);
    await referrer.signIn('referrer@aqp.example');
    for (const url of ['/admin/users', '/admin/organisations', '/admin/audit']) expect((await referrer.get(url)).statusCode).toBe(403);
    const admin = new WebClient(t.app);
    await admin.signIn('platform.admin@aqp.example');
    const audit = await admin.get('/admin/audit');
    expect(audit.statusCode).toBe(200);
    expect(audit.body).toContain('access-denied');
  });

  it('sends anonymous visitors to sign in rather than showing a protected page', async () => {
    const response = await new WebClient(t.app).get('/admin/users');
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/sign-in?returnTo=%2Fadmin%2Fusers');
  });

  it('answers unknown pages with the NHS page-not-found page', async () => {
    const response = await new WebClient(t.app).get('/no-such-page');
    expect(response.statusCode).toBe(404);
    expect(response.body).toContain('Page not found');
  });
});
