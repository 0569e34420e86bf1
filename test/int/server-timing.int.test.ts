import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';

/** The milliseconds a reply's Server-Timing header gives for the app, or NaN when it gives none. */
function appDuration(header: unknown): number {
  const match = /^app;dur=(\d+(?:\.\d+)?)$/.exec(String(header ?? ''));
  return match ? Number(match[1]) : Number.NaN;
}

describe('every reply says how long the server took (Server-Timing)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('gives the server time of a JSON route, a page and an error as app;dur in milliseconds', async () => {
    for (const url of ['/health/live', '/', '/no-such-page']) {
      const response = await t.app.inject({ method: 'GET', url });
      const duration = appDuration(response.headers['server-timing']);
      expect(duration, `${url}: ${String(response.headers['server-timing'])}`).toBeGreaterThanOrEqual(0);
      expect(duration).toBeLessThan(60_000);
    }
  });
});
