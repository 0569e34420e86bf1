import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/region.demo-seed.ts';
import { aProvider } from '../support/application-rows.ts';
import { completeAssurance } from '../support/assurance-rows.ts';
import { expectAccessible, expectNoSidewaysScroll } from '../support/browser.ts';
import { useServerAndBrowser } from '../support/browser-session.ts';

describe('qualification in Chromium: apply, mark, clarify, answer, check and confirm the decision', () => {
  const session = useServerAndBrowser();

  async function signedInPage(email: string): Promise<Page> {
    const context = await session.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${session.server.baseUrl}/sign-in`);
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${session.server.baseUrl}/`);
    return page;
  }

  /** Axe, then no sideways scrolling at 320 px wide (WCAG 1.4.10), then back to the usual width. */
  async function expectAccessibleAndReflows(page: Page): Promise<void> {
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);
  }

  async function visit(page: Page, path: string): Promise<void> {
    await page.goto(`${session.server.baseUrl}${path}`);
    await expectAccessible(page);
  }

  async function apply(page: Page, offerTitle: string, siteName: string, capability: string): Promise<string> {
    await visit(page, '/provider/offers');
    await page.getByRole('link', { name: `Apply to ${offerTitle}` }).click();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Submit application' }).click();
    const summary = await page.getByRole('alert').textContent();
    expect(summary).toContain('Confirm that you accept the offer’s price');
    expect(summary).toContain('Select at least one site');
    await expectAccessible(page);
    await page.getByLabel('We accept the terms of the NHS Standard Contract').check();
    await page.getByLabel('We accept the offer’s price schedule shown above').check();
    await page.getByLabel('How will you deliver the service specification?').fill(capability);
    await page.getByLabel('We will comply with the offer’s referral protocol').check();
    await page
      .getByLabel('How will you comply with the referral protocol?')
      .fill('We return referrals outside the criteria the same day and refer red flags onward.');
    await page.getByLabel('We agree to the local schedules: reporting, the information model and the KPIs').check();
    await page.getByLabel(siteName).check();
    await page.getByRole('button', { name: 'Submit application' }).click();
    expect(await page.locator('.nhsuk-notification-banner--success').textContent()).toContain(
      'Your application has been submitted for assessment',
    );
    await expectAccessible(page);
    return page.url();
  }

  it('takes a provider from application through saved marks and a clarification to a checked, confirmed qualification, keeping the marks throughout', async () => {
    const db = session.server.deps.db;
    const first = await aProvider(db, {
      odsCode: 'TSTE1',
      name: 'Brighouse Hearing (e2e)',
      adminEmail: 'admin@brighouse-e2e.example',
      sites: 2,
    });
    await completeAssurance(db, first.id).insert();

    const provider = await signedInPage('admin@brighouse-e2e.example');
    const applicationUrl = await apply(
      provider,
      'Adult hearing services, Calderdale (50 and over)',
      'Brighouse Hearing (e2e) Halifax clinic',
      'Two audiologists registered with the HCPC, six days a week.',
    );
    const applicationId = applicationUrl.split('/').at(-1)!;

    const assessor = await signedInPage('assessor@aqp.example');
    await visit(assessor, '/assessment');
    await assessor.getByRole('link', { name: 'Brighouse Hearing (e2e) (TSTE1)' }).click();
    await expectAccessibleAndReflows(assessor);
    expect(await assessor.getByText('Not yet verified').count()).toBeGreaterThan(0);

    const contract = assessor.locator('#criterion-0');
    const price = assessor.locator('#criterion-1');
    await contract.getByRole('radio', { name: 'Pass' }).check();
    await contract.getByLabel('Note').fill('Declaration ticked and signed.');
    await price.getByRole('radio', { name: 'Fail' }).check();
    await assessor.getByRole('button', { name: 'Save mark for Acceptance of the NHS Standard Contract terms' }).click();
    expect(await contract.getByRole('status').textContent()).toContain('Saved: Pass');
    await expectAccessibleAndReflows(assessor);

    await assessor.getByRole('link', { name: 'Ask the provider a clarification question' }).click();
    await expectAccessibleAndReflows(assessor);
    await assessor.getByRole('button', { name: 'Send question' }).click();
    expect(await assessor.getByRole('alert').textContent()).toContain('Enter the question for the provider');
    await expectAccessibleAndReflows(assessor);
    await assessor.getByLabel('Question for the provider').fill('How many of your audiologists hold HCPC registration?');
    await assessor.getByRole('button', { name: 'Send question' }).click();
    expect(await assessor.locator('.nhsuk-notification-banner--success').textContent()).toContain('The assessment clock is paused');
    expect(await contract.getByRole('radio', { name: 'Pass' }).isChecked()).toBe(true);
    expect(await contract.getByLabel('Note').inputValue()).toBe('Declaration ticked and signed.');
    expect(await price.getByRole('radio', { name: 'Fail' }).isChecked()).toBe(true);
    await expectAccessibleAndReflows(assessor);

    await visit(provider, `/applications/${applicationId}`);
    expect(await provider.getByText('How many of your audiologists hold HCPC registration?').count()).toBeGreaterThan(0);
    await provider.getByLabel('Your answer').fill('Both are registered with the HCPC.');
    await provider.getByRole('button', { name: 'Send answer' }).click();
    expect(await provider.locator('.nhsuk-notification-banner--success').textContent()).toContain('Your answer has been sent');
    await expectAccessible(provider);

    await visit(assessor, `/assessment/${applicationId}`);
    expect(await assessor.getByText('Both are registered with the HCPC.').count()).toBeGreaterThan(0);
    for (const radio of await assessor.getByRole('radio', { name: 'Pass' }).all()) await radio.check();
    await assessor.getByRole('button', { name: 'Save mark for Acceptance of the offer’s price' }).click();
    expect(await price.getByRole('status').textContent()).toContain('Saved: Pass');
    await assessor.getByRole('button', { name: 'Record a decision' }).click();
    await expectAccessibleAndReflows(assessor);
    await assessor.getByRole('radio', { name: 'Qualified', exact: true }).check();
    await assessor.getByLabel('Reasons').fill('Every criterion is met on the submission.');
    await assessor.getByRole('button', { name: 'Continue' }).click();
    await expectAccessibleAndReflows(assessor);
    expect(await assessor.getByRole('heading', { level: 1 }).textContent()).toBe('Check your decision');
    expect(await assessor.locator('main').textContent()).toContain('Pass: Declaration ticked and signed.');
    await assessor.getByRole('button', { name: 'Confirm decision' }).click();
    expect(await assessor.locator('.nhsuk-notification-banner--success').textContent()).toContain('The provider has qualified');
    await expectAccessibleAndReflows(assessor);

    await visit(provider, '/applications');
    expect(await provider.getByRole('row', { name: /Adult hearing services, Calderdale/ }).textContent()).toContain('Qualified');
    await visit(provider, `/applications/${applicationId}`);
    expect(await provider.getByRole('heading', { name: 'Decision: qualified' }).count()).toBe(1);
  });

  it('refuses a second provider for rejecting the price and shows it the ground', async () => {
    const db = session.server.deps.db;
    const second = await aProvider(db, { odsCode: 'TSTE2', name: 'Elland Physiotherapy (e2e)', adminEmail: 'admin@elland-e2e.example' });
    await completeAssurance(db, second.id).verified().insert();
    const assessor = await signedInPage('assessor@aqp.example');
    const physio = await signedInPage('admin@elland-e2e.example');
    const refusedUrl = await apply(
      physio,
      'Back and neck pain (manual therapy), West Yorkshire',
      'Elland Physiotherapy (e2e) Halifax clinic',
      'Manual therapy in Elland, but at £300 a course rather than the offer’s price.',
    );
    await visit(assessor, `/assessment/${refusedUrl.split('/').at(-1)}`);
    await assessor.getByRole('button', { name: 'Record a decision' }).click();
    await assessor.getByRole('radio', { name: 'Not qualified' }).check();
    await assessor.getByLabel('Reasons').fill('The application asks for £300 a course; the offer’s price is fixed for every provider.');
    await assessor.getByRole('button', { name: 'Continue' }).click();
    expect(await assessor.getByRole('alert').textContent()).toContain('Select the ground for refusal');
    expect(await assessor.getByLabel('Reasons').inputValue()).toContain('the offer’s price is fixed');
    await expectAccessibleAndReflows(assessor);
    await assessor.getByRole('radio', { name: 'Rejects the price' }).check();
    await assessor.getByRole('button', { name: 'Continue' }).click();
    expect(await assessor.locator('main').textContent()).toContain('Rejects the price');
    await expectAccessibleAndReflows(assessor);
    await assessor.getByRole('button', { name: 'Confirm decision' }).click();
    expect(await assessor.locator('.nhsuk-notification-banner--success').textContent()).toContain('has not qualified');
    await expectAccessible(assessor);

    await visit(physio, refusedUrl.replace(session.server.baseUrl, ''));
    const callout = await physio.locator('.nhsuk-card--warning').textContent();
    expect(callout).toContain('Ground: Rejects the price');
    expect(callout).toContain('the offer’s price is fixed for every provider');
    await visit(physio, '/applications');
  });

  it('shows an open offer’s questions for applicants to anyone who may see the offer', async () => {
    const commissioner = await signedInPage('commissioner@aqp.example');
    await visit(commissioner, '/offers');
    await commissioner.getByRole('link', { name: 'Adult hearing services, Calderdale (50 and over)' }).click();
    await commissioner.getByRole('link', { name: 'Questions for applicants' }).click();
    await expectAccessible(commissioner);
    expect(await commissioner.getByText('This offer asks no questions of its own.').count()).toBe(1);
  });
});
