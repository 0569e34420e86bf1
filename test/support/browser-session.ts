/** One real server and one Chromium per e2e test file, started together and closed after the file's tests. */
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/demo/region.demo-seed.ts';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './browser.ts';
import type { TestSeed } from './test-app.ts';
import type { Clock } from '../../src/lib/clock.ts';
import { startTestServer, type TestServer } from './test-server.ts';

export interface BrowserSession {
  readonly server: TestServer;
  readonly browser: Browser;
}

/** Registers the file's beforeAll/afterAll and returns accessors that are valid inside tests; the journeys start from the demo region, offers and proposals unless a file asks for less. */
export function useServerAndBrowser(seed: TestSeed = 'demo', clock?: Clock): BrowserSession {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(seed, clock), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get server() {
      if (!server) throw new Error('the server has not started');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('Chromium has not started');
      return browser;
    },
  };
}

/** A new browser context signed in as a demo person, on their home page. */
export async function signedInPage(session: BrowserSession, email: string, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const context = await session.browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true });
  const page = await context.newPage();
  await page.goto(`${session.server.baseUrl}/sign-in`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${session.server.baseUrl}/`);
  return page;
}
