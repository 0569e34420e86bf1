import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDistricts } from '../../src/domains/reference/import/area-import.service.ts';
import {
  importIcbs,
  importRegions,
  importSubIcbLocations,
  importTrusts,
} from '../../src/domains/reference/import/organisation-import.service.ts';
import { REFERENCE_DATA_DIR } from '../support/reference-data.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { WebClient } from '../support/web-client.ts';

/** The table cells of the sub-ICB locations table, row by row, without the headings repeated for narrow screens. */
function locationRows(html: string): string[][] {
  const table = html.slice(html.indexOf('Sub-ICB locations of'), html.indexOf('</table>'));
  return [...table.matchAll(/<tr class="nhsuk-table__row"[^>]*>([\s\S]*?)<\/tr>/g)]
    .slice(1)
    .map((row) =>
      [...row[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((cell) =>
        cell[1]!.replace(/<span[^>]*aria-hidden[^>]*>[^<]*<\/span>/, '').trim(),
      ),
    );
}

describe('the areas a commissioner sees, on the real ODS data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: 'region' });
    await importDistricts(t.deps, path.join(REFERENCE_DATA_DIR, 'postcode_districts.csv'));
    await importRegions(t.deps);
    await importIcbs(t.deps, path.join(REFERENCE_DATA_DIR, 'icb_names_codes_dec_2024.csv'));
    await importSubIcbLocations(t.deps, path.join(REFERENCE_DATA_DIR, 'eccg.csv'));
    await importTrusts(t.deps, path.join(REFERENCE_DATA_DIR, 'etr.csv'));
  }, 120_000);
  afterAll(() => t.close());

  it('lists only the five open sub-ICB locations of West Yorkshire ICB, by the area each serves, without hubs, trusts or abolished CCGs', async () => {
    const client = new WebClient(t.app);
    await client.signIn('commissioner@aqp.example');
    const page = await client.get('/commissioning');
    expect(page.statusCode).toBe(200);
    expect(locationRows(page.body)).toEqual([
      ['Bradford', 'NHS WEST YORKSHIRE ICB - 36J', '36J'],
      ['Calderdale', 'NHS WEST YORKSHIRE ICB - 02T', '02T'],
      ['Kirklees', 'NHS WEST YORKSHIRE ICB - X2C4Y', 'X2C4Y'],
      ['Leeds', 'NHS WEST YORKSHIRE ICB - 15F', '15F'],
      ['Wakefield', 'NHS WEST YORKSHIRE ICB - 03R', '03R'],
    ]);
    expect(page.body).not.toContain('COMMISSIONING HUB');
    expect(page.body).not.toContain('NHS FOUNDATION TRUST');
    expect(page.body).not.toContain('BRADFORD DISTRICTS CCG');
  });
});
