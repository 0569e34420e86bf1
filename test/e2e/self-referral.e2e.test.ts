import { describe, expect, it } from 'vitest';
import { expectAccessible } from '../support/browser.ts';
import { signedInPage, useServerAndBrowser } from '../support/browser-session.ts';
import { aListingIn, aPersonIn, aProviderWithSites, bornAged, nhsNumberFrom, placePostcodes } from '../support/referral-rows.ts';

describe('a person refers themselves to talking therapies and chooses a provider, in Chromium', () => {
  const session = useServerAndBrowser();

  it('finds their GP surgery, sees only self-referral services, is told to get help now when at risk and why a 15-year-old cannot refer, then refers at 17 through check your answers, chooses, and the provider sees how to contact them', async () => {
    const { deps, baseUrl } = session.server;
    await placePostcodes(deps);
    const offers = (await (await fetch(`${baseUrl}/api/v1/offers?service=psychological-therapies&commissioner=02T`)).json()) as {
      items: { id: string }[];
    };
    const providerId = await aProviderWithSites(deps, {
      odsCode: 'TST51',
      name: 'Halifax Talking (test)',
      sites: [{ name: 'Halifax rooms', postcode: 'HX1 1PW' }],
    });
    await aPersonIn(deps, providerId, { email: 'therapist@tst51.example', name: 'Tess Therapist', role: 'provider-clinician' });
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

    const fillForm = async (age: number, risk: 'Yes' | 'No' = 'No') => {
      const [year, month, day] = bornAged(age, deps.clock.today()).split('-');
      await page.getByLabel('NHS number').fill(nhsNumberFrom('401023711'));
      await page.getByLabel('First name').fill('Robin');
      await page.getByLabel('Last name').fill('Hood');
      const birth = page.getByRole('group', { name: 'Date of birth' });
      await birth.getByLabel('Day').fill(String(Number(day)));
      await birth.getByLabel('Month').fill(String(Number(month)));
      await birth.getByLabel('Year').fill(year!);
      await page.getByRole('group', { name: 'Sex' }).getByLabel('Male', { exact: true }).check();
      await page.getByLabel('Email address').fill('robin@example.com');
      await page
        .getByRole('group', { name: 'Immediate risk of harm to self or others?' })
        .getByRole('radio', { name: risk, exact: true })
        .check();
      await page.getByLabel('What help are you looking for?').fill('Panic attacks on the way to college.');
      await page.getByLabel(/If you need an interpreter/).fill('Polish');
      await page
        .getByRole('group', { name: /information in another format/ })
        .getByLabel('Easy read')
        .check();
      await page
        .getByRole('group', { name: /send you your reference and access code/ })
        .getByLabel('Yes, by email')
        .check();
      await page.getByRole('button', { name: 'Continue' }).click();
    };

    await fillForm(30, 'Yes');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Get help now');
    const urgent = (await page.locator('.nhsuk-card--care--urgent').textContent())!;
    expect(urgent).toContain('call 999');
    expect(urgent).toContain('call NHS 111 and choose option 2');
    expect(await page.locator('main').textContent()).not.toContain('crisis team');
    await expectAccessible(page);
    await page.goBack();

    await fillForm(15);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('You cannot refer yourself to this service');
    expect(await page.locator('main').textContent()).toContain('this service is for people aged 16 and over');
    await expectAccessible(page);
    await page.goBack();
    await fillForm(17);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Check your answers before sending your self-referral');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Change email address' }).click();
    expect(await page.getByLabel('Email address').inputValue()).toBe('robin@example.com');
    expect(await page.getByLabel('What help are you looking for?').inputValue()).toBe('Panic attacks on the way to college.');
    await page.getByLabel('Phone number').fill('07700 900 982');
    await page.getByRole('button', { name: 'Continue' }).click();
    expect(await page.locator('main').textContent()).toContain('07700 900 982');
    await page.getByRole('button', { name: 'Send self-referral' }).click();
    expect(await page.locator('.nhsuk-panel').count()).toBe(0);
    expect(await page.locator('#delivery').textContent()).toContain('We cannot send messages yet, so we have not sent them.');
    const reference = (await page.locator('#reference').textContent())!;
    expect(reference).toMatch(/^\d{4} \d{4} \d{4}$/);
    expect(await page.locator('#access-code').textContent()).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Choose your provider' }).click();
    expect(await page.locator('main').textContent()).toContain('Waiting for the patient to choose a provider');
    await expectAccessible(page);
    await page.getByLabel(/Halifax Talking \(test\), Halifax rooms/).check();
    await page.getByRole('button', { name: 'Send my referral to this provider' }).click();
    expect(await page.locator('.nhsuk-notification-banner--success').textContent()).toContain(
      'Your referral has been sent to Halifax Talking (test), Halifax rooms',
    );
    expect(await page.locator('main').textContent()).toContain('Sent to the provider');
    await expectAccessible(page);

    const provider = await signedInPage(session, 'therapist@tst51.example');
    await provider.goto(`${baseUrl}/referrals/${reference.replaceAll(' ', '')}`);
    const seen = (await provider.locator('main').textContent())!;
    for (const text of ['Contacting the patient', '07700900982', 'robin@example.com', 'Needs an interpreter: Polish', 'Easy read'])
      expect(seen).toContain(text);
    await expectAccessible(provider);
  });
});
