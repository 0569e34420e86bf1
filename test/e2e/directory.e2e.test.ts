import { describe, expect, it } from 'vitest';
import { expectAccessible } from '../support/browser.ts';
import { useServerAndBrowser } from '../support/browser-session.ts';
import { inCommissionerArea, nameDemoAreas, placeDistricts } from '../support/directory-rows.ts';
import { aListingIn, aProviderWithSites, placePostcodes } from '../support/referral-rows.ts';

describe('the public directory in Chromium', () => {
  const session = useServerAndBrowser();

  it('finds providers by service and postcode, explains a mistake beside the field, and opens a provider page', async () => {
    const { deps, baseUrl } = session.server;
    await placePostcodes(deps);
    await inCommissionerArea(deps, '02T', ['HX6 3AB']);
    const offers = (await (await fetch(`${baseUrl}/api/v1/offers?service=adult-hearing&commissioner=02T`)).json()) as {
      items: { id: string }[];
    };
    await aProviderWithSites(deps, {
      odsCode: 'TST41',
      name: 'Sowerby Hearing (test)',
      sites: [
        { name: 'Sowerby Bridge clinic', postcode: 'HX6 3AB' },
        { name: 'Todmorden clinic', postcode: 'OL14 5RN' },
      ],
    });
    await aListingIn(deps, offers.items[0]!.id, 'TST41', 'live', deps.clock.today());

    const context = await session.browser.newContext();
    const page = await context.newPage();
    await page.goto(baseUrl);
    await page.getByRole('main').getByRole('link', { name: 'Find an AQP provider' }).click();
    await expectAccessible(page);

    await page.getByLabel('Postcode').fill('SW1A 9ZZ');
    await page.getByRole('button', { name: 'Search' }).click();
    expect(await page.title()).toMatch(/^Error: /);
    expect(await page.getByRole('alert').textContent()).toContain('Select a service');
    expect(await page.locator('#postcode-error').textContent()).toContain('We cannot find the postcode SW1A 9ZZ');
    await expectAccessible(page);

    await page.getByLabel('Service').selectOption({ label: 'Adult hearing' });
    await page.getByLabel('Postcode').fill('hx6 3ab');
    await page.getByRole('button', { name: 'Search' }).click();
    expect(page.url()).toContain('service=adult-hearing&postcode=hx6+3ab');
    expect(await page.getByRole('heading', { level: 2, name: 'Adult hearing near HX6 3AB' }).count()).toBe(1);
    const sites = await page.locator('main h3').allTextContents();
    expect(sites.map((text) => text.trim())).toEqual([
      'Sowerby Hearing (test), Sowerby Bridge clinic',
      'Sowerby Hearing (test), Todmorden clinic',
    ]);
    expect(await page.locator('main').textContent()).toContain('New provider — not enough data yet');
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Sowerby Hearing (test)' }).first().click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Sowerby Hearing (test)');
    expect(await page.getByRole('heading', { level: 2, name: 'Adult hearing' }).count()).toBe(1);
    await expectAccessible(page);
    await context.close();
  });

  it('searches a postcode district without JavaScript, because the search is a plain GET form', async () => {
    await placeDistricts(session.server.deps, ['HX6']);
    const context = await session.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${session.server.baseUrl}/directory`);
    await page.getByLabel('Service').selectOption({ label: 'Adult hearing' });
    await page.getByLabel('Postcode').fill('HX6');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/postcode=HX6/);
    expect(await page.locator('main').textContent()).toContain('Distances are in a straight line from the centre of HX6');
    await context.close();
  });

  it('asks for a service and a postcode when the search is empty, and leads back from a provider to the same results, in plain words', async () => {
    const { deps, baseUrl } = session.server;
    await placePostcodes(deps);
    await nameDemoAreas(deps);
    await inCommissionerArea(deps, '02T', ['HX6 3AB']);
    const offers = (await (await fetch(`${baseUrl}/api/v1/offers?service=adult-hearing&commissioner=02T`)).json()) as {
      items: { id: string }[];
    };
    await aProviderWithSites(deps, {
      odsCode: 'TST42',
      name: 'Ryburn Hearing (test)',
      sites: [{ name: 'Ripponden clinic', postcode: 'HX6 3AB' }],
    });
    await aListingIn(deps, offers.items[0]!.id, 'TST42', 'live', deps.clock.today());
    const context = await session.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}/directory`);
    await page.getByRole('button', { name: 'Search' }).click();
    expect(await page.title()).toMatch(/^Error: /);
    const summary = await page.getByRole('alert').textContent();
    expect(summary).toContain('Select a service');
    expect(summary).toContain('Enter a postcode');
    expect(await page.locator('#service-error').textContent()).toContain('Select a service');
    expect(await page.locator('#postcode-error').textContent()).toContain('Enter a postcode');
    await expectAccessible(page);

    await page.getByLabel('Service').selectOption({ label: 'Adult hearing' });
    await page.getByLabel('Postcode').fill('HX6 3AB');
    await page.getByRole('button', { name: 'Search' }).click();
    const results = page.url();
    const main = page.locator('main');
    expect(await main.textContent()).toContain('These are the providers of the NHS in Calderdale');
    expect(await main.textContent()).toContain('For adults 50 and over. You need a referral from a GP.');
    expect(await main.textContent()).toContain('Not enough patients seen yet to give a wait');
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Ryburn Hearing (test)' }).click();
    expect(await main.textContent()).toContain('For patients whose GP surgery is in Calderdale.');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Back to your search' }).click();
    expect(page.url()).toBe(`${results}#results`);
    expect(await page.getByLabel('Postcode').inputValue()).toBe('HX6 3AB');
    expect(await page.getByRole('heading', { level: 2, name: 'Adult hearing near HX6 3AB' }).count()).toBe(1);
    await context.close();
  });
});
