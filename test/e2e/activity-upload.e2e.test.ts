import { describe, expect, it } from 'vitest';
import { aCsvFile, aSessionRow } from '../support/activity-csv-rows.ts';
import { expectAccessible } from '../support/browser.ts';
import { signedInPage, useServerAndBrowser } from '../support/browser-session.ts';

const PROVIDER = 'provider.admin@aqp.example';
const aFile = (rows: string[]) => ({ name: 'activity.csv', mimeType: 'text/csv', buffer: Buffer.from(aCsvFile(rows)) });

describe('uploading activity lines in Chromium', () => {
  const session = useServerAndBrowser('region');

  it('shows the error, then the upload’s progress with JavaScript, then the report by line number in place', async () => {
    const page = await signedInPage(session, PROVIDER);
    await page.getByRole('link', { name: 'Activity and payments', exact: true }).first().click();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Upload activity lines from a CSV file' }).click();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Upload file' }).click();
    await expect.poll(() => page.title()).toContain('Error: Upload activity lines');
    expect(await page.locator('#file-error').textContent()).toContain('Select a CSV file of activity lines');
    await expectAccessible(page);
    // Keeps every message the progress status shows, since the page it lives on is replaced by the answer.
    await page.evaluate(`
      window.progressSeen = [];
      const status = document.getElementById('upload-progress-text');
      new MutationObserver(() => window.progressSeen.push(status.textContent)).observe(status, { childList: true, characterData: true, subtree: true });
    `);
    const rows = Array.from({ length: 300 }, (_, index) => aSessionRow(`E2E-${index + 1}`, '999999999999'));
    await page.getByLabel('CSV file').setInputFiles(aFile(rows));
    const posted = page.waitForRequest((request) => request.method() === 'POST' && request.url().endsWith('/payments/activity/upload'));
    await page.getByRole('button', { name: 'Upload file' }).click();

    expect((await posted).resourceType()).toBe('xhr');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Activity file received');
    const progress = (await page.evaluate('window.progressSeen')) as string[];
    expect(progress).toContain('Uploading: 0%');
    expect(progress.some((text) => text.startsWith('File uploaded. Checking the lines'))).toBe(true);
    expect(await page.title()).toContain('Activity file received');
    expect(await page.getByRole('table').textContent()).toContain('unknown-referral');
    await expectAccessible(page);
    await page.context().close();
  }, 120_000);

  it('posts the form without JavaScript (pages checked by axe in the test above): the error next to the field, then the report page', async () => {
    const page = await signedInPage(session, PROVIDER, { javaScriptEnabled: false });
    await page.goto(`${session.server.baseUrl}/payments/activity/upload`);
    await page.getByRole('button', { name: 'Upload file' }).click();
    expect(await page.title()).toContain('Error: Upload activity lines');
    expect(await page.locator('#file-error').textContent()).toContain('Select a CSV file of activity lines');

    await page.getByLabel('CSV file').setInputFiles(aFile([aSessionRow('NOJS-1', '999999999999'), aSessionRow('', '999999999999')]));
    await page.getByRole('button', { name: 'Upload file' }).click();

    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Activity file received');
    expect(await page.getByRole('link', { name: 'Download this report as a CSV file' }).getAttribute('download')).toBe(
      'activity-report.csv',
    );
    await page.context().close();
  }, 120_000);
});
