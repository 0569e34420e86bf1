import { describe, expect, it } from 'vitest';
import { expectAccessible } from '../support/browser.ts';
import { signedInPage, useServerAndBrowser } from '../support/browser-session.ts';

describe('opening an offer for an approved local service in Chromium', () => {
  const session = useServerAndBrowser();

  it('goes from the approved phlebotomy proposal to a draft offer, correcting an error on the way, every page accessible', async () => {
    const page = await signedInPage(session, 'commissioner@aqp.example');
    await page.goto(`${session.server.baseUrl}/proposals`);
    await page.getByRole('link', { name: 'Community phlebotomy' }).click();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Open an offer for this service' }).click();
    await expectAccessible(page);
    await page.getByLabel('Scope').fill('Adults registered with a Calderdale practice who need a blood test.');
    await page.getByLabel('Outcomes').fill('Samples taken within 5 working days of request.');
    await page.getByLabel('Per episode, with a session cap').check();
    await page.getByLabel('Session cap: the most sessions one referral pays for').fill('many');
    await page.getByLabel('Description of the currency').fill('One blood test and its sample delivered to the laboratory.');
    await page.getByRole('button', { name: 'Save and continue to the offer' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('Enter the session cap as a whole number, like 6');
    await expectAccessible(page);
    await page.getByLabel('Per test').check();
    await page.getByRole('button', { name: 'Save and continue to the offer' }).click();
    expect(await page.locator('.nhsuk-notification-banner--success').textContent()).toContain(
      'Community phlebotomy now has its local implementation pack, version 1',
    );
    expect(await page.getByLabel('Community phlebotomy').isChecked()).toBe(true);
    await expectAccessible(page);
    await page.getByLabel('NHS West Yorkshire ICB - 02T (02T)').check();
    await page.getByRole('button', { name: 'Open draft offer' }).click();
    expect(await page.locator('.nhsuk-notification-banner--success').textContent()).toContain('Your draft offer has been opened');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Community phlebotomy');
    await page.context().close();
  });
});
