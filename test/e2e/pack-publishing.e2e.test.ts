import { describe, expect, it } from 'vitest';
import { expectAccessible, expectNoSidewaysScroll } from '../support/browser.ts';
import { signedInPage, useServerAndBrowser } from '../support/browser-session.ts';
import { NATIONAL_PACK_REVISIONS } from '../../src/domains/catalogue/national-packs.seed.ts';

/** The version a national admin publishes next: one after those the national seed gives. */
const NEXT = NATIONAL_PACK_REVISIONS['adult-hearing']!.length + 1;

describe('publishing an implementation pack version in Chromium', () => {
  const session = useServerAndBrowser();

  it('lets a national admin create a new version, preview what changes, correct a mistake and publish it', async () => {
    const admin = await signedInPage(session, 'national.admin@aqp.example');
    const checked = async () => {
      await expectAccessible(admin);
      await expectNoSidewaysScroll(admin);
    };
    await admin.goto(`${session.server.baseUrl}/catalogue/adult-hearing`);
    await checked();
    await admin.getByRole('link', { name: 'Publish a new version of the implementation pack' }).click();
    await checked();
    expect(await admin.getByLabel('Minimum age (optional)').inputValue()).toBe('55');

    await admin.getByLabel('What changed in this version').fill('Price set nationally at £450 per pathway.');
    await admin.getByRole('radio', { name: 'National tariff' }).check();
    await admin.getByLabel('Price per currency unit').fill('four fifty');
    await admin.getByRole('button', { name: 'Preview changes' }).click();
    expect(await admin.getByRole('alert').textContent()).toContain('Enter the price in pounds and pence');
    expect(await admin.getByLabel('What changed in this version').inputValue()).toBe('Price set nationally at £450 per pathway.');
    await checked();
    await admin.getByLabel('Price per currency unit').fill('450.00');
    await admin.getByRole('button', { name: 'Preview changes' }).click();
    await checked();
    expect(await admin.getByRole('heading', { level: 1 }).textContent()).toContain(`Check the changes before publishing version ${NEXT}`);
    const changes = await admin.locator('main').textContent();
    expect(changes).toContain('Tariff: price');
    expect(changes).toContain('£450.00');
    expect(changes).not.toContain('Referral protocol: minimum age');

    await admin.getByRole('button', { name: `Publish version ${NEXT}` }).click();
    expect(await admin.locator('.nhsuk-notification-banner--success').textContent()).toContain(
      `Version ${NEXT} of the implementation pack has been published`,
    );
    expect(await admin.getByRole('heading', { name: `Implementation pack, version ${NEXT}` }).count()).toBe(1);
    expect(await admin.locator('main').textContent()).toContain('£450.00 per pathway');
    await checked();
  });
});
