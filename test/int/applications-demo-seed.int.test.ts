import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationCounts } from '../../src/domains/applications/application-counts.repo.ts';
import { seedDemoApplications } from '../../src/demo/applications.demo-seed.ts';
import { seedDemoProviders } from '../../src/demo/providers.demo-seed.ts';
import { movableToday } from '../support/movable-clock.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

describe('the demo applications', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo', clock: movableToday('2027-02-01') });
    await seedDemoProviders(t.deps);
  });
  afterAll(() => t.close());

  it('qualifies the providers of each demo offer, leaves one in clarification and one refused for the price, and changes nothing when run again', async () => {
    await seedDemoApplications(t.deps);
    const offers = await t.deps.db.selectFrom('offers').select(['id', 'title']).where('status', '=', 'open').execute();
    expect(offers).toHaveLength(4);
    for (const offer of offers) {
      const counts = await applicationCounts(t.deps.db, offer.id);
      expect(counts.qualified, offer.title).toBeGreaterThanOrEqual(3);
    }
    const back = offers.find((offer) => offer.title.startsWith('Back and neck pain'))!;
    expect(await applicationCounts(t.deps.db, back.id)).toMatchObject({ inAssessment: 1, refused: { 'rejects-price': 1 } });
    const refusal = await t.deps.db
      .selectFrom('applications')
      .select(['refusal_ground', 'decision_reasons'])
      .where('status', '=', 'not-qualified')
      .executeTakeFirstOrThrow();
    expect(refusal).toMatchObject({ refusal_ground: 'rejects-price', decision_reasons: expect.stringContaining('£300') });
    const listings = await t.deps.db.selectFrom('listings').select('id').execute();
    const qualified = await t.deps.db.selectFrom('applications').select('id').where('status', '=', 'qualified').execute();
    expect(listings).toHaveLength(qualified.length);

    expect(await seedDemoApplications(t.deps)).toEqual({ qualified: 0, inClarification: 0, refused: 0 });
    expect(await t.deps.db.selectFrom('listings').select('id').execute()).toHaveLength(listings.length);
  });
});
