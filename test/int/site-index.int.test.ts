import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SiteIndexRegistry } from '../../src/domains/directory/site-index.registry.ts';
import { upsertSite } from '../../src/domains/directory/site.repo.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

describe('the nearest-site index kept in step with the database', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: 'region' });
  });
  afterAll(() => t.close());

  const fromHalifax = { latitude: 53.72166, longitude: -1.85798 };

  it('holds the demo providers’ sites, nearest first from Halifax', async () => {
    const index = await new SiteIndexRegistry(t.deps.db).index();
    expect(index.size).toBe(6);
    const nearest = index.nearest(fromHalifax, 3);
    expect(nearest[0]!.distanceKm).toBeLessThan(1);
    expect(nearest.map((site) => site.distanceKm)).toEqual([...nearest.map((site) => site.distanceKm)].sort((a, b) => a - b));
  });

  it('sees its own writes at once when invalidated, and other nodes’ writes within a minute', async () => {
    let now = 0;
    const registry = new SiteIndexRegistry(t.deps.db, () => now);
    expect((await registry.index()).size).toBe(6);
    const provider = await t.deps.db.selectFrom('organisations').select('id').where('ods_code', '=', 'DEMO1').executeTakeFirstOrThrow();
    await upsertSite(t.deps.db, {
      organisationId: provider.id,
      name: 'Sowerby Bridge clinic',
      postcode: 'HX6 3AB',
      latitude: 53.70711,
      longitude: -1.91078,
    });
    expect((await registry.index()).size).toBe(6);
    now += 61_000;
    expect((await registry.index()).size).toBe(7);
    await upsertSite(t.deps.db, {
      organisationId: provider.id,
      name: 'Leeds clinic',
      postcode: 'LS1 4AP',
      latitude: 53.79546,
      longitude: -1.55572,
    });
    registry.invalidate();
    expect((await registry.index()).size).toBe(8);
  });
});
