import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/region.demo-seed.ts';
import { expectAccessible } from '../support/browser.ts';
import { signedInPage, useServerAndBrowser } from '../support/browser-session.ts';
import { aListingIn, aPersonIn, aProviderWithSites, nhsNumberFrom, placePostcodes } from '../support/referral-rows.ts';

describe('a GP refers, the patient chooses, and the provider treats and discharges, in Chromium', () => {
  const session = useServerAndBrowser();

  async function recordSessionToday(page: Page, today: string, attendance: 'Attended' | 'Did not attend'): Promise<void> {
    await page.getByRole('group', { name: 'What are you recording?' }).getByLabel('A session that has taken place').check();
    const date = page.getByRole('group', { name: 'Date' });
    await date.getByLabel('Day').fill(String(Number(today.slice(8))));
    await date.getByLabel('Month').fill(String(Number(today.slice(5, 7))));
    await date.getByLabel('Year').fill(today.slice(0, 4));
    await page.getByLabel('Time').fill('00:05');
    await page.getByRole('group', { name: 'Did the patient attend?' }).getByLabel(attendance, { exact: true }).check();
    await page.getByRole('button', { name: 'Save' }).click();
  }

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
    for (const question of await page
      .getByRole('group')
      .filter({ has: page.getByRole('radio', no) })
      .all())
      await question.getByRole('radio', no).check();
    await page.getByRole('group', { name: 'Has any wax been cleared?' }).getByRole('radio', { name: 'Yes', exact: true }).check();
    await page.getByRole('group', { name: 'Vertigo?' }).getByRole('radio', { name: vertigo, exact: true }).check();
    await page.getByLabel('Clinical information').fill('Gradual bilateral hearing loss; no red flags.');
    await page.getByRole('button', { name: 'Check eligibility' }).click();
  }

  it('shows eligibility before sending, keeps the answers when going back, sends only on “Send referral”; the patient chooses with reference and access code; the provider accepts, records sessions and discharges', async () => {
    const { deps, baseUrl } = session.server;
    await placePostcodes(deps);
    const offers = (await (await fetch(`${baseUrl}/api/v1/offers?service=adult-hearing&commissioner=02T`)).json()) as {
      items: { id: string }[];
    };
    const providerId = await aProviderWithSites(deps, {
      odsCode: 'TST21',
      name: 'Ripponden Hearing (test)',
      sites: [{ name: 'Ripponden clinic', postcode: 'HX6 3AB' }],
    });
    await aPersonIn(deps, providerId, { email: 'audiologist@tst21.example', name: 'Ava Audiologist', role: 'provider-clinician' });
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
    expect(await gp.getByLabel('NHS number').inputValue()).toBe(nhsNumberFrom('401023411'));
    expect(await gp.getByLabel('Clinical information').inputValue()).toBe('Gradual bilateral hearing loss; no red flags.');
    expect(await gp.getByRole('group', { name: 'Vertigo?' }).getByRole('radio', { name: 'Yes', exact: true }).isChecked()).toBe(true);
    await expectAccessible(gp);
    await gp.getByRole('group', { name: 'Vertigo?' }).getByRole('radio', { name: 'No', exact: true }).check();
    await gp.getByRole('button', { name: 'Check eligibility' }).click();
    expect(await gp.getByRole('heading', { level: 1 }).textContent()).toBe('The patient can be referred: check and send');
    expect(await gp.locator('main').textContent()).toContain('26 December 1952');
    await expectAccessible(gp);
    await gp.getByRole('button', { name: 'Send referral' }).click();
    const heading = await gp.getByRole('heading', { level: 1 }).textContent();
    const reference = /Referral ([\d ]{14})/.exec(heading ?? '')![1]!;
    const accessCode = (await gp.locator('#access-code').textContent())!;
    expect(await gp.locator('main').textContent()).toContain('The patient is eligible');
    await expectAccessible(gp);
    await gp.getByRole('button', { name: 'Offer the choice of provider' }).click();
    expect(await gp.getByRole('group', { name: 'Choose a provider' }).textContent()).toContain(
      'Ripponden Hearing (test), Ripponden clinic',
    );
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
    expect(await patient.locator('.nhsuk-notification-banner--success').textContent()).toContain(
      'Your referral has been sent to Ripponden Hearing (test), Ripponden clinic',
    );
    const status = await patient.locator('main').textContent();
    expect(status).toContain('Sent to the provider');
    expect(status).toContain('Ripponden Hearing (test) will contact you');
    await expectAccessible(patient);

    await gp.goto(`${baseUrl}/referrals/${reference.replaceAll(' ', '')}`);
    expect(await gp.locator('main').textContent()).toContain('Sent to the provider');
    await expectAccessible(gp);

    const provider = await signedInPage(session, 'audiologist@tst21.example');
    await provider.goto(`${baseUrl}/worklists/provider`);
    await expectAccessible(provider);
    await provider.getByRole('link', { name: reference }).click();
    await expectAccessible(provider);
    await provider.getByRole('button', { name: 'Accept referral' }).click();
    expect(await provider.locator('.nhsuk-notification-banner--success').textContent()).toContain(`Referral ${reference} accepted`);
    await expectAccessible(provider);
    for (const attendance of ['Attended', 'Attended'] as const) {
      await provider.getByRole('button', { name: 'Record an appointment or session' }).click();
      await expectAccessible(provider);
      await recordSessionToday(provider, deps.clock.today(), attendance);
      await expectAccessible(provider);
    }
    expect(await provider.locator('main').textContent()).toContain('Sessions attended: 2');
    await provider.getByRole('button', { name: 'Discharge the patient' }).click();
    await provider.getByRole('button', { name: 'Discharge patient' }).click();
    const dischargeErrors = await provider.locator('.nhsuk-error-summary').textContent();
    expect(dischargeErrors).toContain('Choose the outcome');
    expect(dischargeErrors).toContain('Select how many hearing aids were fitted');
    await expectAccessible(provider);
    await provider.getByLabel('Treatment completed').check();
    await provider.getByLabel('Two hearing aids').check();
    await provider.getByLabel('Discharge summary (optional)').fill('Binaural hearing aids fitted; aftercare at the clinic.');
    await provider.getByRole('button', { name: 'Discharge patient' }).click();
    expect(await provider.locator('main').textContent()).toContain('Discharged');
    await expectAccessible(provider);

    await gp.goto(`${baseUrl}/referrals/${reference.replaceAll(' ', '')}`);
    const discharged = await gp.locator('main').textContent();
    expect(discharged).toContain('Discharged');
    expect(discharged).toContain('Binaural hearing aids fitted');
    expect(discharged).toContain('Two hearing aids');
    await expectAccessible(gp);
    await patient.goto(`${baseUrl}/referral-status/referral`);
    expect(await patient.locator('main').textContent()).toContain('Your care with this provider has finished');
    await expectAccessible(patient);
  });
});
