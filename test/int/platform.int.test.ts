import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { WebClient } from '../support/web-client.ts';

describe('the platform shell', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: 'region' });
  });
  afterAll(() => t.close());

  it('answers the health probes', async () => {
    expect((await t.app.inject('/health/live')).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject('/health/ready')).json()).toEqual({ status: 'ok', database: 'ok' });
  });

  it('sets the security headers on pages, API answers, errors and static files, the policy allowing only our own files', async () => {
    const policy =
      "default-src 'self';base-uri 'self';font-src 'self' https: data:;form-action 'self';frame-ancestors 'none';img-src 'self' data:;object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self'";
    for (const url of ['/', '/api/v1/me', '/no-such-page', '/health/live', '/nhsuk/nhsuk-frontend.min.js']) {
      const headers = (await t.app.inject(url)).headers;
      expect(headers['content-security-policy'], url).toBe(policy);
      expect(headers['x-content-type-options'], url).toBe('nosniff');
      expect(headers['x-frame-options'], url).toBe('SAMEORIGIN');
      expect(headers['strict-transport-security'], url).toBe('max-age=31536000; includeSubDomains');
      expect(headers['referrer-policy'], url).toBe('no-referrer');
      expect(headers['cross-origin-opener-policy'], url).toBe('same-origin');
      expect(headers['x-powered-by'], url).toBeUndefined();
    }
  });

  it('publishes an OpenAPI 3 document of the API only', async () => {
    const response = await t.app.inject('/api/v1/openapi.json');
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/v1/me', '/api/v1/organisations', '/api/v1/api-keys']));
    expect(Object.keys(document.paths).every((path: string) => path.startsWith('/api/v1/'))).toBe(true);
    expect((await t.app.inject('/api/v1/docs/')).statusCode).toBe(200);
  });

  it('shows the data licence attribution on About the data', async () => {
    const response = await t.app.inject('/about-the-data');
    expect(response.body).toContain('Contains OS data © Crown copyright and database right 2025');
    expect(response.body).toContain('Open Government Licence v3.0');
  });

  it('serves the NHS design system styles and scripts', async () => {
    expect((await t.app.inject('/nhsuk/nhsuk-frontend.min.css')).statusCode).toBe(200);
    expect((await t.app.inject('/nhsuk/nhsuk-frontend.min.js')).statusCode).toBe(200);
    expect((await t.app.inject('/nhsuk/package.json')).statusCode).toBe(404);
  });

  it('lets a platform admin create an account, with errors beside each field first', async () => {
    const client = new WebClient(t.app);
    await client.signIn('platform.admin@aqp.example');
    const invalid = await client.submit('/admin/users/new', {
      displayName: '',
      email: 'not-an-email',
      organisationCode: '',
      organisationId: '',
      role: '',
      password: 'short',
    });
    expect(invalid.statusCode).toBe(400);
    for (const text of [
      'Enter the person’s full name',
      'Enter an email address in the correct format',
      'Enter the organisation’s ODS code',
      'Select a role',
      'Password must be 12 characters or more',
    ]) {
      expect(invalid.body).toContain(text);
    }
    const unknown = await client.submit('/admin/users/new', {
      displayName: 'W',
      email: 'w@aqp.example',
      organisationCode: 'zz9',
      organisationId: '',
      role: 'commissioner',
      password: 'a-long-enough-password',
    });
    expect(unknown.body).toContain('There is no organisation with the ODS code ZZ9');
    const created = await client.submit('/admin/users/new', {
      displayName: 'Wendy Wakefield',
      email: 'wendy@aqp.example',
      organisationCode: '03r',
      organisationId: '',
      role: 'commissioner',
      password: 'a-long-enough-password',
    });
    expect(created.statusCode).toBe(303);
    const wendy = new WebClient(t.app, '10.9.9.9');
    expect((await wendy.signIn('wendy@aqp.example', 'a-long-enough-password')).statusCode).toBe(303);
    expect((await wendy.get('/commissioning')).body).toContain('NHS West Yorkshire ICB - 03R');
  });

  it('searches organisations by name or ODS code, paginated', async () => {
    const token = await adminApiToken();
    const response = await t.app.inject({
      url: '/api/v1/organisations?q=nhs%20west&pageSize=2',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.total).toBe(4);
    expect(body.items).toHaveLength(2);
    const byCode = await t.app.inject({ url: '/api/v1/organisations?q=x2c4y', headers: { authorization: `Bearer ${token}` } });
    expect(byCode.json().items.map((o: { odsCode: string }) => o.odsCode)).toEqual(['X2C4Y']);
  });

  async function adminApiToken(): Promise<string> {
    const client = new WebClient(t.app);
    await client.signIn('platform.admin@aqp.example');
    const created = await client.submit('/api-keys', { name: 'Ops', role: 'platform-admin' });
    return /id="api-key-token">([^<]+)</.exec(created.body)![1]!;
  }
});

describe('the NHS stylesheet', () => {
  it('is served without the @font-face rules that would fetch fonts from another site', async () => {
    const t = await createTestApp({ seed: false });
    try {
      const response = await t.app.inject('/nhsuk/nhsuk-frontend.min.css');
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('.nhsuk-header');
      expect(response.body).not.toContain('@font-face');
      expect(response.body).not.toContain('assets.nhs.uk');
      const cached = await t.app.inject({
        url: '/nhsuk/nhsuk-frontend.min.css',
        headers: { 'if-none-match': String(response.headers.etag) },
      });
      expect(cached.statusCode).toBe(304);
    } finally {
      await t.close();
    }
  });
});
