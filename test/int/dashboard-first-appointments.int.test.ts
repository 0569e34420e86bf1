import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstAppointments } from '../../src/domains/dashboards/dashboard-referrals.repo.ts';
import { fixedClock } from '../../src/lib/clock.ts';
import { type ActivityWorld, aPricedBackPainOffer } from '../support/activity-rows.ts';
import { referralsSent } from '../support/dashboard-rows.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

const TODAY = '2026-10-15';

describe('the commissioner dashboard’s first appointments (decision 0077)', () => {
  let t: TestApp;
  let world: ActivityWorld;
  const contact = (referralId: string, at: string, attendance: 'attended' | 'did-not-attend' = 'attended') =>
    t.deps.db
      .insertInto('referral_contacts')
      .values({ referral_id: referralId, kind: 'appointment', scheduled_for: at, attendance })
      .execute();
  const seenIn = async (fromDate: string, toDate: string, serviceCode: string | null = null) =>
    (await firstAppointments(t.deps.db, { kind: 'commissioner', commissionerId: world.commissionerId }, { fromDate, toDate, serviceCode }))
      .map((row) => `${row.sentOn} → ${row.seenOn}`)
      .sort();

  beforeAll(async () => {
    t = await createTestApp({ seed: 'region', clock: fixedClock(`${TODAY}T12:00:00Z`) });
    world = await aPricedBackPainOffer(t.deps, TODAY, 3500);
    const [seenInJuneAndJuly] = await referralsSent(t.deps, world, '2026-06-10', 1, '2026-06-22');
    await contact(seenInJuneAndJuly!, '2026-07-15T09:00:00Z');
    const [seenTwiceInJuly] = await referralsSent(t.deps, world, '2026-06-29', 1, '2026-07-20');
    await contact(seenTwiceInJuly!, '2026-07-03T09:00:00Z');
    const [missedInJulySeenInAugust] = await referralsSent(t.deps, world, '2026-07-01', 1);
    await contact(missedInJulySeenInAugust!, '2026-07-08T09:00:00Z', 'did-not-attend');
    await contact(missedInJulySeenInAugust!, '2026-07-31T23:30:00Z');
  });

  afterAll(async () => t.close());

  it('counts a referral in the period its first attended contact falls in, once, at that contact, on its day in England', async () => {
    expect(await seenIn('2026-06-01', '2026-06-30')).toEqual(['2026-06-10 → 2026-06-22']);
    expect(await seenIn('2026-07-01', '2026-07-31')).toEqual(['2026-06-29 → 2026-07-03']);
    expect(await seenIn('2026-08-01', '2026-08-31')).toEqual(['2026-07-01 → 2026-08-01']);
    expect(await seenIn('2026-06-01', '2026-08-31')).toEqual([
      '2026-06-10 → 2026-06-22',
      '2026-06-29 → 2026-07-03',
      '2026-07-01 → 2026-08-01',
    ]);
  });

  it('keeps only the service chosen', async () => {
    expect(await seenIn('2026-06-01', '2026-08-31', 'back-and-neck-pain')).toHaveLength(3);
    expect(await seenIn('2026-06-01', '2026-08-31', 'adult-hearing')).toEqual([]);
  });
});
