import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { aRegistrationForm } from '../support/provider-fixtures.ts';
import { WebClient } from '../support/web-client.ts';

describe('the password policy wherever a password is set', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: 'region' });
  });
  afterAll(() => t.close());

  it('shows a platform admin why a new account’s password is refused, next to the field, and creates nothing', async () => {
    const admin = new WebClient(t.app, '10.30.0.1');
    await admin.signIn('platform.admin@aqp.example');
    const account = {
      displayName: 'Wendy Wakefield',
      email: 'wendy.wakefield@aqp.example',
      organisationCode: '03R',
      organisationId: '',
      role: 'commissioner',
    };
    for (const [password, message] of [
      [' '.repeat(12), 'Password must include letters, numbers or symbols, not only spaces'],
      ['password1234', 'This password is too common'],
      ['123456789012', 'Password must not be a repeated or sequential pattern'],
      ['wendy.wakefield@aqp.example', 'Password must not include your email address'],
      ['wakefield-in-winter', 'Password must not include your name'],
    ] as const) {
      const refused = await admin.submit('/admin/users/new', { ...account, password });
      expect(refused.statusCode, password).toBe(400);
      expect(refused.body).toContain(message);
      expect(refused.body).toContain('href="#password"');
    }
    expect(
      await t.deps.db.selectFrom('users').select('id').where('email', '=', 'wendy.wakefield@aqp.example').executeTakeFirst(),
    ).toBeUndefined();
    expect((await admin.submit('/admin/users/new', { ...account, password: 'otter lantern kettle' })).statusCode).toBe(303);
  });

  it('refuses a provider administrator’s common password when a provider registers, on the page and in the API', async () => {
    const page = await new WebClient(t.app, '10.30.0.2').submit(
      '/providers/register',
      aRegistrationForm({ adminPassword: 'Password1234!' }),
    );
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('This password is too common');
    expect(page.body).toContain('href="#adminPassword"');
    const form = aRegistrationForm();
    const api = await t.app.inject({
      method: 'POST',
      url: '/api/v1/provider-registrations',
      remoteAddress: '10.30.0.3',
      payload: {
        name: form.name,
        providerType: 'voluntary',
        charityNumber: '1123456',
        email: form.email,
        odsCode: '',
        admin: { displayName: 'Ava Api', email: form.adminEmail, password: 'aaaaaaaaaaaa' },
      },
    });
    expect(api.statusCode).toBe(400);
    expect(api.json().errors).toContainEqual({
      field: 'adminPassword',
      message: 'Password must not be a repeated or sequential pattern, like aaaa or 1234',
    });
  });
});
