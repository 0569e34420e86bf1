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

  it('sees a site added or closed through any node on its next use, and rebuilds only then', async () => {
    const registry = new SiteIndexRegistry(t.deps.db);
    const first = await registry.index();
    expect(first.size).toBe(6);
    expect(await registry.index(), 'nothing changed: the same index').toBe(first);
    const provider = await t.deps.db.selectFrom('organisations').select('id').where('ods_code', '=', 'DEMO1').executeTakeFirstOrThrow();
    const otherNode = t.database.anotherConnection();
    await upsertSite(otherNode, {
      organisationId: provider.id,
      name: 'Sowerby Bridge clinic',
      postcode: 'HX6 3AB',
      latitude: 53.70711,
      longitude: -1.91078,
    });
    const [a, b] = await Promise.all([registry.index(), registry.index()]);
    expect(a.size).toBe(7);
    expect(b, 'callers at the same moment share one rebuild').toBe(a);
    await otherNode.updateTable('sites').set({ closed_on: '2026-01-01' }).where('name', '=', 'Sowerby Bridge clinic').execute();
    expect((await registry.index()).size).toBe(6);
  });
});
