import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/domains/identity/demo-seed.ts';
import { expectAccessible } from '../support/browser.ts';
import { useServerAndBrowser } from '../support/browser-session.ts';
import { aListingIn, aProviderWithSites, nhsNumberFrom, placePostcodes } from '../support/referral-rows.ts';

describe('a GP refers and the patient chooses, in Chromium', () => {
  const session = useServerAndBrowser();

  async function fillHearingReferral(page: Page, vertigo: 'Yes' | 'No'): Promise<void> {
    await page.getByLabel('NHS number').fill(nhsNumberFrom('401023411'));
    await page.getByLabel('First name').fill('Mary');
    await page.getByLabel('Last name').fill('Somerville');
    const birth = page.getByRole('group', { name: 'Date of birth' });
    await birth.getByLabel('Day').fill('26');
    await birth.getByLabel('Month').fill('12');
    await birth.getByLabel('Year').fill('1952');
    await page.getByRole('group', { name: 'Sex' }).getByLabel('Female').check();
    await page.getByLabel('Postcode').fill('HX6 3AB');
    await page.getByRole('group', { name: 'Priority' }).getByLabel('Routine').check();
    await page.getByRole('group', { name: 'Who is referring' }).getByLabel('A GP').check();
    const no = { name: 'No', exact: true };
    for (const question of await page.getByRole('group').filter({ has: page.getByRole('radio', no) }).all()) await question.getByRole('radio', no).check();
    await page.getByRole('group', { name: 'Has any wax been cleared?' }).getByRole('radio', { name: 'Yes', exact: true }).check();
    await page.getByRole('group', { name: 'Vertigo?' }).getByRole('radio', { name: vertigo, exact: true }).check();
    await page.getByLabel('Clinical information').fill('Gradual bilateral hearing loss; no red flags.');
    await page.getByRole('button', { name: 'Check eligibility' }).click();
  }

  it('shows eligibility before sending, then the patient chooses with reference and access code on the public page and sees it sent', async () => {
    const { deps, baseUrl } = session.server;
    await placePostcodes(deps);
    const offers = await (await fetch(`${baseUrl}/api/v1/offers?service=adult-hearing&commissioner=02T`)).json() as { items: { id: string }[] };
    await aProviderWithSites(deps, { odsCode: 'TST21', name: 'Ripponden Hearing (test)', sites: [{ name: 'Ripponden clinic', postcode: 'HX6 3AB' }] });
    await aListingIn(deps, offers.items[0]!.id, 'TST21', 'live', deps.clock.today());

    const gp = await (await session.browser.newContext()).newPage();
    await gp.goto(`${baseUrl}/sign-in?returnTo=/referrals/new`);
    await gp.getByLabel('Email address').fill('referrer@aqp.example');
    await gp.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await gp.getByRole('button', { name: 'Sign in' }).click();
    await gp.waitForURL(`${baseUrl}/referrals/new`);
    await expectAccessible(gp);
    await gp.getByRole('link', { name: 'Adult hearing' }).click();
    await expectAccessible(gp);

    await fillHearingReferral(gp, 'Yes');
    expect(await gp.getByRole('heading', { level: 1 }).textContent()).toContain('cannot be referred');
    expect(await gp.locator('main').textContent()).toContain('Do not refer to AQP: refer to ENT.');
    await expectAccessible(gp);
    await gp.getByRole('link', { name: 'Back to the referral form' }).click();
    await fillHearingReferral(gp, 'No');
    const heading = await gp.getByRole('heading', { level: 1 }).textContent();
    const reference = /Referral ([\d ]{14})/.exec(heading ?? '')![1]!;
    const accessCode = (await gp.locator('#access-code').textContent())!;
    expect(await gp.locator('main').textContent()).toContain('The patient is eligible');
    await expectAccessible(gp);
    await gp.getByRole('button', { name: 'Offer the choice of provider' }).click();
    expect(await gp.getByRole('group', { name: 'Choose a provider' }).textContent()).toContain('Ripponden Hearing (test), Ripponden clinic');
    await expectAccessible(gp);
    await gp.getByRole('link', { name: 'Print this list for the patient to choose later' }).click();
    expect(await gp.locator('main').textContent()).toContain(reference);
    await expectAccessible(gp);

    const patient = await (await session.browser.newContext()).newPage();
    await patient.goto(`${baseUrl}/referral-status`);
    await expectAccessible(patient);
    await patient.getByLabel('Referral reference').fill(reference);
    await patient.getByLabel('Access code').fill(accessCode);
    const birth = patient.getByRole('group', { name: 'Your date of birth' });
    await birth.getByLabel('Day').fill('26');
    await birth.getByLabel('Month').fill('12');
    await birth.getByLabel('Year').fill('1952');
    await patient.getByRole('button', { name: 'Continue' }).click();
    expect(await patient.locator('main').textContent()).toContain('Waiting for the patient to choose a provider');
    await expectAccessible(patient);
    await patient.getByRole('link', { name: 'Order by wait instead' }).click();
    await patient.getByLabel(/Ripponden Hearing \(test\), Ripponden clinic/).check();
    await patient.getByRole('button', { name: 'Send my referral to this provider' }).click();
    expect(await patient.locator('.nhsuk-notification-banner--success').textContent()).toContain('Your referral has been sent to Ripponden Hearing (test), Ripponden clinic');
    const status = await patient.locator('main').textContent();
    expect(status).toContain('Sent to the provider');
    expect(status).toContain('Ripponden Hearing (test) will contact you');
    await expectAccessible(patient);

    await gp.goto(`${baseUrl}/referrals/${reference.replaceAll(' ', '')}`);
    expect(await gp.locator('main').textContent()).toContain('Sent to the provider');
    await expectAccessible(gp);
  });
});
