import { describe, expect, it } from 'vitest';
import { expectAccessible } from '../support/browser.ts';
import { signedInPage, useServerAndBrowser } from '../support/browser-session.ts';

describe('a finance officer sets a budget and reads its forecast in Chromium', () => {
  const session = useServerAndBrowser('demo');

  it('sets a plan after fixing the errors shown beside the fields, then reads the chart, its table and the sources, accessibly', async () => {
    const page = await signedInPage(session, 'finance@aqp.example');
    page.setDefaultTimeout(30_000);
    await page.goto(`${session.server.baseUrl}/payments/budgets`);
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Set a budget plan' }).click();
    await expectAccessible(page);
    await page.getByLabel('Budget for the year').fill('lots');
    await page.getByRole('button', { name: 'Save budget plan' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('Choose the service the budget is for');
    await expectAccessible(page);
    await page.getByLabel('Service').selectOption('back-and-neck-pain');
    await page.getByLabel('Budget for the year').fill('250,000');
    await page.getByRole('button', { name: 'Save budget plan' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('budget');
    expect(await page.getByRole('img', { name: /Cumulative spend against plan/ }).count()).toBe(1);
    expect(await page.getByRole('table', { name: 'The chart’s numbers, month by month' }).getByRole('row').count()).toBe(13);
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Change the plan' }).click();
    await expectAccessible(page);
    await page.goto(`${session.server.baseUrl}/payments/budgets/import`);
    await expectAccessible(page);
    await page.context().close();
  });
});
