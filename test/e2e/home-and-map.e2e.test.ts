import { describe, expect, it } from 'vitest';
import { expectAccessible } from '../support/browser.ts';
import { signedInPage, useServerAndBrowser } from '../support/browser-session.ts';

describe('home page counts and the AQP map in Chromium', () => {
  const session = useServerAndBrowser();

  it('shows the regional reviewer what needs them now as counts, each leading to the list it counts', async () => {
    const page = await signedInPage(session, 'regional.reviewer@aqp.example');
    await expectAccessible(page);
    const needs = page.locator('#needs-now');
    const count = needs.getByRole('link', { name: /local service proposals? awaiting your assessment/ });
    const counted = Number((await count.textContent())!.trim().split(' ')[0]);
    expect(counted).toBeGreaterThan(0);
    await count.click();
    await page.waitForURL(/\/proposals\/review\?status=submitted/);
    await expectAccessible(page);
    expect(await page.getByText(`of ${counted}`, { exact: false }).first().isVisible()).toBe(true);
    await page.context().close();
  });

  it('draws the map on the coast with commissioners’ approximate areas, said to be approximate, with and without JavaScript', async () => {
    const db = session.server.deps.db;
    const calderdale = (await db.selectFrom('organisations').select('id').where('ods_code', '=', '02T').executeTakeFirstOrThrow()).id;
    await db
      .insertInto('organisations')
      .values(
        [
          [53.72, -1.86],
          [53.65, -1.78],
          [53.71, -2.09],
          [53.75, -1.9],
        ].map(([latitude, longitude], index) => ({
          ods_code: `E2E0${index}`,
          name: `Map practice ${index}`,
          kind: 'gp-practice',
          ods_type: 'gp-practice',
          parent_id: calderdale,
          latitude,
          longitude,
        })),
      )
      .execute();
    for (const javaScriptEnabled of [true, false]) {
      const context = await session.browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(`${session.server.baseUrl}/map`);
      // axe runs in the page, so it checks the page with JavaScript on; without it the same HTML must still carry the map.
      if (javaScriptEnabled) await expectAccessible(page);
      const map = page.getByRole('img', { name: 'Map of England with a circle for each commissioner and its approximate area' });
      expect(await map.isVisible()).toBe(true);
      expect(await map.locator('desc').textContent()).toContain('1 shaded area is approximate');
      expect(await map.locator('path > title').allTextContents()).toEqual([
        expect.stringMatching(/^Approximate area of .+, drawn around its 4 GP practices$/),
      ]);
      expect(await page.getByText('Areas are approximate.').isVisible()).toBe(true);
      expect(await page.getByRole('link', { name: 'Go to the table of commissioners and the services they offer' }).isVisible()).toBe(true);
      await context.close();
    }
  });
});
