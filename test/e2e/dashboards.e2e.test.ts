import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/lib/clock.ts';
import { aPricedBackPainOffer } from '../support/activity-rows.ts';
import { expectAccessible } from '../support/browser.ts';
import { signedInPage, useServerAndBrowser } from '../support/browser-session.ts';
import { aKpiResult, anotherProviderOn, feedbackAnswers, referralsSent } from '../support/dashboard-rows.ts';

const TODAY = '2026-10-15';

describe('dashboards in Chromium', () => {
  const session = useServerAndBrowser('region', fixedClock(`${TODAY}T12:00:00Z`));

  it('shows each role its dashboard with accessible charts, tables and a working filter', async () => {
    const { deps } = session.server;
    const demo1 = await aPricedBackPainOffer(deps, TODAY, 3500);
    const demo2 = await anotherProviderOn(deps, demo1, 'DEMO2', TODAY);
    await referralsSent(deps, demo1, '2026-06-10', 5, '2026-06-22');
    await referralsSent(deps, demo2, '2026-07-01', 2);
    await feedbackAnswers(deps, demo1, '2026-09-02', ['very-good', 'good', 'poor']);
    const kpi = { code: 'seen-16', name: 'Seen within 16 working days', numerator: 9, denominator: 10, threshold: 90 };
    await aKpiResult(deps, demo1, { ...kpi, endMonth: '2026-08', status: 'met' });
    await aKpiResult(deps, demo2, { ...kpi, endMonth: '2026-09', numerator: 5, status: 'breached' });

    const commissioner = await signedInPage(session, 'commissioner@aqp.example');
    commissioner.setDefaultTimeout(30_000);
    await commissioner.getByRole('link', { name: 'Dashboard' }).first().click();
    expect(await commissioner.getByRole('heading', { level: 1 }).textContent()).toBe('Commissioner dashboard');
    expect(await commissioner.getByRole('img', { name: /Providers’ shares of referrals/ }).count()).toBe(1);
    await expectAccessible(commissioner);
    await commissioner.getByRole('radio', { name: 'Months I choose' }).check();
    await commissioner.getByLabel('First month (for “Months I choose”)').selectOption('2026-07');
    await commissioner.getByRole('button', { name: 'Show figures' }).click();
    expect(await commissioner.getByText('July 2026 to October 2026', { exact: true }).count()).toBe(1);
    await expectAccessible(commissioner);
    await commissioner.context().close();

    for (const [email, url] of [
      ['provider.admin@aqp.example', '/dashboards/provider'],
      ['national.admin@aqp.example', '/dashboards/national'],
    ] as const) {
      const page = await signedInPage(session, email);
      page.setDefaultTimeout(30_000);
      await page.goto(`${session.server.baseUrl}${url}`);
      expect(await page.getByRole('img').count()).toBeGreaterThan(0);
      await page.getByText('Show the numbers as a table').first().click();
      await expectAccessible(page);
      await page.context().close();
    }
  });
});
