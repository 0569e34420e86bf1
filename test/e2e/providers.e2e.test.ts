import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/region.demo-seed.ts';
import { createUser } from '../../src/domains/identity/user.service.ts';
import { tinyPdf } from '../../src/demo/demo-document.ts';
import { expectAccessible } from '../support/browser.ts';
import { useServerAndBrowser } from '../support/browser-session.ts';
import { insertTestPostcodes } from '../support/provider-fixtures.ts';

describe('a provider’s registration, sites and assurance in Chromium, verified by the national centre', () => {
  const session = useServerAndBrowser();

  async function newPage(): Promise<Page> {
    return (await session.browser.newContext()).newPage();
  }

  async function signIn(page: Page, email: string, password: string) {
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  async function fillDate(page: Page, legend: string, day: string, month: string, year: string) {
    const group = page.getByRole('group', { name: legend });
    await group.getByLabel('Day').fill(day);
    await group.getByLabel('Month').fill(month);
    await group.getByLabel('Year').fill(year);
  }

  it('registers, adds a site, records insurance with a PDF, and a national assessor verifies it', async () => {
    const { baseUrl, deps } = session.server;
    await insertTestPostcodes(deps.db);
    const page = await newPage();

    await page.goto(`${baseUrl}/providers/register`);
    // Registration is for organisations, not patients: it rightly asks for the organisation's ODS code (decision 0033).
    await expectAccessible(page, { public: false });
    await page.getByRole('button', { name: 'Register' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('Enter the organisation’s name');
    await expectAccessible(page, { public: false });
    await page.getByLabel('Organisation name').fill('Elland Hearing (e2e)');
    await page.getByLabel('Independent sector').check();
    await page.getByLabel('Companies House number').fill('01234567');
    await page.getByLabel('Contact email address').fill('contact@elland-hearing.example');
    await page.getByLabel('Full name').fill('Erin Elland');
    await page.getByLabel('Email address', { exact: true }).fill('erin@elland-hearing.example');
    await page.getByLabel('Password', { exact: true }).fill('heron lantern canal');
    await page.getByRole('button', { name: 'Register' }).click();
    await page.waitForURL(/\/sign-in/);
    expect(await page.locator('.nhsuk-notification-banner--success').textContent()).toContain('Your organisation is registered');
    await expectAccessible(page);
    await signIn(page, 'erin@elland-hearing.example', 'heron lantern canal');
    await page.waitForURL(`${baseUrl}/provider/profile`);
    await expectAccessible(page);

    await page.getByRole('main').getByRole('link', { name: 'Sites', exact: true }).click();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Add a site' }).click();
    await page.getByLabel('Site name').fill('Elland hearing clinic');
    await page.getByLabel('Address').fill('1 Southgate, Elland');
    await page.getByLabel('Postcode').fill('HX9 9ZZ');
    await page.getByLabel('At a clinic', { exact: true }).check();
    await page.getByLabel('Accessibility').fill('Step-free access and a hearing loop');
    const monday = page.getByRole('group', { name: 'Monday' });
    await monday.getByLabel('Opens').fill('09:00');
    await monday.getByLabel('Closes').fill('17:30');
    await page.getByRole('button', { name: 'Add site' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('We cannot find the postcode HX9 9ZZ');
    await expectAccessible(page);
    await page.getByLabel('Postcode').fill('HX1 1UJ');
    await page.getByRole('button', { name: 'Add site' }).click();
    await page.waitForURL(`${baseUrl}/provider/sites`);
    expect(await page.getByRole('table').textContent()).toContain('Monday 09:00 to 17:30');
    await expectAccessible(page);

    await page.goto(`${baseUrl}/provider/assurance`);
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Record Indemnity insurance' }).click();
    await expectAccessible(page);
    await page.getByLabel('Policy number').fill('POL-E2E-1');
    await fillDate(page, 'Expiry date', '31', '3', '2031');
    await page
      .locator('input[type="file"][name="document"]')
      .setInputFiles({ name: 'policy.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not really a pdf') });
    await page.getByRole('button', { name: 'Record evidence' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('The file must be a PDF, PNG or JPEG');
    await expectAccessible(page);
    await page
      .locator('input[type="file"][name="document"]')
      .setInputFiles({ name: 'policy.pdf', mimeType: 'application/pdf', buffer: Buffer.from(tinyPdf('Certificate of insurance')) });
    await page.getByRole('button', { name: 'Record evidence' }).click();
    await page.waitForURL(`${baseUrl}/provider/assurance`);
    expect(await page.getByRole('table').textContent()).toContain('Awaiting verification');
    await expectAccessible(page);

    const national = await deps.db.selectFrom('organisations').select('id').where('kind', '=', 'national').executeTakeFirstOrThrow();
    await createUser(
      deps,
      { principal: null, clientAddress: null },
      {
        email: 'e2e.verifier@aqp.example',
        displayName: 'Vera Verifier',
        password: DEMO_PASSWORD,
        organisationId: national.id,
        role: 'assessor',
      },
    );
    const verifier = await newPage();
    await verifier.goto(`${baseUrl}/assurance/verification`);
    await signIn(verifier, 'e2e.verifier@aqp.example', DEMO_PASSWORD);
    await verifier.waitForURL(`${baseUrl}/assurance/verification`);
    await expectAccessible(verifier);
    await verifier.getByRole('link', { name: 'Indemnity insurance from Elland Hearing (e2e)' }).click();
    await expectAccessible(verifier);
    const download = verifier.waitForEvent('download');
    await verifier.getByRole('link', { name: 'policy.pdf' }).click();
    expect((await download).suggestedFilename()).toBe('policy.pdf');
    await verifier.getByLabel('Yes, verify it').check();
    await verifier.getByRole('button', { name: 'Save verdict' }).click();
    await verifier.waitForURL(`${baseUrl}/assurance/verification`);
    expect(await verifier.locator('.nhsuk-notification-banner--success').textContent()).toContain('The evidence has been verified');
    await expectAccessible(verifier);

    await page.reload();
    expect(await page.getByRole('table').textContent()).toContain('Verified');
  });

  it('lets a provider administrator invite a colleague, who joins through the link', async () => {
    const { baseUrl } = session.server;
    const admin = await newPage();
    await admin.goto(`${baseUrl}/sign-in`);
    await signIn(admin, 'provider.admin@aqp.example', DEMO_PASSWORD);
    await admin.waitForURL(`${baseUrl}/`);
    await admin.goto(`${baseUrl}/provider/invitations`);
    await expectAccessible(admin);
    await admin.getByLabel('Full name').fill('Iris Invitee');
    await admin.getByLabel('Email address').fill('iris@pennine.example');
    await admin.getByLabel('Provider clinician or administrator').check();
    await admin.getByRole('button', { name: 'Create invitation' }).click();
    const link = (await admin.locator('#invitation-link').textContent())!.trim();
    await expectAccessible(admin);

    const invitee = await newPage();
    await invitee.goto(link);
    await expectAccessible(invitee);
    await invitee.getByLabel('Choose a password').fill('copper meadow violin');
    await invitee.getByRole('button', { name: /^Join / }).click();
    await invitee.waitForURL(`${baseUrl}/sign-in`);
    await signIn(invitee, 'iris@pennine.example', 'copper meadow violin');
    await invitee.waitForURL(`${baseUrl}/`);
    await invitee.goto(`${baseUrl}/provider/sites`);
    expect(await invitee.getByRole('table').textContent()).toContain('Halifax hearing clinic');
    await expectAccessible(invitee);
  });
});
