import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGN_IN_ATTEMPTS_PER_MINUTE } from '../../src/http/web/sign-in/sign-in.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { WebClient } from '../support/web-client.ts';

describe('signing in', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: 'region' });
  });
  afterAll(() => t.close());

  it('signs a demo commissioner in and shows their tasks', async () => {
    const client = new WebClient(t.app, '10.0.0.1');
    const response = await client.signIn('commissioner@aqp.example');
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/');
    const home = await client.get('/');
    expect(home.body).toContain('Your tasks');
    expect(home.body).toContain('Chloe Commissioner');
    expect(home.body).toContain('href="/commissioning"');
  });

  it('shows the error summary and starts no signed-in session for a wrong password', async () => {
    const client = new WebClient(t.app, '10.0.0.2');
    const response = await client.signIn('commissioner@aqp.example', 'not-the-password');
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('nhsuk-error-summary');
    expect(response.body).toContain('Enter a correct email address and password');
    expect(response.body).toContain('href="#email"');
    const home = await client.get('/');
    expect(home.body).not.toContain('Your tasks');
    const commissioning = await client.get('/commissioning');
    expect(commissioning.statusCode).toBe(303);
    expect(commissioning.headers.location).toBe('/sign-in?returnTo=%2Fcommissioning');
    const failures = await t.deps.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'sign-in')
      .where('outcome', '=', 'failure')
      .execute();
    expect(failures.length).toBeGreaterThanOrEqual(1);
  });

  it('asks for both fields when they are empty', async () => {
    const client = new WebClient(t.app, '10.0.0.3');
    const response = await client.submit('/sign-in', { email: '', password: '' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Enter your email address');
    expect(response.body).toContain('Enter your password');
  });

  it(`throttles the ${SIGN_IN_ATTEMPTS_PER_MINUTE + 1}th failed sign-in from one address within a minute`, async () => {
    const client = new WebClient(t.app, '10.0.0.4');
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= SIGN_IN_ATTEMPTS_PER_MINUTE + 1; attempt += 1) {
      statuses.push((await client.signIn(`guess-${attempt}@aqp.example`, `wrong-${attempt}`)).statusCode);
    }
    expect(statuses.slice(0, SIGN_IN_ATTEMPTS_PER_MINUTE).every((status) => status === 400)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    const other = new WebClient(t.app, '10.0.0.5');
    expect((await other.signIn('commissioner@aqp.example')).statusCode).toBe(303);
  });

  it('returns to the page that asked for sign-in, and never to another site', async () => {
    const client = new WebClient(t.app, '10.0.0.6');
    const page = await client.get('/sign-in?returnTo=%2Forganisation');
    expect(page.body).toContain('name="returnTo" value="/organisation"');
    const offsite = await client.get('/sign-in?returnTo=%2F%2Fevil.example');
    expect(offsite.body).toContain('name="returnTo" value="/"');
  });

  it('signs out only from a same-origin form and ends the session', async () => {
    const client = new WebClient(t.app, '10.0.0.7');
    await client.signIn('referrer@aqp.example');
    const crossSite = await client.post('/sign-out', {}, { 'sec-fetch-site': 'cross-site' });
    expect(crossSite.statusCode).toBe(403);
    expect((await client.get('/organisation')).statusCode).toBe(200);
    const signOut = await client.post('/sign-out', {});
    expect(signOut.headers.location).toBe('/signed-out');
    expect((await client.get('/organisation')).statusCode).toBe(303);
  });
});

describe('session storage', () => {
  it('writes a session row only when the session changes, not on every page view', async () => {
    const t = await createTestApp({ seed: 'region' });
    try {
      const client = new WebClient(t.app, '10.1.0.1');
      await client.signIn('referrer@aqp.example');
      await client.get('/');
      const before = await t.deps.db.selectFrom('web_sessions').select(['id', 'expires_at']).execute();
      for (const url of ['/organisation', '/', '/cookies']) expect((await client.get(url)).statusCode).toBe(200);
      const after = await t.deps.db.selectFrom('web_sessions').select(['id', 'expires_at']).execute();
      expect(after).toEqual(before);
    } finally {
      await t.close();
    }
  });
});
