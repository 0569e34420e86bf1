import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../../src/demo/region.demo-seed.ts';
import { TASKS_BY_ROLE } from '../../src/http/web/role-tasks.ts';
import { expectAccessible } from '../support/browser.ts';
import { useServerAndBrowser } from '../support/browser-session.ts';

describe('every demo role in Chromium', () => {
  const session = useServerAndBrowser();

  async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
    await page.goto(`${session.server.baseUrl}/sign-in`);
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  it('shows the public pages accessibly', async () => {
    const context = await session.browser.newContext();
    const page = await context.newPage();
    for (const path of ['/', '/sign-in', '/about-the-data', '/accessibility-statement', '/cookies', '/no-such-page']) {
      await page.goto(`${session.server.baseUrl}${path}`);
      await expectAccessible(page);
    }
    await page.goto(`${session.server.baseUrl}/`);
    await page.getByRole('link', { name: 'About the data' }).first().click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('About the data');
    await context.close();
  });

  it('shows a wrong password in the error summary, accessibly', async () => {
    const context = await session.browser.newContext();
    const page = await context.newPage();
    await signIn(page, 'commissioner@aqp.example', 'wrong-password');
    expect(await page.getByRole('alert').textContent()).toContain('Enter a correct email address and password');
    await expectAccessible(page);
    await context.close();
  });

  for (const user of DEMO_USERS) {
    it(`signs in as the ${user.role} and reaches every task page accessibly`, async () => {
      const context = await session.browser.newContext();
      const page = await context.newPage();
      await signIn(page, user.email);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Your tasks');
      expect(await page.getByRole('banner').textContent()).toContain(user.name);
      await expectAccessible(page);
      for (const task of TASKS_BY_ROLE[user.role].filter((t) => !t.href.startsWith('/api/'))) {
        await page.goto(`${session.server.baseUrl}/`);
        await page.getByRole('link', { name: task.title, exact: true }).last().click();
        await page.waitForURL(`${session.server.baseUrl}${task.href}`);
        expect(await page.title()).toContain('Any Qualified Provider');
        await expectAccessible(page);
      }
      await page.getByRole('button', { name: 'Sign out' }).click();
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('You have signed out');
      await expectAccessible(page);
      await context.close();
    });
  }

  it('refuses a provider the commissioning page with an accessible 403 page', async () => {
    const context = await session.browser.newContext();
    const page = await context.newPage();
    await signIn(page, 'provider.admin@aqp.example');
    const response = await page.goto(`${session.server.baseUrl}/commissioning`);
    expect(response?.status()).toBe(403);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('You do not have permission');
    await expectAccessible(page);
    await context.close();
  });
});
