/** Debian's Chromium driven by playwright-core, with the launch flags our closed network needs, and axe checks. */
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Runs axe at WCAG 2.2 A and AA on the current page and fails with every violation listed; a public page (no staff session, or `public: true`) must also be in plain words. */
export async function expectAccessible(page: Page, options: { public?: boolean } = {}): Promise<void> {
  const analyze = () => new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']).analyze();
  await page.waitForLoadState('load');
  // A click that navigates may still be loading the next page when axe starts: its document goes away under axe. Once loaded, run again.
  const results = await analyze().catch(async (error: Error) => {
    if (!/documentElement|Execution context was destroyed|navigat/i.test(error.message)) throw error;
    await page.waitForLoadState('load');
    return analyze();
  });
  const violations = results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
  expect(violations, `axe violations on ${page.url()}`).toEqual([]);
  if (options.public ?? (await isPublicPage(page))) await expectPlainPublicWording(page);
  await expectNoSidewaysScroll(page);
}

/** What a patient must never read on a public page (issue #12): codes and internal wording that only staff can decode. */
export const PUBLIC_WORDING_RULES: readonly { what: string; pattern: RegExp }[] = [
  { what: 'an ISO date (write "6 December 2026")', pattern: /\b\d{4}-\d{2}-\d{2}\b/ },
  { what: 'an offer reference', pattern: /\bAQP-\d+\b/ },
  { what: 'an unspaced 12-digit referral reference', pattern: /(?<!\d)\d{12}(?!\d)/ },
  { what: 'an id', pattern: /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i },
  { what: 'the words "ODS code"', pattern: /\bODS code/i },
  { what: 'a sub-ICB location code in a name', pattern: /\bICB - [A-Z0-9]{3,5}\b/i },
  { what: 'an ODS code', pattern: /\b(?:DEMO\d+|TST\d+|[A-Z]\d{5}|\d{2}[A-Z]|[A-Z]\d[A-Z]\d[A-Z]|Q[A-Z][A-Z0-9]|Y\d\d|RO\d{3})\b/ },
  { what: 'an upper-case ODS name', pattern: /\b[A-Z][A-Z'&]+(?:,? (?:[A-Z][A-Z'&-]+|&)){2,}\b/ },
  {
    what: 'internal wording',
    pattern: /ONS Postcode Directory|check digit|accepted in the last \d+ days|Primary care psychological therapies/i,
  },
];

/** Every rule the text breaks, each with the words that break it. */
export function publicWordingProblems(text: string): string[] {
  return PUBLIC_WORDING_RULES.flatMap(({ what, pattern }) => {
    const found = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
    const matches = [...new Set([...text.matchAll(found)].map((match) => match[0]))];
    return matches.length ? [`${what}: ${matches.map((match) => JSON.stringify(match)).join(', ')}`] : [];
  });
}

/** True when the page was reached without a staff session: the header offers to sign in rather than to sign out. */
export async function isPublicPage(page: Page): Promise<boolean> {
  return (await page.locator('[action="/sign-out"], [href="/sign-out"]').count()) === 0;
}

/** Fails when a public page shows an ODS code, an internal reference, an ISO date or an upper-case ODS name. */
export async function expectPlainPublicWording(page: Page): Promise<void> {
  const text = await page.locator('body').innerText();
  expect(publicWordingProblems(text), `codes or internal wording on the public page ${page.url()}`).toEqual([]);
}

/** The narrowest viewport WCAG 2.2 1.4.10 (Reflow) asks content to fit without scrolling in two directions. */
export const REFLOW_WIDTH_PX = 320;

/** What overflows a page at a width: how far it scrolls sideways and the element reaching furthest right. */
export interface SidewaysScroll {
  scrollWidth: number;
  clientWidth: number;
  widest: string | null;
}

/** Measures sideways scrolling at 320 px wide, then restores the viewport, so every page the e2e tests visit is held to WCAG 1.4.10. */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const scroll = await measureAtWidth(page, REFLOW_WIDTH_PX);
  const overflow = `${page.url()} is ${scroll.scrollWidth} px wide at ${REFLOW_WIDTH_PX} px (widest: ${scroll.widest})`;
  expect(scroll.scrollWidth, overflow).toBeLessThanOrEqual(scroll.clientWidth);
}

/** Resizes the viewport to a width, measures the document's scroll width and the element reaching furthest right, and puts the viewport back. */
export async function measureAtWidth(page: Page, width: number): Promise<SidewaysScroll> {
  const before = page.viewportSize();
  await resizeAndSettle(page, { width, height: before?.height ?? 720 });
  try {
    return await page.evaluate<SidewaysScroll>(WIDEST_OVERFLOW);
  } finally {
    if (before) await resizeAndSettle(page, before);
  }
}

/** Resizes the viewport and waits two frames, so scripts that lay out on resize (the NHS header's "More" menu) have done so. */
async function resizeAndSettle(page: Page, size: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(size);
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
}

/**
 * Runs in the page (plain JavaScript: the project has no DOM types): compares the root's scroll width with its client width and names the
 * element whose right edge lies furthest beyond it; elements inside a scrolling or clipping box cannot widen the page and are skipped.
 */
const WIDEST_OVERFLOW = `(() => {
  const root = document.documentElement;
  const clipped = (element) => {
    for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
      if (getComputedStyle(parent).overflowX !== 'visible') return true;
    }
    return false;
  };
  let widest = null;
  for (const element of document.body.querySelectorAll('*')) {
    const right = element.getBoundingClientRect().right + window.scrollX;
    if (right > root.clientWidth + 0.5 && (!widest || right > widest.right) && !clipped(element)) widest = { right, element };
  }
  const describe = ({ element, right }) => {
    const classes = typeof element.className === 'string' && element.className.trim() ? '.' + element.className.trim().split(/\\s+/).join('.') : '';
    const text = (element.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 60);
    return '<' + element.tagName.toLowerCase() + (element.id ? '#' + element.id : '') + classes + '> reaching ' + Math.round(right) + ' px: "' + text + '"';
  };
  return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, widest: widest ? describe(widest) : null };
})()`;
