import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from '../support/browser.ts';
import { signedInPage, useServerAndBrowser } from '../support/browser-session.ts';
import { nameDemoAreas } from '../support/directory-rows.ts';

describe('a commissioner’s offer journey in Chromium', () => {
  const session = useServerAndBrowser();

  async function fillDate(page: Page, legend: string, day: string, month: string, year: string) {
    const group = page.getByRole('group', { name: legend });
    await group.getByLabel('Day').fill(day);
    await group.getByLabel('Month').fill(month);
    await group.getByLabel('Year').fill(year);
  }

  it('opens a hearing offer for people aged 50 and over, prices it and publishes it', async () => {
    const page = await signedInPage(session, 'commissioner@aqp.example');
    await page.getByRole('main').getByRole('link', { name: 'AQP offers' }).click();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Open a new offer' }).click();
    await page.getByRole('button', { name: 'Open draft offer' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('Choose a service from the national list');
    await expectAccessible(page);
    await page.getByLabel('Adult hearing', { exact: true }).check();
    await page.getByLabel('Title (optional)').fill('Hearing for Calderdale (50 and over), e2e');
    await page.getByLabel('NHS West Yorkshire ICB - 02T (02T)').check();
    await page.getByRole('button', { name: 'Open draft offer' }).click();
    expect(await page.locator('.nhsuk-notification-banner--success').textContent()).toContain('Your draft offer has been opened');
    await expectAccessible(page);
    const offerUrl = page.url();

    await page.getByRole('link', { name: 'Change contract term' }).click();
    await fillDate(page, 'Contract start date', '1', '4', '2027');
    await fillDate(page, 'Contract end date', '31', '3', '2027');
    await page.getByLabel('Rolling').check();
    await fillDate(page, 'Window opens', '1', '1', '2026');
    await page.getByRole('button', { name: 'Save details' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('The contract must end after it starts');
    await expectAccessible(page);
    await fillDate(page, 'Contract end date', '31', '3', '2030');
    await page.getByRole('button', { name: 'Save details' }).click();
    await page.waitForURL(offerUrl);

    await page.getByRole('link', { name: 'Change who the offer covers' }).click();
    await expectAccessible(page);
    await page.getByLabel('NHS West Yorkshire ICB - 03R (03R)').check();
    await page.getByRole('button', { name: 'Save coverage' }).click();
    await page.waitForURL(offerUrl);
    await page.getByRole('link', { name: /Amend the specification/ }).click();
    await expectAccessible(page);
    await page.getByLabel('Scope for your offer').fill('Adults 50 and over with age-acquired hearing loss, referred by their GP.');
    await page.getByRole('button', { name: 'Save specification' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('Say why scope differs from the national pack');
    await expectAccessible(page);
    await page.getByLabel('Why it differs from the pack (only if you changed it)').nth(1).fill('Local audit found unmet need from 50.');
    await page.getByRole('button', { name: 'Save specification' }).click();
    await page.waitForURL(offerUrl);

    await page.getByRole('link', { name: 'Change the referral protocol' }).click();
    await expectAccessible(page);
    await page.getByLabel('Minimum age (optional)').fill('50');
    await page.getByLabel('Maximum age (optional)').fill('40');
    await page.getByRole('button', { name: 'Save protocol' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('The maximum age (40) cannot be below the minimum age (50)');
    await expectAccessible(page);
    await page.getByLabel('Maximum age (optional)').fill('');
    await page.getByRole('button', { name: 'Save protocol' }).click();
    expect(await page.locator('.nhsuk-notification-banner--success').textContent()).toContain(
      'Version 2 of the referral protocol has been saved',
    );

    await page.getByRole('link', { name: 'Set prices' }).click();
    await expectAccessible(page);
    await fillDate(page, 'Prices take effect from', '1', '4', '2027');
    await page.getByLabel('Price for the MONAURAL band').fill('450');
    await page.getByLabel('Price for the BINAURAL band').fill('725.50');
    await page.getByRole('button', { name: 'Save prices' }).click();
    await page.waitForURL(offerUrl);

    await page.getByRole('button', { name: 'Change status' }).click();
    await expectAccessible(page);
    await page.getByLabel('Published').check();
    await page.getByLabel('Reason').fill('Approved by the Calderdale board');
    await page.getByRole('button', { name: 'Change status' }).click();
    expect(await page.locator('.nhsuk-notification-banner--success').textContent()).toContain('The offer is now published');
    const body = await page.locator('main').textContent();
    for (const text of ['50 and over', '£450.00', '£725.50', 'Approved by the Calderdale board']) expect(body).toContain(text);
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Change the compliance rule' }).click();
    await expectAccessible(page);
    await page.getByLabel('Days of grace after expiry').fill('14');
    await page.getByRole('button', { name: 'Save rule' }).click();
    expect(await page.locator('main').textContent()).toContain('has expired for more than 14 days');
    const offerId = offerUrl.split('/').at(-1);
    const map = (await (await fetch(`${session.server.baseUrl}/api/v1/map`)).json()) as {
      commissioners: { odsCode: string; offers: { offerId: string }[] }[];
    };
    expect(map.commissioners.find((row) => row.odsCode === '02T')?.offers.map((offer) => offer.offerId)).toContain(offerId);
    await nameDemoAreas(session.server.deps);
    await page.goto(`${session.server.baseUrl}/map`);
    expect(
      await page
        .getByRole('table', { name: /Services offered by each commissioner/ })
        .getByRole('row', { name: /^Calderdale/ })
        .textContent(),
    ).toContain('Yes');
    await expectAccessible(page);

    const publicContext = await session.browser.newContext();
    const publicView = await publicContext.newPage();
    await publicView.goto(offerUrl);
    expect(await publicView.getByRole('heading', { level: 1 }).textContent()).toBe('Hearing for Calderdale (50 and over), e2e');
    expect(await publicView.getByRole('link', { name: 'Change the referral protocol' }).count()).toBe(0);
    // The published offer is a notice to providers, who quote its reference and the commissioners' codes when they apply (decision 0033).
    await expectAccessible(publicView, { public: false });
    await publicContext.close();
    await page.context().close();
  });
});
