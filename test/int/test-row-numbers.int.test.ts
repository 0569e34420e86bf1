import { afterAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/lib/clock.ts';
import { aPricedBackPainOffer, aReferralFor } from '../support/activity-rows.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

const TODAY = '2027-02-01';

/** Test files share a worker's modules (decision 0071), so what a builder numbers must start again in each file's own database. */
describe('numbers the builders give test rows', () => {
  const apps: TestApp[] = [];
  afterAll(async () => {
    for (const t of apps) await t.close();
  });

  it("start at 1 in each database, whatever another file's database was given before in the same worker", async () => {
    const firstUbrnIn = async () => {
      const t = await createTestApp({ seed: 'region', clock: fixedClock(`${TODAY}T12:00:00Z`) });
      apps.push(t);
      const world = await aPricedBackPainOffer(t.deps, TODAY, 4_500);
      const first = await aReferralFor(t.deps, world, { acceptedOn: TODAY });
      await aReferralFor(t.deps, world, { acceptedOn: TODAY });
      return first.ubrn;
    };
    expect(await firstUbrnIn()).toBe('700000000001');
    expect(await firstUbrnIn()).toBe('700000000001');
  });
});
