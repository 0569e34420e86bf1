import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readModelVersions } from '../../src/db/read-model-versions.repo.ts';
import { fixedClock } from '../../src/lib/clock.ts';
import { aPricedBackPainOffer, aReferralFor, type ActivityWorld } from '../support/activity-rows.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

const TODAY = '2027-03-01';

describe('a referral moves its provider’s version when it counts towards waits (decision 0076)', () => {
  let t: TestApp;
  let world: ActivityWorld;
  const providerVersion = async () => (await readModelVersions(t.deps.db, [world.providerId])).get(world.providerId)!;

  beforeAll(async () => {
    t = await createTestApp({ seed: 'region', clock: fixedClock(`${TODAY}T12:00:00Z`) });
    world = await aPricedBackPainOffer(t.deps, TODAY, 3500);
  });
  afterAll(() => t.close());

  it('moves when a referral arrives already accepted, and not when one arrives without acceptance', async () => {
    const before = await providerVersion();
    await aReferralFor(t.deps, world, { acceptedOn: '2027-02-10' });
    const afterAccepted = await providerVersion();
    expect(BigInt(afterAccepted), 'an accepted referral counts towards the wait').toBeGreaterThan(BigInt(before));
    await aReferralFor(t.deps, world, { returnedWith: 'OUTSIDE_CRITERIA', sentOn: '2027-02-11' });
    expect(await providerVersion(), 'a referral never accepted does not').toBe(afterAccepted);
  });

  it('still moves when a referral is accepted later, and when an accepted one is removed', async () => {
    const returned = await aReferralFor(t.deps, world, { returnedWith: 'OUTSIDE_CRITERIA', sentOn: '2027-02-12' });
    const before = await providerVersion();
    await t.deps.db
      .updateTable('referrals')
      .set({ accepted_at: new Date('2027-02-13T11:00:00Z') })
      .where('id', '=', returned.id)
      .execute();
    const accepted = await providerVersion();
    expect(BigInt(accepted)).toBeGreaterThan(BigInt(before));
    await t.deps.db.deleteFrom('referral_events').where('referral_id', '=', returned.id).execute();
    await t.deps.db.deleteFrom('referrals').where('id', '=', returned.id).execute();
    expect(BigInt(await providerVersion())).toBeGreaterThan(BigInt(accepted));
  });
});
