import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeSummary, type ImportSummary } from '../../src/domains/reference/import/import-summary.ts';
import { importAll } from '../../src/domains/reference/import/reference-import.service.ts';
import { lookupPlace } from '../../src/domains/reference/postcode.service.ts';
import { findDistrict } from '../../src/domains/reference/postcode.repo.ts';
import { responsibleForDistrict, responsibleForPractice } from '../../src/domains/reference/responsible-commissioner.service.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { REFERENCE_DATA_DIR } from '../support/reference-data.ts';

/** The whole of shared/data, imported once for this file (about a minute), then checked as an operator would. */
describe('importing the real reference data', () => {
  let t: TestApp;
  let first: ImportSummary[];
  beforeAll(async () => {
    t = await createTestApp({ seed: false });
    const result = await importAll(t.deps, REFERENCE_DATA_DIR);
    expect(result.missing).toEqual([]);
    first = result.summaries;
    for (const summary of first) console.log(describeSummary(summary));
  }, 600_000);
  afterAll(() => t.close());

  it('loads every file with no rejected rows', () => {
    const byName = Object.fromEntries(first.map((summary) => [summary.dataset, summary]));
    expect(byName.postcodes).toMatchObject({ inserted: 1_745_013, rejected: 0 });
    expect(byName['postcode-districts']).toMatchObject({ inserted: 2_864, rejected: 0 });
    expect(byName['postcode-sectors']).toMatchObject({ inserted: 10_847, rejected: 0 });
    expect(byName.icbs).toMatchObject({ inserted: 42, rejected: 0 });
    expect(byName['sub-icb-locations']).toMatchObject({ inserted: 320, rejected: 0 });
    expect(byName['gp-practices']).toMatchObject({ inserted: 8_655, rejected: 0 });
    expect(byName['nhs-trusts']).toMatchObject({ inserted: 273, rejected: 0 });
  });

  it('resolves every active English GP practice to its sub-ICB location and ICB', async () => {
    const result = await sql<{ active: number; resolved: number }>`
      SELECT count(*)::int AS active,
             count(*) FILTER (WHERE s.ods_type = 'sub-icb' AND i.ods_type = 'icb')::int AS resolved
      FROM organisations p
      LEFT JOIN organisations s ON s.id = p.parent_id
      LEFT JOIN organisations i ON i.id = s.parent_id
      WHERE p.ods_type = 'gp-practice' AND p.status = 'A' AND p.prescribing_setting = 4 AND p.region_code IS DISTINCT FROM 'W00'`.execute(
      t.deps.db,
    );
    const { active, resolved } = result.rows[0]!;
    expect(active).toBeGreaterThan(6_000);
    expect(resolved).toBe(active);
  });

  it('gives LS1 4AP, ls14ap and LS1  4AP the same coordinates near 53.80, -1.55', async () => {
    const answers = await Promise.all(
      ['LS1 4AP', 'ls14ap', 'LS1  4AP'].map((typed) => t.app.inject(`/api/v1/postcodes/${encodeURIComponent(typed)}`)),
    );
    const bodies = answers.map((answer) => answer.json());
    expect(answers.map((answer) => answer.statusCode)).toEqual([200, 200, 200]);
    expect(new Set(bodies.map((body) => `${body.postcode} ${body.latitude} ${body.longitude}`)).size).toBe(1);
    expect(bodies[0].latitude).toBeCloseTo(53.8, 1);
    expect(bodies[0].longitude).toBeCloseTo(-1.55, 1);
    expect(bodies[0].responsibleCommissioner).toMatchObject({
      subIcb: { odsCode: '15F' },
      icb: { odsCode: 'QWO' },
      method: 'nearest-practices',
    });
    expect(bodies[0].responsibleCommissioner.explanation).toMatch(/^Estimated/);
  });

  it('answers unknown and malformed postcodes with clear coded problems', async () => {
    const unknown = await t.app.inject('/api/v1/postcodes/SW1A%209ZZ');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'postcode-unknown', detail: expect.stringContaining('SW1A 9ZZ') });
    const malformed = await t.app.inject('/api/v1/postcodes/hello');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('validation-failed');
  });

  it('describes a GP practice with its sub-ICB and ICB, and a closed CCG with its close date', async () => {
    const practice = (await t.app.inject('/api/v1/organisations/b84001')).json();
    expect(practice).toMatchObject({
      odsCode: 'B84001',
      kind: 'gp-practice',
      postcode: 'HX6 3AB',
      subIcb: { odsCode: '02T' },
      icb: { odsCode: 'QWO' },
    });
    expect(practice.latitude).toBeCloseTo(53.707, 2);
    const closed = (await t.app.inject('/api/v1/organisations/00C')).json();
    expect(closed).toMatchObject({ odsCode: '00C', closeDate: '2020-03-31', openDate: '2013-04-01' });
    const unknown = await t.app.inject('/api/v1/organisations/ZZZ99');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('organisation-unknown');
  });

  it('finds a registered patient’s commissioner from their GP practice, and explains a Welsh one', async () => {
    await expect(responsibleForPractice(t.deps, 'b84001')).resolves.toMatchObject({
      subIcb: { odsCode: '02T' },
      icb: { odsCode: 'QWO' },
      method: 'gp-practice',
    });
    const welsh = await t.deps.db
      .selectFrom('organisations')
      .select('ods_code')
      .where('ods_type', '=', 'gp-practice')
      .where('region_code', '=', 'W00')
      .executeTakeFirstOrThrow();
    await expect(responsibleForPractice(t.deps, welsh.ods_code!)).rejects.toThrow('no commissioner in England');
    await expect(responsibleForPractice(t.deps, 'ZZZ999')).rejects.toThrow('There is no GP practice with the ODS code ZZZ999');
  });

  it('places a partial postcode (district) at its centre for public searches', async () => {
    await expect(lookupPlace(t.deps, 'ls1')).resolves.toEqual({ kind: 'district', label: 'LS1', latitude: 53.79765, longitude: -1.55129 });
    await expect(lookupPlace(t.deps, 'HX6 3AB')).resolves.toMatchObject({ kind: 'postcode', label: 'HX6 3AB' });
    await expect(lookupPlace(t.deps, 'LS78')).rejects.toThrow('We cannot find the postcode area LS78');
  });

  it('finds the commissioner for a postcode district from the GP practices nearest its centre, and says it is an estimate', async () => {
    for (const [district, subIcb] of [
      ['HX6', '02T'],
      ['LS1', '15F'],
    ] as const) {
      const centre = (await findDistrict(t.deps.db, district))!;
      await expect(responsibleForDistrict(t.deps, centre)).resolves.toMatchObject({
        subIcb: { odsCode: subIcb },
        method: 'nearest-practices',
        explanation: expect.stringContaining(`centre of ${district}`),
      });
    }
  });

  it('reports zero inserts and zero updates when everything is imported again', async () => {
    const again = await importAll(t.deps, REFERENCE_DATA_DIR);
    for (const summary of again.summaries) {
      expect({ dataset: summary.dataset, inserted: summary.inserted, updated: summary.updated, closed: summary.closed }).toEqual({
        dataset: summary.dataset,
        inserted: 0,
        updated: 0,
        closed: 0,
      });
    }
  }, 600_000);
});
