import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { WebClient } from '../support/web-client.ts';

describe('CSRF protection on forms', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: 'region' });
  });
  afterAll(() => t.close());

  it('refuses a sign-in POST without a token with 403 and signs no one in', async () => {
    const client = new WebClient(t.app);
    await client.get('/sign-in');
    const response = await client.post('/sign-in', { email: 'commissioner@aqp.example', password: 'aqp-demo-password' });
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('Your form expired');
    expect((await client.get('/')).body).not.toContain('Your tasks');
  });

  it('refuses a form POST with a forged token and changes nothing', async () => {
    const client = new WebClient(t.app);
    await client.signIn('provider.admin@aqp.example');
    const before = await t.deps.db.selectFrom('api_keys').select('id').execute();
    const response = await client.post('/api-keys', { _csrf: 'forged-token', name: 'Sneaky', role: 'provider-admin' });
    expect(response.statusCode).toBe(403);
    expect(await t.deps.db.selectFrom('api_keys').select('id').execute()).toEqual(before);
  });

  it('accepts the same form with the page’s own token', async () => {
    const client = new WebClient(t.app);
    await client.signIn('provider.admin@aqp.example');
    const response = await client.submit('/api-keys', { name: 'Patient administration system', role: 'provider-admin' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('API key created');
  });
});
