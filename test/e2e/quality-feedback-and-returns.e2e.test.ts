import { describe, expect, it } from 'vitest';
import { expectAccessible } from '../support/browser.ts';
import { signedInPage, useServerAndBrowser } from '../support/browser-session.ts';
import {
  aHearingReferral,
  aListingIn,
  aPersonIn,
  aProviderWithSites,
  nhsNumberFrom,
  placePostcodes,
  tokenFor,
} from '../support/referral-rows.ts';

describe('patient feedback after discharge and a provider’s quality return, in Chromium', () => {
  const session = useServerAndBrowser();

  /** A provider listed on the demo hearing offer since April, with an administrator who can sign in. */
  async function aHearingProvider(odsCode: string, email: string): Promise<{ providerId: string; listingId: string }> {
    const { deps, baseUrl } = session.server;
    await placePostcodes(deps);
    const offers = (await (await fetch(`${baseUrl}/api/v1/offers?service=adult-hearing&commissioner=02T`)).json()) as {
      items: { id: string }[];
    };
    const providerId = await aProviderWithSites(deps, {
      odsCode,
      name: odsCode === 'TST81' ? 'Elland Hearing (test)' : 'Brighouse Hearing (test)',
      sites: [{ name: 'Halifax clinic', postcode: 'HX1 1PW' }],
    });
    await aPersonIn(deps, providerId, { email, name: 'Rita Returns', role: 'provider-admin' });
    const { listingId } = await aListingIn(deps, offers.items[0]!.id, odsCode, 'live', deps.clock.today());
    await deps.db.updateTable('listings').set({ contract_start: '2026-04-01' }).where('id', '=', listingId).execute();
    return { providerId, listingId };
  }

  it('the patient answers the Friends and Family Test on their referral page once discharged, fixing a missing answer first', async () => {
    const { deps, baseUrl } = session.server;
    const { providerId, listingId } = await aHearingProvider('TST81', 'rita@tst81.example');
    const practiceId = (await deps.db.selectFrom('organisations').select('id').where('ods_code', '=', 'B84001').executeTakeFirstOrThrow())
      .id;
    const created = (await (
      await fetch(`${baseUrl}/api/v1/referrals`, {
        method: 'POST',
        headers: { authorization: `Bearer ${await tokenFor(deps, practiceId, 'referrer')}`, 'content-type': 'application/json' },
        body: JSON.stringify(aHearingReferral({ nhsNumber: nhsNumberFrom('401023412'), dateOfBirth: '1952-12-26' })),
      })
    ).json()) as { ubrn: string; accessCode: string };
    const site = await deps.db.selectFrom('sites').select('id').where('organisation_id', '=', providerId).executeTakeFirstOrThrow();
    await deps.db
      .updateTable('referrals')
      .set({
        status: 'discharged',
        listing_id: listingId,
        provider_organisation_id: providerId,
        site_id: site.id,
        sent_at: new Date(),
        accepted_at: new Date(),
        discharged_at: new Date(),
      })
      .where('ubrn', '=', created.ubrn)
      .execute();

    const patient = await (await session.browser.newContext()).newPage();
    patient.setDefaultTimeout(30_000);
    await patient.goto(`${baseUrl}/referral-status`);
    await patient.getByLabel('Referral reference').fill(created.ubrn);
    await patient.getByLabel('Access code').fill(created.accessCode);
    const birth = patient.getByRole('group', { name: 'Date of birth' });
    await birth.getByLabel('Day').fill('26');
    await birth.getByLabel('Month').fill('12');
    await birth.getByLabel('Year').fill('1952');
    await patient.getByRole('button', { name: /Continue|Check/ }).click();
    await expectAccessible(patient);
    await patient.getByRole('link', { name: 'Tell us how your care was' }).click();
    await expectAccessible(patient);
    await patient.getByLabel('Tell us why you gave this answer (optional)').fill('Quick to see me and clear about my hearing aids.');
    await patient.getByRole('button', { name: 'Send your feedback' }).click();
    expect(await patient.getByRole('alert').textContent()).toContain('Select how your experience of the service was');
    await expectAccessible(patient);
    await patient
      .getByRole('group', { name: 'Overall, how was your experience of our service?' })
      .getByLabel('Good', { exact: true })
      .check();
    await patient.getByRole('button', { name: 'Send your feedback' }).click();
    expect(await patient.locator('main').textContent()).toContain('Thank you for telling us about your experience.');
    expect(await patient.getByRole('link', { name: 'Tell us how your care was' }).count()).toBe(0);
    await expectAccessible(patient);
    await patient.context().close();

    const provider = await signedInPage(session, 'rita@tst81.example');
    await provider.goto(`${baseUrl}/quality/feedback`);
    expect(await provider.locator('main').textContent()).toContain('Quick to see me and clear about my hearing aids.');
    await expectAccessible(provider);
    await provider.context().close();
  });

  it('a provider submits a late quarterly return after fixing the errors shown beside the fields', async () => {
    const { baseUrl } = session.server;
    await aHearingProvider('TST82', 'rita@tst82.example');
    const page = await signedInPage(session, 'rita@tst82.example');
    page.setDefaultTimeout(30_000);
    await page.goto(`${baseUrl}/quality/returns`);
    expect(await page.getByRole('table').getByText('Late: not submitted').count()).toBeGreaterThanOrEqual(2);
    await expectAccessible(page);
    await page.getByRole('link', { name: /^Q1 2026-27/ }).click();
    await page.waitForURL(/\/quarters\/2026-27-Q1$/);
    await expectAccessible(page);
    await page.getByLabel('Complaints received').fill('2');
    await page.getByLabel('Complaints upheld').fill('3');
    await page.getByRole('button', { name: 'Submit the return' }).click();
    const problems = await page.getByRole('alert').textContent();
    expect(problems).toContain('Complaints upheld cannot be more than complaints received');
    expect(problems).toContain('Enter the number of serious incidents reported, or 0');
    await expectAccessible(page);
    await page.getByLabel('Complaints upheld').fill('1');
    await page.getByLabel('Serious incidents reported').fill('0');
    await page.getByLabel('Patient-reported outcomes').fill('Hearing handicap scores improved for most patients.');
    await page.getByRole('button', { name: 'Submit the return' }).click();
    expect(await page.locator('main').textContent()).toContain('it is marked late');
    expect(await page.getByRole('table').getByText('Submitted late').count()).toBe(1);
    await expectAccessible(page);
    await page.context().close();
  });

  it('the lead commissioner changes what the offer’s returns ask, fixing a problem shown beside the field', async () => {
    const { baseUrl } = session.server;
    const offers = (await (await fetch(`${baseUrl}/api/v1/offers?service=adult-hearing&commissioner=02T`)).json()) as {
      items: { id: string }[];
    };
    const page = await signedInPage(session, 'commissioner@aqp.example');
    page.setDefaultTimeout(30_000);
    await page.goto(`${baseUrl}/offers/${offers.items[0]!.id}`);
    await page.getByRole('link', { name: 'What the quarterly quality return asks' }).click();
    await page.waitForURL(/\/quality-return$/);
    expect(await page.locator('main').textContent()).toContain('This offer asks the default items');
    await expectAccessible(page);
    await page.getByLabel('What it asks').last().fill('Falls in clinic');
    await page.getByRole('button', { name: 'Save the items' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('Select whether the new item is answered with a number or a short text');
    await expectAccessible(page);
    await page.getByRole('group', { name: 'Add an item (optional)' }).getByLabel('A whole number').check();
    await page.getByRole('button', { name: 'Save the items' }).click();
    expect(await page.locator('main').textContent()).toContain('The items have been saved.');
    expect(await page.getByRole('table').getByText('Falls in clinic').count()).toBe(1);
    await expectAccessible(page);
    await page.context().close();
  });
});
