import { describe, expect, it } from 'vitest';
import { aPricedBackPainOffer, aReferralFor } from '../support/activity-rows.ts';
import { expectAccessible } from '../support/browser.ts';
import { signedInPage, useServerAndBrowser } from '../support/browser-session.ts';
import { anAcceptedLine } from '../support/line-query-rows.ts';

describe('a query on an activity line in Chromium', () => {
  const session = useServerAndBrowser('region');

  // axe needs JavaScript; the same forms are posted as plain forms, as without JavaScript, in test/int/line-query-pages.int.test.ts.
  it('lets finance query a line, the provider answer and finance decide, every page accessible', async () => {
    const { deps, baseUrl } = session.server;
    const today = deps.clock.today();
    const world = await aPricedBackPainOffer(deps, today, 3500);
    const referral = await aReferralFor(deps, world, { acceptedOn: '2026-04-01' });
    const line = await anAcceptedLine(deps, world, referral, { receivedAt: new Date().toISOString() });

    const finance = await signedInPage(session, 'finance@aqp.example');
    await finance.getByRole('link', { name: 'Queries on activity lines' }).first().click();
    await expectAccessible(finance);
    await finance.goto(`${baseUrl}/payments/lines/${line.id}`);
    await expectAccessible(finance);
    await finance.getByRole('button', { name: 'Query this line' }).click();
    expect(await finance.getByRole('alert').textContent()).toContain('Choose a reason for the query');
    await expectAccessible(finance);
    await finance.getByLabel('The backing data does not show this activity').check();
    await finance.getByRole('button', { name: 'Query this line' }).click();
    expect(await finance.locator('.nhsuk-notification-banner--success').textContent()).toContain('Query raised');
    await expectAccessible(finance);
    const queryUrl = finance.url();

    const provider = await signedInPage(session, 'provider.admin@aqp.example');
    await provider.getByRole('link', { name: 'Queries on activity lines' }).first().click();
    await provider.getByRole('link', { name: line.providerLineId }).click();
    await expectAccessible(provider);
    await provider.getByLabel('Your answer').fill('The patient attended; the session note is on the record.');
    await provider.getByRole('button', { name: 'Send answer' }).click();
    expect(await provider.locator('.nhsuk-notification-banner--success').textContent()).toContain('Answer sent');

    await finance.goto(queryUrl);
    await finance.getByRole('button', { name: 'Record the decision' }).click();
    expect(await finance.getByRole('alert').textContent()).toContain('Choose whether the line is paid or not paid');
    await expectAccessible(finance);
    await finance.getByLabel('Paid', { exact: true }).check();
    await finance.getByRole('button', { name: 'Record the decision' }).click();
    expect(await finance.locator('.nhsuk-tag').first().textContent()).toContain('Resolved: paid');
    await expectAccessible(finance);
    await finance.context().close();
    await provider.context().close();
  });
});
