import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from '../support/browser.ts';
import { signedInPage, useServerAndBrowser } from '../support/browser-session.ts';

describe('local engagement and prioritisation in Chromium', () => {
  const session = useServerAndBrowser();

  const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
  const banner = (page: Page) => page.locator('.nhsuk-notification-banner--success').textContent();

  it('takes a commissioner from long list to an approved short list of three, notified to the region, every page accessible', async () => {
    const page = await signedInPage(session, 'commissioner@aqp.example');
    await page.goto(`${session.server.baseUrl}/prioritisation`);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Start a prioritisation' }).click();
    await page.getByRole('button', { name: 'Start prioritisation' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('Enter a title for the prioritisation');
    expect(await page.title()).toMatch(/^Error: /);
    await expectAccessible(page);
    await page.getByLabel('Title').fill('West Yorkshire AQP engagement');
    await page.getByLabel('Plan year').fill('2012/13');
    await page.getByRole('button', { name: 'Start prioritisation' }).click();
    expect(await heading(page)).toBe('West Yorkshire AQP engagement');
    expect(await banner(page)).toContain('has been started');
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Long list and local candidates' }).click();
    await page.getByLabel('Service name').fill('Dermatology');
    await page.getByRole('button', { name: 'Add local candidate' }).click();
    expect(await banner(page)).toContain('Dermatology has been added to the long list.');
    await page.getByRole('button', { name: 'Remove MRI' }).click();
    expect(await banner(page)).toContain('removed');
    await expectAccessible(page);
    await page.getByRole('link', { name: /^Back to/ }).click();

    await page.getByRole('link', { name: 'Stakeholder responses' }).click();
    await page
      .getByLabel('Responses as CSV')
      .fill('service,group,priority,benefits\nadult-hearing,Patients,high,Shorter waits\nno-such-service,GPs,mid,\n');
    await page.getByRole('button', { name: 'Import responses' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('Row 3: "no-such-service" is not on the long list');
    await expectAccessible(page);
    await page
      .getByLabel('Responses as CSV')
      .fill('service,group,priority,benefits\nadult-hearing,Patients,high,Shorter waits\nDermatology,GPs,mid,Closer to home\n');
    await page.getByRole('button', { name: 'Import responses' }).click();
    expect(await banner(page)).toContain('2 responses have been imported.');
    await page.getByLabel('Service', { exact: true }).selectOption({ label: 'Primary care psychological therapies' });
    await page.getByLabel('Stakeholder group').fill('Health and Wellbeing Boards');
    await page.getByLabel('High').check();
    await page.getByRole('button', { name: 'Add response' }).click();
    expect(await banner(page)).toContain('The response has been recorded.');
    await expectAccessible(page);
    await page.getByRole('link', { name: /^Back to/ }).click();

    await page.getByRole('link', { name: 'Criteria and scores' }).click();
    for (const [kind, name, weight] of [
      ['Prioritisation criterion', 'Patient and public views', '40'],
      ['Benefits criterion', 'Improves access', '60'],
    ] as const) {
      await page.getByLabel(kind).check();
      await page.getByLabel('Criterion name').fill(name);
      await page.getByLabel('Weight').fill(weight);
      await page.getByRole('button', { name: 'Add criterion' }).click();
      expect(await banner(page)).toContain(`${name} has been added`);
    }
    for (const [service, score] of [
      ['Adult hearing', '5'],
      ['MSK back and neck pain', '4'],
      ['Primary care psychological therapies', '4'],
      ['Dermatology', '2'],
    ] as const) {
      for (const criterion of ['Patient and public views', 'Improves access'])
        await page.getByLabel(`Score of ${service} for ${criterion}`).fill(score);
    }
    await page.getByLabel('Score of Podiatry for Improves access').fill('7');
    await page.getByRole('button', { name: 'Save scores' }).click();
    expect(await page.getByRole('alert').textContent()).toContain(
      'Enter the score of Podiatry for Improves access as a whole number from 0 to 5',
    );
    await expectAccessible(page);
    await page.getByLabel('Score of Podiatry for Improves access').fill('');
    await page.getByRole('button', { name: 'Save scores' }).click();
    expect(await banner(page)).toContain('The scores have been saved');
    await expectAccessible(page);
    await page.getByRole('link', { name: /^Back to/ }).click();

    const firstRow = page.locator('table').first().locator('tbody tr').first();
    expect(await firstRow.textContent()).toContain('Adult hearing');
    await page.getByRole('link', { name: 'Choose the short list' }).click();
    await page.getByLabel('Adult hearing').check();
    await page.getByLabel('MSK back and neck pain').check();
    await page.getByRole('button', { name: 'Choose short list' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('Choose at least 3 services for the short list (you chose 2)');
    await expectAccessible(page);
    await page.getByLabel('Primary care psychological therapies').check();
    await page.getByRole('button', { name: 'Choose short list' }).click();
    expect(await banner(page)).toContain('The short list of 3 services has been chosen.');

    await page.getByRole('link', { name: 'Record the board’s approval' }).click();
    await expectAccessible(page);
    await page.getByLabel('Board that approved the short list').fill('Cluster Board');
    await page.getByRole('button', { name: 'Record approval' }).click();
    expect(await banner(page)).toContain('The approval by Cluster Board has been recorded.');

    await page.getByRole('link', { name: 'Notify the region', exact: true }).click();
    expect(await page.locator('main').textContent()).toContain('NHS England North East and Yorkshire');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Send notification' }).click();
    expect(await banner(page)).toContain('NHS England North East and Yorkshire has been notified of the short list.');
    expect(await page.locator('main').textContent()).toContain('1. Adult hearing: score 100.0 out of 100');
    await expectAccessible(page);

    await page.getByRole('link', { name: /^Change\s+Engage on local priorities/ }).click();
    await expectAccessible(page);
    await page.getByLabel('Done').check();
    await page.getByRole('button', { name: 'Save milestone' }).click();
    expect(await banner(page)).toContain('The milestone has been updated.');
    await page.context().close();

    const reviewer = await signedInPage(session, 'regional.reviewer@aqp.example');
    await reviewer.goto(`${session.server.baseUrl}/prioritisation`);
    await expectAccessible(reviewer);
    await reviewer.getByRole('link', { name: 'West Yorkshire AQP engagement' }).click();
    expect(await reviewer.locator('main').textContent()).toContain('Notification sent to NHS England North East and Yorkshire');
    await expectAccessible(reviewer);
    await reviewer.context().close();
  });
});
