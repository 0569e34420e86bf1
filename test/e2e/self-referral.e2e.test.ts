import { describe, expect, it } from 'vitest';
import { expectAccessible } from '../support/browser.ts';
import { useServerAndBrowser } from '../support/browser-session.ts';
import { aListingIn, aProviderWithSites, bornAged, nhsNumberFrom, placePostcodes } from '../support/referral-rows.ts';

describe('a person refers themselves to talking therapies and chooses a provider, in Chromium', () => {
  const session = useServerAndBrowser();

  it('finds their GP surgery, sees only self-referral services, is told why a 15-year-old cannot refer, then refers at 17, sees the reference and code, and chooses', async () => {
    const { deps, baseUrl } = session.server;
    await placePostcodes(deps);
    const offers = await (await fetch(`${baseUrl}/api/v1/offers?service=psychological-therapies&commissioner=02T`)).json() as { items: { id: string }[] };
    await aProviderWithSites(deps, { odsCode: 'TST51', name: 'Halifax Talking (test)', sites: [{ name: 'Halifax rooms', postcode: 'HX1 1PW' }] });
    await aListingIn(deps, offers.items[0]!.id, 'TST51', 'live', deps.clock.today());

    const page = await (await session.browser.newContext()).newPage();
    await page.goto(baseUrl);
    await page.getByRole('link', { name: 'refer yourself' }).click();
    await expectAccessible(page);
    await page.getByLabel('Your postcode').fill('HX6 3AB');
    await page.getByLabel('Your GP surgery').fill('Station Road');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Station Road Surgery' }).click();
    expect(await page.locator('main').textContent()).not.toContain('Adult hearing');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Talking therapies' }).click();
    await expectAccessible(page);

    const fillForm = async (age: number) => {
      const [year, month, day] = bornAged(age, deps.clock.today()).split('-');
      await page.getByLabel('NHS number').fill(nhsNumberFrom('401023711'));
      await page.getByLabel('First name').fill('Robin');
      await page.getByLabel('Last name').fill('Hood');
      const birth = page.getByRole('group', { name: 'Date of birth' });
      await birth.getByLabel('Day').fill(String(Number(day)));
      await birth.getByLabel('Month').fill(String(Number(month)));
      await birth.getByLabel('Year').fill(year!);
      await page.getByRole('group', { name: 'Sex' }).getByLabel('Male', { exact: true }).check();
      await page.getByLabel('Email address (optional)').fill('robin@example.com');
      await page.getByRole('group', { name: 'Immediate risk of harm to self or others?' }).getByRole('radio', { name: 'No', exact: true }).check();
      await page.getByLabel('What help are you looking for?').fill('Panic attacks on the way to college.');
      await page.getByRole('button', { name: 'Check and send' }).click();
    };

    await fillForm(15);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('You cannot refer yourself to this service');
    expect(await page.locator('main').textContent()).toContain('this service is for people aged 16 and over');
    await expectAccessible(page);
    await page.goBack();
    await fillForm(17);
    const reference = (await page.locator('#reference').textContent())!;
    expect(reference).toMatch(/^\d{4} \d{4} \d{4}$/);
    expect(await page.locator('#access-code').textContent()).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Choose your provider' }).click();
    expect(await page.locator('main').textContent()).toContain('Waiting for the patient to choose a provider');
    await expectAccessible(page);
    await page.getByLabel(/Halifax Talking \(test\), Halifax rooms/).check();
    await page.getByRole('button', { name: 'Send my referral to this provider' }).click();
    expect(await page.locator('.nhsuk-notification-banner--success').textContent()).toContain('Your referral has been sent to Halifax Talking (test), Halifax rooms');
    expect(await page.locator('main').textContent()).toContain('Sent to the provider');
    await expectAccessible(page);
  });
});
