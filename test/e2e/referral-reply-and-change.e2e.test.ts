import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { tinyPdf } from '../../src/demo/demo-document.ts';
import { expectAccessible } from '../support/browser.ts';
import { signedInPage, useServerAndBrowser } from '../support/browser-session.ts';
import {
  aHearingReferral,
  aListingIn,
  aPersonIn,
  aProviderWithSites,
  nhsNumberSequence,
  placePostcodes,
  tokenFor,
} from '../support/referral-rows.ts';

describe('a GP replies to a returned referral, and a patient changes their mind, in Chromium', () => {
  const session = useServerAndBrowser();
  const nextNhsNumber = nhsNumberSequence('6050');
  let ready: Promise<{ referrerKey: string; providerId: string }> | undefined;

  /** One provider (with a clinician) live for adult hearing, and an API key for the demo practice. */
  function world() {
    ready ??= (async () => {
      const { deps, baseUrl } = session.server;
      await placePostcodes(deps);
      const offers = (await (await fetch(`${baseUrl}/api/v1/offers?service=adult-hearing&commissioner=02T`)).json()) as {
        items: { id: string }[];
      };
      const providerId = await aProviderWithSites(deps, {
        odsCode: 'TST61',
        name: 'Luddenden Hearing (test)',
        sites: [{ name: 'Luddenden clinic', postcode: 'HX6 3AB' }],
      });
      await deps.db.updateTable('sites').set({ phone: '01422 555 0199' }).where('organisation_id', '=', providerId).execute();
      await aPersonIn(deps, providerId, { email: 'audiologist@tst61.example', name: 'Ari Audiologist', role: 'provider-clinician' });
      await aListingIn(deps, offers.items[0]!.id, 'TST61', 'live', deps.clock.today());
      const practice = await deps.db.selectFrom('organisations').select('id').where('ods_code', '=', 'B84001').executeTakeFirstOrThrow();
      return { referrerKey: await tokenFor(deps, practice.id, 'referrer'), providerId };
    })();
    return ready;
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the test reads whichever JSON each endpoint answers
  async function api(method: 'GET' | 'POST', path: string, body?: object): Promise<any> {
    const { referrerKey } = await world();
    const response = await fetch(`${session.server.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${referrerKey}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body && JSON.stringify(body),
    });
    return response.json();
  }

  /** A hearing referral made over the API; with `choose`, sent to the test provider. */
  async function aReferral(choose: boolean): Promise<{ ubrn: string; accessCode: string }> {
    const { providerId } = await world();
    const created = await api('POST', '/api/v1/referrals', aHearingReferral({ nhsNumber: nextNhsNumber(), dateOfBirth: '1949-04-02' }));
    if (choose) {
      const entry = (await api('GET', `/api/v1/referrals/${created.ubrn}/choice-list`)).entries.find(
        (candidate: { providerOrganisationId: string }) => candidate.providerOrganisationId === providerId,
      );
      await api('POST', `/api/v1/referrals/${created.ubrn}/choice`, { listingId: entry.listingId, siteId: entry.siteId });
    }
    return created;
  }

  async function patientSignedIn(referral: { ubrn: string; accessCode: string }): Promise<Page> {
    const patient = await (await session.browser.newContext()).newPage();
    await patient.goto(`${session.server.baseUrl}/referral-status`);
    await patient.getByLabel('Referral reference').fill(referral.ubrn);
    await patient.getByLabel('Access code').fill(referral.accessCode);
    const birth = patient.getByRole('group', { name: 'Your date of birth' });
    await birth.getByLabel('Day').fill('2');
    await birth.getByLabel('Month').fill('4');
    await birth.getByLabel('Year').fill('1949');
    await patient.getByRole('button', { name: 'Continue' }).click();
    return patient;
  }

  it('returned → the GP replies with a PDF → resent to the same provider → the provider reads the reply and downloads the document', async () => {
    const { baseUrl } = session.server;
    const { ubrn } = await aReferral(true);
    const provider = await signedInPage(session, 'audiologist@tst61.example');
    await provider.goto(`${baseUrl}/referrals/${ubrn}`);
    await provider.getByRole('button', { name: 'Return to the referrer' }).click();
    await provider.getByLabel('Further information required').check();
    await provider.getByLabel('Comment for the referrer').fill('Please send the audiogram.');
    await provider.getByRole('button', { name: 'Return referral' }).click();

    const gp = await signedInPage(session, 'referrer@aqp.example');
    await gp.goto(`${baseUrl}/referrals/${ubrn}`);
    expect(await gp.locator('.nhsuk-card--warning').textContent()).toContain('Please send the audiogram.');
    await expectAccessible(gp);
    await gp.getByRole('button', { name: 'Reply and resend' }).click();
    await expectAccessible(gp);
    await gp.getByRole('button', { name: 'Reply and resend' }).click();
    expect(await gp.locator('.nhsuk-error-summary').textContent()).toContain('Enter the information the provider asked for');
    await expectAccessible(gp);
    await gp.getByLabel('Information for the provider').fill('Audiogram attached: moderate bilateral loss.');
    await gp
      .locator('input[type="file"][name="attachment"]')
      .setInputFiles({ name: 'audiogram.pdf', mimeType: 'application/pdf', buffer: Buffer.from(tinyPdf('Audiogram')) });
    await gp.getByRole('button', { name: 'Reply and resend' }).click();
    expect(await gp.locator('.nhsuk-notification-banner--success').textContent()).toContain('is back with Luddenden Hearing (test)');
    expect(await gp.locator('main').textContent()).toContain('Sent to the provider');
    await expectAccessible(gp);

    await provider.goto(`${baseUrl}/referrals/${ubrn}`);
    const page = await provider.locator('main').textContent();
    expect(page).toContain('Audiogram attached: moderate bilateral loss.');
    await expectAccessible(provider);
    const [download] = await Promise.all([
      provider.waitForEvent('download'),
      provider.getByRole('link', { name: 'audiogram.pdf' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('audiogram.pdf');
    await provider.getByRole('button', { name: 'Accept referral' }).click();
    expect(await provider.locator('.nhsuk-notification-banner--success').textContent()).toContain('accepted');
  });

  it('the patient sees how to reach the provider, changes the choice, then cancels, each after confirming, and signs out', async () => {
    const { baseUrl } = session.server;
    const referral = await aReferral(true);
    const patient = await patientSignedIn(referral);
    const status = await patient.locator('main').textContent();
    expect(status).toContain('01422 555 0199');
    expect(status).toMatch(/should accept your referral by \d{1,2} [A-Z][a-z]+ \d{4}/);
    await expectAccessible(patient);
    await patient.getByRole('link', { name: 'More about Luddenden Hearing (test)' }).click();
    expect(await patient.getByRole('heading', { level: 1 }).textContent()).toContain('Luddenden Hearing (test)');
    await patient.goBack();

    await patient.getByRole('link', { name: 'Choose a different provider' }).click();
    await expectAccessible(patient);
    await patient.getByRole('button', { name: 'Yes, choose another provider' }).click();
    expect(await patient.locator('.nhsuk-notification-banner--success').textContent()).toContain(
      'taken back from Luddenden Hearing (test)',
    );
    expect(await patient.locator('main').textContent()).toContain('Waiting for the patient to choose a provider');
    await expectAccessible(patient);

    await patient.getByRole('link', { name: 'Cancel your referral' }).click();
    await expectAccessible(patient);
    await patient.getByRole('link', { name: 'No, go back to my referral' }).click();
    await patient.getByRole('link', { name: 'Cancel your referral' }).click();
    await patient.getByRole('button', { name: 'Yes, cancel my referral' }).click();
    expect(await patient.locator('main').textContent()).toContain('This referral has been cancelled');
    await expectAccessible(patient);

    await patient.getByRole('button', { name: 'Sign out of this referral' }).click();
    expect(await patient.getByRole('heading', { level: 1 }).textContent()).toBe('You have signed out of your referral');
    await expectAccessible(patient);
    await patient.goto(`${baseUrl}/referral-status/referral`);
    expect(patient.url()).toBe(`${baseUrl}/referral-status`);
  });
});
