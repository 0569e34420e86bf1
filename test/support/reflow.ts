/** WCAG 1.4.10 reflow: at 320 CSS pixels wide a page must not scroll sideways. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Narrows the page to 320 px, fails naming the widest elements if it is wider than the viewport, and restores the width it had. */
export async function expectReflowsAt320(page: Page): Promise<void> {
  const before = page.viewportSize();
  await page.setViewportSize({ width: 320, height: before?.height ?? 720 });
  /* Two frames, so scripts that answer the resize (the header's menu) have run, as they would for a person on a phone. */
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
  const width = await page.evaluate('document.documentElement.scrollWidth') as number;
  const culprits = width > 320 ? await page.evaluate(`[...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > 321).slice(0, 8).map((e) => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join(' | ')`) : '';
  if (before) await page.setViewportSize(before);
  expect(width, `${page.url()} scrolls sideways at 320 px: ${String(culprits)}`).toBeLessThanOrEqual(320);
}
