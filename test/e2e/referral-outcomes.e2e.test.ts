import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/lib/working-days.ts';
import { expectAccessible } from '../support/browser.ts';
import { signedInPage, useServerAndBrowser } from '../support/browser-session.ts';
import { anOffer } from '../support/offer-rows.ts';
import { aListingIn } from '../support/referral-rows.ts';
import { aReferralInTreatment } from '../support/treatment-rows.ts';

describe('a provider records outcome scores and a scan’s report date, in Chromium', () => {
  const session = useServerAndBrowser('region');

  async function inTreatment(service: string): Promise<string> {
    const { deps } = session.server;
    const offer = await anOffer(deps.db).forService(service).coveringOds('02T').withStatus('open').withPackProtocol().insert();
    const listing = await aListingIn(deps, offer.id, 'DEMO1', 'live', deps.clock.today());
    return (await aReferralInTreatment(deps, { offerId: offer.id, ...listing })).ubrn;
  }

  async function fillDate(page: Page, group: string, isoDate: string): Promise<void> {
    const date = page.getByRole('group', { name: group, exact: true });
    await date.getByLabel('Day').fill(String(Number(isoDate.slice(8))));
    await date.getByLabel('Month').fill(String(Number(isoDate.slice(5, 7))));
    await date.getByLabel('Year').fill(isoDate.slice(0, 4));
  }

  async function startAttendedSession(page: Page, today: string): Promise<void> {
    await page.getByRole('button', { name: 'Record an appointment or session' }).click();
    await page.getByRole('group', { name: 'What are you recording?' }).getByLabel('A session that has taken place').check();
    await fillDate(page, 'Date', today);
    await page.getByLabel('Time').fill('00:05');
    await page.getByRole('group', { name: 'Did the patient attend?' }).getByLabel('Attended', { exact: true }).check();
  }

  it('asks for PHQ-9 and GAD-7 at an attended session, and records a report date from the referral page', async () => {
    const { baseUrl, deps } = session.server;
    const today = deps.clock.today();
    const talking = await inTreatment('psychological-therapies');
    const scan = await inTreatment('non-obstetric-ultrasound');
    const provider = await signedInPage(session, 'clinician@aqp.example');

    await provider.goto(`${baseUrl}/referrals/${talking}`);
    await startAttendedSession(provider, today);
    await expectAccessible(provider);
    await provider.getByRole('button', { name: 'Save' }).click();
    expect(await provider.locator('.nhsuk-error-summary').textContent()).toContain('Enter the PHQ-9 score from this session');
    await expectAccessible(provider);
    await provider.getByLabel('PHQ-9 score').fill('15');
    await provider.getByLabel('GAD-7 score').fill('12');
    await provider.getByRole('button', { name: 'Save' }).click();
    expect(await provider.locator('main').textContent()).toContain('PHQ-9 15, GAD-7 12');
    await expectAccessible(provider);

    await provider.goto(`${baseUrl}/referrals/${scan}`);
    await startAttendedSession(provider, today);
    await provider.getByRole('button', { name: 'Save' }).click();
    expect(await provider.locator('main').textContent()).toContain('Report not recorded yet');
    await provider.getByRole('link', { name: /Record the report/ }).click();
    await expectAccessible(provider);
    await fillDate(provider, 'Date the report was sent', addDays(today, 1));
    await provider.getByRole('button', { name: 'Save' }).click();
    expect(await provider.locator('.nhsuk-error-summary').textContent()).toContain('must be today or in the past');
    await expectAccessible(provider);
    await fillDate(provider, 'Date the report was sent', today);
    await provider.getByRole('button', { name: 'Save' }).click();
    expect(await provider.locator('.nhsuk-notification-banner--success').textContent()).toContain('Report recorded');
    expect(await provider.locator('main').textContent()).toContain('Report sent');
    await expectAccessible(provider);
  });
});
