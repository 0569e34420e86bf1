import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assuranceSummary } from '../../src/domains/providers/assurance-summary.service.ts';
import { DEMO_EXPIRING_INSURANCE_ODS, DEMO_PROVIDER_SERVICES, DEMO_PROVIDERS } from '../../src/demo/providers.demo-data.ts';
import { seedDemoProviders } from '../../src/demo/providers.demo-seed.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { movableToday } from '../support/movable-clock.ts';
import { WebClient } from '../support/web-client.ts';

const clock = movableToday('2027-02-01');

describe('the demo providers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: 'region', clock });
    await seedDemoProviders(t.deps);
  });
  afterAll(() => t.close());

  const countOf = async (table: 'organisations' | 'sites' | 'assurance_evidence' | 'documents' | 'users') =>
    Number(
      (
        await t.deps.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('seeds at least seven providers with at least three for hearing, back and neck pain and talking therapies', async () => {
    expect(DEMO_PROVIDERS.length).toBeGreaterThanOrEqual(7);
    for (const service of ['adult-hearing', 'back-and-neck-pain', 'psychological-therapies']) {
      expect(DEMO_PROVIDER_SERVICES.filter((entry) => entry.serviceCode === service).length, service).toBeGreaterThanOrEqual(3);
    }
    const providers = await t.deps.db
      .selectFrom('organisations as o')
      .innerJoin('provider_profiles as p', 'p.organisation_id', 'o.id')
      .select(['o.ods_code'])
      .where('o.ods_code', 'like', 'DEMO%')
      .execute();
    expect(providers.map((row) => row.ods_code).sort()).toEqual(DEMO_PROVIDERS.map((provider) => provider.odsCode).sort());
  });

  it('places every listed site in Calderdale, Kirklees or Wakefield with its details', async () => {
    for (const entry of DEMO_PROVIDER_SERVICES) {
      const sites = await t.deps.db
        .selectFrom('sites as s')
        .innerJoin('organisations as o', 'o.id', 's.organisation_id')
        .select(['s.name', 's.postcode', 's.latitude', 's.longitude', 's.accessibility', 's.opening_times'])
        .where('o.ods_code', '=', entry.odsCode)
        .where('s.name', 'in', entry.siteNames)
        .execute();
      expect(sites).toHaveLength(entry.siteNames.length);
      for (const site of sites) {
        expect(site.postcode).toMatch(/^(HX\d|HD\d|WF([1-9]|1[0-7])|OL14) \d[A-Z]{2}$/);
        expect(site.latitude).toBeGreaterThan(53.5);
        expect(site.latitude).toBeLessThan(53.8);
        expect(site.accessibility).not.toBe('');
        expect(site.opening_times).toHaveLength(5);
      }
    }
  });

  it('gives every provider complete, verified assurance a year ahead, except one insurance that expires within 20 days', async () => {
    for (const provider of DEMO_PROVIDERS) {
      const organisation = await t.deps.db
        .selectFrom('organisations')
        .select('id')
        .where('ods_code', '=', provider.odsCode)
        .executeTakeFirstOrThrow();
      const summary = await assuranceSummary(t.deps.db, organisation.id, clock.today());
      expect(summary, provider.odsCode).toMatchObject({ complete: true, valid: true });
      const dated = summary.items.filter((item) => item.expiresOn !== null);
      expect(dated.length).toBeGreaterThanOrEqual(4);
      for (const item of dated) {
        const expiring = provider.odsCode === DEMO_EXPIRING_INSURANCE_ODS && item.kind === 'indemnity-insurance';
        if (expiring) expect(item.dueWithinDays).toBeLessThan(20);
        else expect(item.dueWithinDays, `${provider.odsCode} ${item.kind}`).toBeGreaterThanOrEqual(365);
      }
    }
  });

  it('changes nothing when run again', async () => {
    const before = await Promise.all((['organisations', 'sites', 'assurance_evidence', 'documents', 'users'] as const).map(countOf));
    expect(await seedDemoProviders(t.deps)).toEqual({ providers: DEMO_PROVIDERS.length, evidenceRecorded: 0 });
    expect(await Promise.all((['organisations', 'sites', 'assurance_evidence', 'documents', 'users'] as const).map(countOf))).toEqual(
      before,
    );
  });

  it('lets each demo provider administrator sign in and see their verified assurance', async () => {
    const admin = new WebClient(t.app, '10.2.0.1');
    expect((await admin.signIn('admin@demo6.aqp.example')).statusCode).toBe(303);
    const page = await admin.get('/provider/assurance');
    expect(page.body).toContain('Your assurance is complete and verified.');
    expect(page.body).toContain('Monitor licence exemption');
  });
});
