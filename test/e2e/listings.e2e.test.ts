import { describe, expect, it } from 'vitest';
import { runCompliance } from '../../src/domains/compliance/compliance-run.service.ts';
import { expectAccessible } from '../support/browser.ts';
import { signedInPage, useServerAndBrowser } from '../support/browser-session.ts';
import { aQualifiedListing, giveCompleteAssurance, renewEvidence } from '../support/listing-rows.ts';

describe('contracts, suspension and reinstatement in Chromium', () => {
  const session = useServerAndBrowser();

  it('lets a qualified provider accept its contract and go live; the commissioner suspends it for expired evidence and lifts it', async () => {
    const { deps, baseUrl } = session.server;
    const today = deps.clock.today();
    const offers = (await (await fetch(`${baseUrl}/api/v1/offers?service=adult-hearing&commissioner=02T`)).json()) as {
      items: { id: string }[];
    };
    const offerId = offers.items[0]!.id;
    const { listingId, providerId } = await aQualifiedListing(deps, offerId, 'DEMO1');
    await giveCompleteAssurance(deps, providerId, '2099-01-01');

    const provider = await signedInPage(session, 'provider.admin@aqp.example');
    await provider.goto(`${baseUrl}/listings`);
    await expectAccessible(provider);
    await provider.getByRole('link', { name: 'Adult hearing services, Calderdale (50 and over)' }).click();
    await provider.getByRole('button', { name: 'Accept the contract' }).click();
    expect(await provider.getByRole('alert').textContent()).toContain('Confirm that you accept the NHS Standard Contract');
    await expectAccessible(provider);
    const group = provider.getByRole('group', { name: 'Contract start date' });
    await group.getByLabel('Day').fill(String(Number(today.slice(8, 10))));
    await group.getByLabel('Month').fill(String(Number(today.slice(5, 7))));
    await group.getByLabel('Year').fill(today.slice(0, 4));
    await provider.getByLabel(/I accept the NHS Standard Contract/).check();
    await provider.getByRole('button', { name: 'Accept the contract' }).click();
    expect(await provider.locator('.nhsuk-notification-banner--success').textContent()).toContain(
      'Your sites are live for this offer from today',
    );
    await expectAccessible(provider);
    const liveNow = async () =>
      ((await (await fetch(`${baseUrl}/api/v1/offers/${offerId}/providers`)).json()) as { items: unknown[] }).items.length;
    expect(await liveNow()).toBe(1);

    await renewEvidence(deps, providerId, 'indemnity-insurance', '2020-01-01');
    expect(await runCompliance(deps, { triggeredBy: 'e2e', force: true })).toMatchObject({ listingsSuspended: 1 });
    expect(await liveNow()).toBe(0);
    await provider.goto(`${baseUrl}/messages`);
    expect(await provider.locator('main').textContent()).toContain('Listing suspended');
    await expectAccessible(provider);

    const commissioner = await signedInPage(session, 'commissioner@aqp.example');
    await commissioner.goto(`${baseUrl}/listings/${listingId}`);
    await commissioner.getByLabel('Lift the suspension').check();
    await commissioner.getByRole('button', { name: 'Confirm' }).click();
    expect(await commissioner.getByRole('alert').textContent()).toContain('Indemnity insurance expired on 2020-01-01');
    await expectAccessible(commissioner);
    await renewEvidence(deps, providerId, 'indemnity-insurance', '2099-01-01');
    await commissioner.getByLabel('Lift the suspension').check();
    await commissioner.getByLabel('Reason').fill('Insurance renewed');
    await commissioner.getByRole('button', { name: 'Confirm' }).click();
    expect(await commissioner.locator('.nhsuk-notification-banner--success').textContent()).toContain('Lift the suspension: done');
    expect(await liveNow()).toBe(1);
    const history = await commissioner.getByRole('table', { name: 'Listing history' }).textContent();
    for (const text of ['Qualified', 'Contracted', 'Suspended', 'AQP compliance run', 'Insurance renewed']) expect(history).toContain(text);
    await expectAccessible(commissioner);
    await commissioner.goto(`${baseUrl}/offers/${offerId}`);
    expect(await commissioner.locator('main').textContent()).toContain('Pennine Hearing Care (demo)');
    await expectAccessible(commissioner);
  });
});
