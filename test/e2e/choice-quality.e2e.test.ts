import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/lib/working-days.ts';
import { expectAccessible } from '../support/browser.ts';
import { useServerAndBrowser } from '../support/browser-session.ts';
import { aStoredKpiResult, feedbackGiven } from '../support/quality-rows.ts';
import {
  acceptedReferrals,
  aHearingReferral,
  aListingIn,
  aProviderWithSites,
  nhsNumberFrom,
  placePostcodes,
  tokenFor,
} from '../support/referral-rows.ts';

/** The month before today's, as YYYY-MM: the latest month a KPI run has finished. */
function lastMonth(today: string): string {
  return addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
}

describe('a patient chooses on measured quality, in Chromium', () => {
  const session = useServerAndBrowser();

  it('shows each provider’s measured quality and feedback, and lets the patient reorder the list by wait with a plain link', async () => {
    const { deps, baseUrl } = session.server;
    const today = deps.clock.today();
    await placePostcodes(deps);
    const offerId = (
      (await (await fetch(`${baseUrl}/api/v1/offers?service=adult-hearing&commissioner=02T`)).json()) as { items: { id: string }[] }
    ).items[0]!.id;
    await aProviderWithSites(deps, {
      odsCode: 'TST81',
      name: 'Ripponden Hearing (test)',
      sites: [{ name: 'Ripponden clinic', postcode: 'HX6 3AB' }],
    });
    await aProviderWithSites(deps, {
      odsCode: 'TST82',
      name: 'Todmorden Hearing (test)',
      sites: [{ name: 'Todmorden clinic', postcode: 'OL14 5RN' }],
    });
    await aListingIn(deps, offerId, 'TST81', 'live', today);
    const todmorden = { offerId, ...(await aListingIn(deps, offerId, 'TST82', 'live', today)) };
    const sent = [40, 39, 38, 37, 36].map((days) => addDays(today, -days));
    await acceptedReferrals(
      deps,
      todmorden,
      sent.map((on) => [on, on, addDays(on, 3)]),
    );
    await aStoredKpiResult(deps, { ...todmorden, endMonth: lastMonth(today), numerator: 230, denominator: 250 });
    await feedbackGiven(deps, todmorden, ['very-good', 'very-good', 'good', 'good', 'poor'], addDays(today, -10));

    const practice = await deps.db.selectFrom('organisations').select('id').where('ods_code', '=', 'B84001').executeTakeFirstOrThrow();
    const created = await fetch(`${baseUrl}/api/v1/referrals`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await tokenFor(deps, practice.id, 'referrer')}`, 'content-type': 'application/json' },
      body: JSON.stringify(aHearingReferral({ dateOfBirth: '1950-12-10', nhsNumber: nhsNumberFrom('401023611') })),
    });
    expect(created.status).toBe(201);
    const { ubrn, accessCode } = (await created.json()) as { ubrn: string; accessCode: string };

    const context = await session.browser.newContext();
    const patient = await context.newPage();
    await patient.goto(`${baseUrl}/referral-status`);
    await patient.getByLabel('Referral reference').fill(ubrn);
    await patient.getByLabel('Access code').fill(accessCode);
    const birth = patient.getByRole('group', { name: 'Your date of birth' });
    await birth.getByLabel('Day').fill('10');
    await birth.getByLabel('Month').fill('12');
    await birth.getByLabel('Year').fill('1950');
    await patient.getByRole('button', { name: 'Continue' }).click();
    const choices = patient.getByRole('group', { name: 'Choose a provider' }).locator('label.nhsuk-radios__label');
    expect((await choices.allTextContents()).map((label) => label.trim())).toEqual([
      '1. Ripponden Hearing (test), Ripponden clinic',
      '2. Todmorden Hearing (test), Todmorden clinic',
    ]);
    const main = patient.getByRole('main');
    expect(await main.textContent()).toContain('92% of 250 patients in the 12 months to');
    expect(await main.textContent()).toContain('80% of 5 people said their experience was good or very good');
    expect(await main.textContent()).toContain('New provider — not enough data yet');
    await expectAccessible(patient);

    await patient.getByRole('link', { name: 'Order by wait instead' }).click();
    expect((await choices.allTextContents()).map((label) => label.trim())).toEqual([
      '1. Todmorden Hearing (test), Todmorden clinic',
      '2. Ripponden Hearing (test), Ripponden clinic',
    ]);
    expect(await main.textContent()).toContain('1 provider has not seen enough patients yet to give a wait, so it is listed last.');
    await expectAccessible(patient);
    await context.close();
  });
});
