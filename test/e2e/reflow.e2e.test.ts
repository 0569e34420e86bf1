import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/lib/working-days.ts';
import { expectNoSidewaysScroll, measureAtWidth, REFLOW_WIDTH_PX } from '../support/browser.ts';
import { signedInPage, useServerAndBrowser } from '../support/browser-session.ts';
import { acceptedReferrals, aListingIn, aPersonIn, aProviderWithSites, placePostcodes } from '../support/referral-rows.ts';

describe('pages reflow at 320 px without scrolling sideways (WCAG 2.2 1.4.10)', () => {
  const session = useServerAndBrowser();

  it('measures a page wider than 320 px, names the element that widens it and gives the viewport back', async () => {
    const page = await (await session.browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
    await page.setContent('<main><p>Fits.</p><div id="too-wide" style="width: 600px">A fixed-width box</div></main>');
    const measured = await measureAtWidth(page, REFLOW_WIDTH_PX);
    expect(measured.scrollWidth).toBeGreaterThan(measured.clientWidth);
    expect(measured.widest).toContain('<div#too-wide>');
    expect(page.viewportSize()).toEqual({ width: 1280, height: 720 });
    await page.setContent('<main><p>A page that fits at any width.</p></main>');
    await expectNoSidewaysScroll(page);
    await page.context().close();
  });

  it("shows the provider's worklist of referrals within 320 px, each referral's columns stacked under their headings", async () => {
    const { deps, baseUrl } = session.server;
    await placePostcodes(deps);
    const offers = (await (await fetch(`${baseUrl}/api/v1/offers?service=adult-hearing&commissioner=02T`)).json()) as {
      items: { id: string }[];
    };
    await aProviderWithSites(deps, {
      odsCode: 'TST61',
      name: 'Sowerby Bridge Hearing and Balance Centre (test)',
      sites: [{ name: 'Sowerby Bridge clinic', postcode: 'HX6 3AB' }],
    });
    const listing = await aListingIn(deps, offers.items[0]!.id, 'TST61', 'live', deps.clock.today());
    await acceptedReferrals(deps, { offerId: offers.items[0]!.id, ...listing }, [
      [addDays(deps.clock.today(), -9), addDays(deps.clock.today(), -7)],
    ]);
    await aPersonIn(deps, listing.providerId, { email: 'clinician@tst61.example', name: 'Cleo Clinician', role: 'provider-clinician' });

    const provider = await signedInPage(session, 'clinician@tst61.example');
    await provider.goto(`${baseUrl}/worklists/provider`);
    expect(await provider.getByRole('table', { name: 'Referrals to your organisation' }).getByRole('row').count()).toBe(2);
    await expectNoSidewaysScroll(provider);
    await provider.setViewportSize({ width: REFLOW_WIDTH_PX, height: 720 });
    expect(await provider.getByRole('cell', { name: 'Earlier Patient 0' }).isVisible()).toBe(true);
    expect(await provider.locator('td .nhsuk-table__heading', { hasText: 'Patient' }).isVisible()).toBe(true);
  });
});
