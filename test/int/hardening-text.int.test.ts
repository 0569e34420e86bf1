import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { apiKeyFor, WebClient } from '../support/web-client.ts';

describe('text PostgreSQL cannot store is refused at the edge, naming the field', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await createTestApp({ seed: 'region' });
    token = await apiKeyFor(t.app, 'commissioner@aqp.example', 'commissioner', 'Offer tools');
  });
  afterAll(() => t.close());

  const offerCount = async () =>
    Number(
      (
        await t.deps.db
          .selectFrom('offers')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('refuses a NUL in a path parameter of an anonymous API read with a 400 problem', async () => {
    const response = await t.app.inject('/api/v1/services/%00');
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ status: 400, code: 'validation-failed', errors: [{ field: 'code' }] });
  });

  it('refuses a NUL in a query string', async () => {
    const response = await t.app.inject('/api/v1/services?phase=wider%00list');
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([{ field: 'phase', message: expect.stringContaining('cannot store') }]);
  });

  it('refuses a lone surrogate written as a JSON escape, naming the field, and stores nothing', async () => {
    const before = await offerCount();
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/offers',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: '{"serviceCode":"adult-hearing","title":"Hearing \\ud800","coverage":["02T"]}',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'validation-failed', errors: [{ field: 'title' }] });
    expect(await offerCount()).toBe(before);
  });

  it('names the nested field of a NUL deep in a JSON body', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/self-referrals',
      headers: { 'content-type': 'application/json' },
      remoteAddress: '10.30.0.1',
      payload: JSON.stringify({ serviceCode: 'psychological-therapies', patient: { givenName: 'Sam\u0000' } }),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([{ field: 'patient.givenName', message: expect.any(String) }]);
  });

  it('refuses a NUL in the sign-in email with a page that names the field', async () => {
    const client = new WebClient(t.app, '10.30.0.2');
    const response = await client.signIn('commissioner\u0000@aqp.example');
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('email contains a character this service cannot store');
    expect(client.hasSessionCookie && (await client.get('/')).body.includes('Your tasks')).toBe(false);
  });

  it('refuses a NUL in the self-referral form with a page that names the field', async () => {
    const client = new WebClient(t.app, '10.30.0.3');
    const response = await client.submit(
      '/sign-in',
      { postcode: 'HX6 3AB', practice: 'B84001', givenName: 'Robin\u0000', familyName: 'Hood' },
      '/self-referral/services/psychological-therapies',
    );
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('givenName contains a character this service cannot store');
  });

  it('checks who is asking before the text, so a stranger to a protected API gets 401 rather than a 400 naming a field', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/offers',
      headers: { 'content-type': 'application/json' },
      payload: { serviceCode: 'x\u0000' },
      remoteAddress: '10.30.0.4',
    });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'unauthenticated' });
  });

  it('sends a stranger to a protected page to sign in, whatever its query string holds', async () => {
    const response = await new WebClient(t.app, '10.30.0.5').get('/admin/audit?action=x%00');
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toMatch(/^\/sign-in\?returnTo=/);
  });

  it('refuses a signed-in person without the role, and records the denied access, before looking at the text', async () => {
    const client = new WebClient(t.app, '10.30.0.6');
    await client.signIn('provider.admin@aqp.example');
    const response = await client.get('/admin/audit?action=x%00');
    expect(response.statusCode).toBe(403);
    const denied = await t.deps.db.selectFrom('audit_events').select('entity_id').where('action', '=', 'access-denied').execute();
    expect(denied).toEqual([{ entity_id: 'GET /admin/audit' }]);
  });
});
