import { describe, expect, it } from 'vitest';
import { ASSESSMENT_CRITERIA } from '../../src/domains/proposals/proposals.rules.ts';
import { expectAccessible } from '../support/browser.ts';
import { signedInPage, useServerAndBrowser } from '../support/browser-session.ts';

describe('local service proposals and the AQP map in Chromium', () => {
  const session = useServerAndBrowser();

  it('lets a commissioner propose and submit a service, and the region assess and decide it', async () => {
    const commissioner = await signedInPage(session, 'commissioner@aqp.example');
    await commissioner.goto(`${session.server.baseUrl}/proposals`);
    await expectAccessible(commissioner);
    await commissioner.getByRole('button', { name: 'Propose a service' }).click();
    await expectAccessible(commissioner);
    await commissioner.getByLabel('Service name').fill('Phlebotomy');
    await commissioner.getByRole('button', { name: 'Save draft' }).click();
    expect(await commissioner.getByRole('alert').textContent()).toContain('Phlebotomy is already a national service');
    await expectAccessible(commissioner);
    await commissioner.getByLabel('Service name').fill('Domiciliary eye tests');
    await commissioner.getByLabel('Description of the service').fill('Sight tests at home for housebound adults.');
    await commissioner
      .getByLabel('Rationale and evidence of local need')
      .fill('300 housebound patients a year wait over 6 months for a home visit.');
    await commissioner.getByRole('button', { name: 'Save draft' }).click();
    expect(await commissioner.locator('.nhsuk-notification-banner--success').textContent()).toContain('saved as a draft');
    await expectAccessible(commissioner);
    await commissioner.getByRole('link', { name: 'Edit this proposal' }).click();
    await expectAccessible(commissioner);
    await commissioner.getByRole('link', { name: 'Back', exact: true }).click();
    await commissioner.getByRole('button', { name: 'Submit to your region' }).click();
    await expectAccessible(commissioner);
    await commissioner.getByRole('button', { name: 'Submit proposal' }).click();
    await commissioner.waitForURL(/\/proposals\/[0-9a-f-]{36}$/);
    expect(await commissioner.locator('.nhsuk-notification-banner--success').textContent()).toContain('submitted to the region');
    expect(await commissioner.locator('main strong.nhsuk-tag').textContent()).toContain('Awaiting assessment');
    await expectAccessible(commissioner);
    const proposalUrl = commissioner.url();

    const reviewer = await signedInPage(session, 'regional.reviewer@aqp.example');
    await reviewer.goto(`${session.server.baseUrl}/proposals/review`);
    await expectAccessible(reviewer);
    await reviewer.getByRole('link', { name: 'Domiciliary eye tests' }).click();
    await expectAccessible(reviewer);
    await reviewer.getByRole('button', { name: 'Assess criteria' }).click();
    await expectAccessible(reviewer);
    await reviewer
      .getByRole('group', { name: 'Is “Patient benefit and demand for choice” met?' })
      .getByLabel('Met', { exact: true })
      .check();
    await reviewer.getByRole('button', { name: 'Save assessment' }).click();
    expect(await reviewer.getByRole('alert').textContent()).toContain('Give a note for “Patient benefit and demand for choice”');
    await expectAccessible(reviewer);
    for (const criterion of ASSESSMENT_CRITERIA) {
      const met = criterion.code === 'affordability' ? 'Not met' : 'Met';
      await reviewer
        .getByRole('group', { name: `Is “${criterion.title}” met?` })
        .getByLabel(met, { exact: true })
        .check();
      await reviewer.getByLabel(`Note on “${criterion.title}”`).fill(`${met}: see the evidence on ${criterion.code}.`);
    }
    await reviewer.getByRole('button', { name: 'Save assessment' }).click();
    expect(await reviewer.locator('.nhsuk-notification-banner--success').textContent()).toContain('Your assessment has been saved');
    await expectAccessible(reviewer);
    await reviewer.getByRole('button', { name: 'Decide' }).click();
    await expectAccessible(reviewer);
    await reviewer.getByLabel('Reject').check();
    await reviewer.getByLabel('Reasons for the decision').fill('Not affordable this year; resubmit with a demand cap.');
    await reviewer.getByRole('button', { name: 'Record decision' }).click();
    expect(await reviewer.locator('.nhsuk-notification-banner--success').textContent()).toContain('has been rejected');
    await expectAccessible(reviewer);

    await commissioner.goto(proposalUrl);
    expect(await commissioner.getByRole('heading', { name: 'Decision: rejected' }).isVisible()).toBe(true);
    expect(await commissioner.getByText('Not affordable this year; resubmit with a demand cap.').isVisible()).toBe(true);
    await expectAccessible(commissioner);
    await commissioner.context().close();
    await reviewer.context().close();
  });

  it('shows the public AQP map with its key, table alternative, filters and downloads', async () => {
    const context = await session.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${session.server.baseUrl}/map`);
    await expectAccessible(page);
    expect(await page.getByRole('img', { name: 'Map of England with a circle for each commissioner' }).isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: 'Key: number of services offered' }).isVisible()).toBe(true);
    expect(
      await page
        .getByRole('table', { name: 'Applications by service, across England' })
        .getByRole('rowheader', { name: 'Adult hearing' })
        .isVisible(),
    ).toBe(true);
    await page.getByRole('link', { name: 'Go to the table of commissioners and the services they offer' }).click();
    expect(page.url()).toContain('#matrix');
    await page.getByLabel('Service', { exact: true }).selectOption({ label: 'Adult hearing' });
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/service=adult-hearing/);
    expect(await page.getByRole('table', { name: 'Services offered by each commissioner' }).getByRole('rowheader').count()).toBeGreaterThan(
      0,
    );
    await expectAccessible(page);
    const csv = await fetch(`${session.server.baseUrl}/map.csv?service=adult-hearing`);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    expect((await csv.text()).split('\r\n')[0]).toContain('commissioner_ods_code');
    await context.close();
  });

  it('filters the map’s table without JavaScript', async () => {
    const context = await session.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${session.server.baseUrl}/map`);
    await page.getByLabel('Integrated care board').selectOption({ label: 'NHS West Yorkshire Integrated Care Board' });
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/icb=QWO/);
    const rows = page.getByRole('table', { name: 'Services offered by each commissioner' }).getByRole('rowheader');
    expect(await rows.count()).toBe(3);
    await context.close();
  });
});
