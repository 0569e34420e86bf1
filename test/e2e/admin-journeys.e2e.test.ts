import { describe, expect, it } from 'vitest';
import { expectAccessible } from '../support/browser.ts';
import { signedInPage, useServerAndBrowser } from '../support/browser-session.ts';

describe('administration journeys in Chromium', () => {
  const session = useServerAndBrowser();

  it('lets a provider admin create an API key, see it once, use it and revoke it', async () => {
    const page = await signedInPage(session, 'provider.admin@aqp.example');
    await page.goto(`${session.server.baseUrl}/api-keys`);
    await page.getByRole('button', { name: 'Create key' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('Enter a name for the key');
    await expectAccessible(page);
    await page.getByLabel('Name').fill('Clinic system');
    await page.getByLabel('Role the key acts in').selectOption('provider-clinician');
    await page.getByRole('button', { name: 'Create key' }).click();
    const token = (await page.locator('#api-key-token').textContent())!.trim();
    await expectAccessible(page);
    const me = await fetch(`${session.server.baseUrl}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    await page.getByRole('link', { name: 'Back to API keys' }).click();
    await page.getByRole('button', { name: 'Revoke Clinic system' }).click();
    expect(await page.locator('.nhsuk-notification-banner--success').textContent()).toContain('revoked');
    await expectAccessible(page);
    expect((await fetch(`${session.server.baseUrl}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
    await page.context().close();
  });

  it('lets a platform admin create an account, fixing errors shown beside the fields', async () => {
    const page = await signedInPage(session, 'platform.admin@aqp.example');
    await page.getByRole('link', { name: 'Users' }).first().click();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Create an account' }).click();
    await page.getByRole('button', { name: 'Create account' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('Enter the person’s full name');
    await expectAccessible(page);
    await page.getByLabel('Full name').fill('Kim Kirklees');
    await page.getByLabel('Email address').fill('kim@aqp.example');
    await page.getByLabel('Organisation’s ODS code').fill('X2C4Y');
    await page.getByLabel('Role').selectOption('commissioner');
    await page.getByLabel('Temporary password').fill('moorland kettle otter');
    await page.getByRole('button', { name: 'Create account' }).click();
    expect(await page.locator('.nhsuk-notification-banner--success').textContent()).toContain('Account created for Kim Kirklees');
    for (const path of [
      '/admin/organisations',
      '/admin/organisations?q=west',
      '/admin/organisations/B84001',
      '/admin/organisations/QWO',
      '/admin/reference-data',
      '/admin/audit',
    ]) {
      await page.goto(`${session.server.baseUrl}${path}`);
      await expectAccessible(page);
    }
    await page.context().close();
  });

  it('shows the national catalogue accessibly and lets a national admin add a service', async () => {
    const page = await signedInPage(session, 'national.admin@aqp.example');
    await page.getByRole('link', { name: 'National service catalogue' }).first().click();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Adult hearing' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Adult hearing');
    await expectAccessible(page);
    await page.goto(`${session.server.baseUrl}/catalogue/new`);
    await page.getByRole('button', { name: 'Save service' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('Enter the service name');
    await expectAccessible(page);
    await page.getByLabel('Service name').fill('Hearing aid repairs');
    await page.getByLabel('Code').fill('hearing-aid-repairs');
    await page.getByLabel('Category').fill('Audiology');
    await page.getByLabel('Wider list').check();
    await page.getByLabel('National definition').fill('Repairs and maintenance of NHS hearing aids.');
    await page.getByRole('button', { name: 'Save service' }).click();
    expect(await page.locator('.nhsuk-notification-banner--success').textContent()).toContain('Hearing aid repairs has been added');
    await expectAccessible(page);
    await page.context().close();
  });

  // axe itself needs JavaScript, so this journey checks behaviour; the same pages are axe-checked above and in roles.e2e.
  it('works without JavaScript: sign in, see tasks, sign out', async () => {
    const page = await signedInPage(session, 'referrer@aqp.example', { javaScriptEnabled: false });
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Your tasks');
    await page.getByRole('link', { name: 'Your organisation' }).last().click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Station Road Surgery');
    await page.getByRole('button', { name: 'Sign out' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('You have signed out');
    await page.context().close();
  });

  it('lets a commissioner set the email address AQP tells about new messages, fixing an error shown beside the field', async () => {
    const page = await signedInPage(session, 'commissioner@aqp.example');
    await page.goto(`${session.server.baseUrl}/organisation`);
    await page.getByRole('link', { name: 'Change email for messages' }).click();
    await page.waitForURL(/\/organisation\/contact-email$/);
    await expectAccessible(page);
    await page.getByLabel('Email address').fill('not an address');
    await page.getByRole('button', { name: 'Save email address' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('Enter an email address in the correct format');
    await expectAccessible(page);
    await page.getByLabel('Email address').fill('aqp.team@example.nhs.uk');
    await page.getByRole('button', { name: 'Save email address' }).click();
    expect(await page.locator('main').textContent()).toContain('aqp.team@example.nhs.uk');
    await expectAccessible(page);
    await page.context().close();
  });
});
