import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/lib/working-days.ts';
import { expectAccessible } from '../support/browser.ts';
import { signedInPage, useServerAndBrowser } from '../support/browser-session.ts';
import { referralRows, ubrnSequence } from '../support/referral-list-rows.ts';
import { aListingIn, nhsNumberFrom } from '../support/referral-rows.ts';

describe('a provider’s full referral list and its sites per listing in Chromium', () => {
  const session = useServerAndBrowser();

  it('lets a provider count, filter and download its referrals, add a site to its listing, and the commissioner see the change', async () => {
    const { deps, baseUrl } = session.server;
    const today = deps.clock.today();
    const offerId = (
      (await (await fetch(`${baseUrl}/api/v1/offers?service=adult-hearing&commissioner=02T`)).json()) as { items: { id: string }[] }
    ).items[0]!.id;
    const { listingId, providerId } = await aListingIn(deps, offerId, 'DEMO1', 'live', today);
    const wakefield = (
      await deps.db.selectFrom('sites').select('id').where('name', '=', 'Wakefield hearing clinic').executeTakeFirstOrThrow()
    ).id;
    await deps.db.deleteFrom('listing_sites').where('listing_id', '=', listingId).where('site_id', '=', wakefield).execute();
    const practiceId = (await deps.db.selectFrom('organisations').select('id').where('ods_code', '=', 'B84001').executeTakeFirstOrThrow())
      .id;
    const nhsNumber = nhsNumberFrom('401023601');
    const [, second, treated] = await referralRows(
      deps,
      [
        { offerId, providerId, practiceId, status: 'sent', referredOn: addDays(today, -2), givenName: 'Amir', familyName: 'Waiting' },
        {
          offerId,
          providerId,
          practiceId,
          status: 'sent',
          referredOn: addDays(today, -1),
          nhsNumber,
          givenName: 'Beth',
          familyName: 'Searched',
        },
        { offerId, providerId, practiceId, status: 'accepted', referredOn: addDays(today, -20), givenName: 'Cara', familyName: 'Treated' },
      ],
      ubrnSequence('6'),
    );
    const spaced = (ubrn: string) => `${ubrn.slice(0, 4)} ${ubrn.slice(4, 8)} ${ubrn.slice(8)}`;

    const provider = await signedInPage(session, 'provider.admin@aqp.example');
    await expectAccessible(provider);
    await provider.getByRole('link', { name: '2 referrals to accept' }).click();
    expect(await provider.getByRole('heading', { level: 2, name: /Showing 1 to 2 of 2/ }).count()).toBe(1);
    await expectAccessible(provider);

    await provider.getByRole('link', { name: 'Clear filters' }).click();
    await provider
      .getByLabel('NHS number or referral reference')
      .fill(`${nhsNumber.slice(0, 3)} ${nhsNumber.slice(3, 6)} ${nhsNumber.slice(6)}`);
    await provider.getByRole('button', { name: 'Apply filters' }).click();
    const found = await provider.getByRole('table', { name: 'Referrals' }).textContent();
    expect(found).toContain(spaced(second!));
    expect(found).not.toContain(spaced(treated!));
    await expectAccessible(provider);

    await provider.getByLabel('NHS number or referral reference').fill('');
    await provider.getByLabel('Status').selectOption({ label: 'Accepted by the provider' });
    await provider.getByRole('button', { name: 'Apply filters' }).click();
    expect(await provider.getByRole('table', { name: 'Referrals' }).textContent()).toContain('Cara Treated');
    await expectAccessible(provider);
    const [download] = await Promise.all([
      provider.waitForEvent('download'),
      provider.getByRole('link', { name: 'Download this referral as CSV' }).click(),
    ]);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.split('\r\n')).toEqual([
      '\ufeffReference,Patient,NHS number,Service,Referred by,Status,Sent to you,Accept by',
      expect.stringMatching(
        new RegExp(`^${spaced(treated!)},Cara Treated,Not given,Adult hearing,Station Road Surgery,Accepted by the provider,`),
      ),
      '',
    ]);

    await provider.close();
    const listingPage = await signedInPage(session, 'provider.admin@aqp.example');
    await listingPage.goto(`${baseUrl}/listings/${listingId}`);
    await expectAccessible(listingPage);
    await listingPage
      .getByLabel('Which of your sites should also deliver this offer?')
      .selectOption({ label: 'Wakefield hearing clinic, WF1 4DG' });
    await listingPage.getByRole('button', { name: 'Add site' }).click();
    expect(await listingPage.locator('.nhsuk-notification-banner--success').textContent()).toContain(
      'Wakefield hearing clinic now delivers this offer. The commissioner has been told.',
    );
    expect(await listingPage.getByRole('table', { name: 'Sites delivering this offer' }).textContent()).toContain(
      'Wakefield hearing clinic',
    );
    await expectAccessible(listingPage);

    const commissioner = await signedInPage(session, 'commissioner@aqp.example');
    await commissioner.getByRole('link', { name: /unread message/ }).click();
    expect(await commissioner.locator('main').textContent()).toContain(
      'Pennine Hearing Care (demo) has added Wakefield hearing clinic (WF1 4DG)',
    );
    await expectAccessible(commissioner);
    await commissioner.goto(`${baseUrl}/listings/${listingId}`);
    expect(await commissioner.getByRole('table', { name: 'Sites delivering this offer' }).textContent()).toContain(
      'Wakefield hearing clinic',
    );
    expect(await commissioner.getByRole('table', { name: 'Listing history' }).textContent()).toContain(
      'Site added: Wakefield hearing clinic, WF1 4DG',
    );
    await expectAccessible(commissioner);
  });
});
